@testable import Python
import Testing

@Suite("FNV1a")
struct FNV1aTests {
    /// Reference values of the 64-bit FNV-1a hash (from the FNV specification's test suite).
    @Test(arguments: [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ])
    func referenceVectors(input: String, expected: String) {
        #expect(FNV1a.hex64(input) == expected)
    }

    @Test func hexIsSixteenDigitsAndStable() {
        let path = "/root/.pyenv/versions/3.12.1/bin/python3"
        #expect(FNV1a.hex64(path).count == 16)
        #expect(FNV1a.hex64(path) == FNV1a.hex64(path))
        #expect(FNV1a.hex64(path) != FNV1a.hex64(path + "x"))
    }

    @Test func hashesBytesNotCharacters() {
        #expect(FNV1a.hash64(Array("é".utf8)) == FNV1a.hash64("é".utf8))
        #expect(FNV1a.hex64("é") != FNV1a.hex64("e\u{301}"))
    }
}
