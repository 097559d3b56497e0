@testable import PackagingTypes
import Testing

@Suite struct JSONValueTests {
    @Test func parsesEveryKind() throws {
        let value = try JSONValue.parse(Array(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "a": 0} "#.utf8))
        #expect(value["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"]?.stringValue == "d")
        #expect(value.objectValue?.count == 3, "duplicate keys are kept; lookups take the first")
        #expect(value["missing"] == nil)
    }

    @Test func decodesStringEscapes() throws {
        let value = try JSONValue.parse(Array(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00\u0041""#.utf8))
        #expect(value.stringValue == "a\"b\\c/d\n\té😀A")
        let raw = try JSONValue.parse(Array("\"grüße\"".utf8))
        #expect(raw.stringValue == "grüße")
    }

    @Test func unsignedNumbers() throws {
        #expect(try JSONValue.parse(Array("12345".utf8)).unsignedValue == 12345)
        #expect(try JSONValue.parse(Array("-1".utf8)).unsignedValue == nil)
        #expect(try JSONValue.parse(Array("1.5".utf8)).unsignedValue == nil)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "\"abc", "\"a\u{01}\"", "tru", "nul", "[1] x", "{\"a\":1,}", "\"\\x\"",
    ])
    func rejectsMalformedInput(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONParseError.self) {
            try JSONValue.parse(Array((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8))
        }
    }

    @Test func reportsTheOffset() {
        #expect(throws: JSONParseError(reason: "expected `,` or `]`", offset: 3)) {
            try JSONValue.parse(Array("[1 2]".utf8))
        }
    }
}
