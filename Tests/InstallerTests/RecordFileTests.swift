import Testing
@testable import Installer

@Suite struct RecordFileTests {
    @Test func parsesLinesWithAndWithoutHashes() throws {
        let text = """
        omega/__init__.py,sha256=FQVAWehplnau7vzlOfzgDgtx6EtTgOk3ejM2WMZE50A,180
        omega-1.0.dist-info/RECORD,,
        /abs/looking.py,sha256=x,3

        "with,comma.py","sha256=y",4
        """
        let entries = try RecordFile.parse(text)
        #expect(entries == [
            RecordEntry(path: "omega/__init__.py", hash: "sha256=FQVAWehplnau7vzlOfzgDgtx6EtTgOk3ejM2WMZE50A", size: 180),
            RecordEntry(path: "omega-1.0.dist-info/RECORD"),
            RecordEntry(path: "abs/looking.py", hash: "sha256=x", size: 3),
            RecordEntry(path: "with,comma.py", hash: "sha256=y", size: 4),
        ])
    }

    @Test func quotedFieldsRoundTrip() throws {
        let entries = [
            RecordEntry(path: "a \"quoted\" name.py", hash: "sha256=abc", size: 1),
            RecordEntry(path: "comma,name.py", hash: nil, size: nil),
            RecordEntry(path: "plain.py", hash: "sha256=def", size: 0),
        ]
        let text = RecordFile.serialize(entries)
        #expect(text == "\"a \"\"quoted\"\" name.py\",sha256=abc,1\n\"comma,name.py\",,\nplain.py,sha256=def,0\n")
        #expect(try RecordFile.parse(text) == entries)
    }

    @Test func rejectsBadSizesAndOpenQuotes() {
        #expect(throws: RecordParseError.invalidSize(line: 2, value: "ten")) {
            try RecordFile.parse("a.py,,1\nb.py,sha256=x,ten\n")
        }
        #expect(throws: RecordParseError.unterminatedQuote(line: 1)) {
            try RecordFile.parse("\"a.py,,1\n")
        }
    }

    @Test func sortsByPathBytesAsUv() {
        let entries = [
            RecordEntry(path: "omega/__init__.py"), RecordEntry(path: "../../../bin/omega"),
            RecordEntry(path: "Omega.py"), RecordEntry(path: "omega-1.0.dist-info/RECORD"),
        ].sorted()
        #expect(entries.map(\.path) == ["../../../bin/omega", "Omega.py", "omega-1.0.dist-info/RECORD", "omega/__init__.py"])
    }
}

/// Inputs the libFuzzer harness (`scripts/fuzz record`) found breaking the RECORD round trip.
@Suite struct RecordFuzzRegressionTests {
    /// A quote followed by a combining mark (U+0732) is one character to `String`: quoting the
    /// field by characters left that quote undoubled, and the path read back shorter.
    @Test func aQuoteBeforeACombiningMarkIsDoubled() throws {
        let input: [UInt8] = Array("\n\n\n\n\n\"demod".utf8) + [0, 0, 0, 1, 0, 0, 0] + Array("apy\"od\"".utf8)
            + [0xDC, 0xB2] + Array("i,".utf8) + [0x92] + Array("\nSeuoq\"\"o+++".utf8)
        let entries = try RecordFile.parse(String(decoding: input, as: UTF8.self))
        #expect(entries.count == 2)
        #expect(Array(entries[0].path.utf8.suffix(4)) == [0x22, 0xDC, 0xB2, 0x69])
        let serialized = RecordFile.serialize(entries)
        #expect(Array(serialized.utf8).filter { $0 == 0x22 }.count == 10)
        // Compared as bytes: the test log cuts a message at its first NUL.
        let again = try RecordFile.parse(serialized)
        #expect(again.map { Array($0.path.utf8) } == entries.map { Array($0.path.utf8) })
        #expect(again == entries)
    }

    @Test func replacingMatchesBytesNotCharacters() {
        #expect("a\"\u{332}b".replacingAll("\"", with: "\"\"") == "a\"\"\u{332}b")
        #expect("e\u{301}".replacingAll("e", with: "x") == "x\u{301}")
        #expect("abc".replacingAll("", with: "x") == "abc")
        #expect("aaa".replacingAll("aa", with: "b") == "ba")
    }
}
