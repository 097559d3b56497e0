import Testing
@testable import Settings

@Suite struct INIFileTests {
    @Test func sectionsKeysAndDelimiters() throws {
        let file = try INIFile(parsing: """
        # pip configuration
        ; another comment
        [global]
        Index-URL = https://a.example/simple
        timeout: 60
        trusted-host=a.example

        [install]
        no-compile = yes
        """)
        #expect(file.sections.map(\.name) == ["global", "install"])
        #expect(file.value("index-url", in: "global") == "https://a.example/simple")
        #expect(file.value("timeout", in: "global") == "60")
        #expect(file.value("trusted-host", in: "global") == "a.example")
        #expect(file.value("no-compile", in: "install") == "yes")
        #expect(file.value("index-url", in: "install") == nil)
        #expect(file.value("x", in: "missing") == nil)
    }

    @Test func continuationLinesBlankLinesAndComments() throws {
        let file = try INIFile(parsing: """
        [global]
        extra-index-url =
            https://a.example/simple
        # a comment inside the value is skipped

            https://b.example/simple
        find-links = first
          second

        timeout = 5
        """)
        #expect(file.value("extra-index-url", in: "global") == "\nhttps://a.example/simple\n\nhttps://b.example/simple")
        #expect(file.value("find-links", in: "global") == "first\nsecond")
        #expect(file.value("timeout", in: "global") == "5")
    }

    @Test func noInlineCommentsAndFirstDelimiterSplits() throws {
        let file = try INIFile(parsing: "[global]\nindex-url = https://a.example/simple # not a comment\nkey = a=b:c\n")
        #expect(file.value("index-url", in: "global") == "https://a.example/simple # not a comment")
        #expect(file.value("key", in: "global") == "a=b:c")
    }

    @Test func defaultSectionIsInherited() throws {
        let file = try INIFile(parsing: "[DEFAULT]\ntimeout = 1\n[global]\nindex-url = x\n[install]\ntimeout = 2\n")
        #expect(file.value("timeout", in: "global") == "1")
        #expect(file.value("timeout", in: "install") == "2")
        #expect(file.items(in: "global")?.map(\.key) == ["index-url", "timeout"])
        #expect(file.sections.map(\.name) == ["global", "install"])
    }

    @Test func crlfLineEndings() throws {
        let file = try INIFile(parsing: "[global]\r\nindex-url = https://a.example/simple\r\n")
        #expect(file.value("index-url", in: "global") == "https://a.example/simple")
    }

    @Test func emptyValue() throws {
        #expect(try INIFile(parsing: "[global]\nindex-url =\n").value("index-url", in: "global") == "")
    }

    @Test(arguments: [
        ("index-url = x\n", INIError(line: 1, reason: "file contains no section headers")),
        ("[global]\njust some words\n", INIError(line: 2, reason: "expected `key = value`, found `just some words`")),
        ("[global]\na = 1\n[global]\n", INIError(line: 3, reason: "section `global` already exists")),
        ("[global]\na = 1\nA = 2\n", INIError(line: 3, reason: "option `a` in section `global` already exists")),
        ("[global]\n= 1\n", INIError(line: 2, reason: "an option name is missing before `=`")),
    ])
    func errors(text: String, expected: INIError) {
        #expect(throws: expected) { try INIFile(parsing: text) }
    }

    @Test func errorMessage() {
        #expect(INIError(line: 3, reason: "x").message == "line 3: x")
    }
}
