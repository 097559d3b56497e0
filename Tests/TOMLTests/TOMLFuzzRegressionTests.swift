import Testing
import TOML

/// Inputs the libFuzzer harness (`scripts/fuzz toml`) found crashing the parser; each must now
/// fail with a `TOMLError` (or parse) instead.
@Suite struct TOMLFuzzRegressionTests {
    /// An error offset past a lone carriage return on its line made the caret snippet slice a
    /// backwards range (`Range requires lowerBound <= upperBound`).
    @Test func errorAfterALoneCarriageReturn() throws {
        let input: [UInt8] = [0x5B, 0x09, 0x6F, 0x0D, 0x00, 0x1D, 0x00, 0x00, 0x00, 0xF1, 0x20, 0x54, 0x0A]
        let error = try #require(throws: TOMLError.self) { try TOMLDocument(parsing: input) }
        #expect(error.location.line == 1)
        #expect(error.offset == 9)
        #expect(error.message.contains("invalid UTF-8"))
    }

    /// The same shape with the error after the carriage return as an ordinary parse error.
    @Test func parseErrorAfterALoneCarriageReturn() throws {
        let error = try #require(throws: TOMLError.self) { try TOMLDocument(parsing: Array("a = 1\r= 2\n".utf8)) }
        #expect(error.location.line == 1)
        _ = error.message
    }

    /// A dotted key of hundreds of parts inside an inline table parses (keys are not nested
    /// values), but the serializer wrote it back as as many nested inline tables, past the
    /// parser's nesting limit. Inline sub-tables are now written as dotted keys.
    @Test func aLongDottedKeyInAnInlineTableSurvivesTheSerializer() throws {
        let key = (0..<325).map { "k\($0)" }.joined(separator: ".")
        let document = try TOMLDocument(parsing: "a = [\"str\", {\(key) = 2}]\n")
        let rendered = TOMLSerializer.render(document.decoded())
        #expect(rendered == "a = [\"str\", { \(key) = 2 }]\n")
        #expect(try TOMLDocument(parsing: rendered).decoded() == document.decoded())
    }

    @Test func inlineSubTablesAreWrittenAsDottedKeys() throws {
        let document = try TOMLDocument(parsing: "x = [1, { a = { b = 1, c = { d = [] } }, e = {} }]\n")
        #expect(TOMLSerializer.render(document.decoded()) == "x = [1, { a.b = 1, a.c.d = [], e = {} }]\n")
    }
}
