import Testing
import PropertyBased
@testable import TOML

/// Laws of the engine checked on random inputs.
@Suite struct TOMLPropertyTests {
    /// Any string, rendered as a TOML string and as a key, parses back to itself.
    @Test func renderedStringsAndKeysParseBack() async {
        let text = Gen.character(in: "\u{0}"..."\u{2FF}").string(of: 0...24)
        await propertyCheck(count: 300, input: text) { value in
            let source = TOMLSerializer.renderKey(value) + " = " + TOMLSerializer.renderString(value) + "\n"
            let document = try? TOMLDocument(parsing: source)
            #expect(document?.decoded()[value] == .string(value), "\(source.debugDescription)")
        }
    }

    /// Inserting into or removing from an array, in either layout, changes exactly that item
    /// and leaves the text before the array untouched.
    @Test func arrayEditsChangeExactlyOneItem() async {
        let items = Gen.letterOrNumber.string(of: 1...6).array(of: 0...6)
        await propertyCheck(count: 200, input: items, Gen.int(in: 0...6), Gen.bool) { items, rawIndex, multiline in
            let rendered = items.map { "\"\($0)\"" }
            let body = multiline
                ? "[\n" + rendered.map { "  \($0),  # note\n" }.joined() + "]"
                : "[" + rendered.joined(separator: ", ") + "]"
            let source = "# header comment\nlist = \(body)\nafter = 1\n"
            guard var document = try? TOMLDocument(parsing: source) else {
                Issue.record("fixture does not parse: \(source)")
                return
            }
            let insertAt = rawIndex % (items.count + 1)
            var expected = items
            expected.insert("new", at: insertAt)
            var inserted = document
            try? inserted.insertArrayItem(.string("new"), at: insertAt, inArrayAt: ["list"])
            #expect(inserted.decoded()["list"] == .array(expected.map(TOMLValue.string)), "\(inserted.text)")
            #expect(inserted.text.hasPrefix("# header comment\nlist = ["))
            #expect(inserted.text.hasSuffix("\nafter = 1\n"))
            #expect((try? TOMLDocument(parsing: document.text)) != nil)
            guard !items.isEmpty else { return }
            let removeAt = rawIndex % items.count
            expected = items
            expected.remove(at: removeAt)
            try? document.removeArrayItem(at: removeAt, inArrayAt: ["list"])
            #expect(document.decoded()["list"] == .array(expected.map(TOMLValue.string)), "\(document.text)")
            #expect(document.text.hasSuffix("\nafter = 1\n"))
            if multiline {
                // Comments are never lost.
                #expect(document.text.components(separatedBy: "# note").count == items.count + 1)
            }
        }
    }
}
