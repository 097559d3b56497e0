import Testing
@testable import TOML

/// Edits change only what they touch: the expected text of each case is the input with the
/// smallest possible change.
@Suite struct TOMLEditingTests {
    func edit(_ text: String, _ body: (inout TOMLDocument) throws -> Void) throws -> String {
        var document = try TOMLDocument(parsing: text)
        try body(&document)
        return document.text
    }

    @Test func replacingAValueKeepsCommentsAndSpacing() throws {
        let source = "# top\nname   =  'old'   # the name\n[tool]\nx = 1\n"
        let result = try edit(source) { try $0.setValue(.string("new"), at: ["name"]) }
        #expect(result == "# top\nname   =  \"new\"   # the name\n[tool]\nx = 1\n")
    }

    @Test func newKeyGoesAfterTheLastKeyOfItsSection() throws {
        let source = "[project]\nname = \"a\"\n# comment about version\nversion = \"1\"\n\n[tool.x]\ny = 2\n"
        let result = try edit(source) { try $0.setValue(.string(">=3.11"), at: ["project", "requires-python"]) }
        #expect(result == "[project]\nname = \"a\"\n# comment about version\nversion = \"1\"\nrequires-python = \">=3.11\"\n\n[tool.x]\ny = 2\n")
    }

    @Test func newKeyKeepsTheSectionsIndentation() throws {
        let source = "[a]\n  x = 1\n  y = 2\n"
        #expect(try edit(source) { try $0.setValue(.integer(3), at: ["a", "z"]) } == "[a]\n  x = 1\n  y = 2\n  z = 3\n")
    }

    @Test func newKeyInAFileWithoutTrailingNewline() throws {
        #expect(try edit("[a]\nx = 1") { try $0.setValue(.integer(2), at: ["a", "y"]) } == "[a]\nx = 1\ny = 2\n")
    }

    @Test func newKeyInACRLFFileUsesCRLF() throws {
        let source = "[a]\r\nx = 1\r\n"
        #expect(try edit(source) { try $0.setValue(.integer(2), at: ["a", "y"]) } == "[a]\r\nx = 1\r\ny = 2\r\n")
    }

    @Test func newTableGoesAfterItsAncestorsLastSection() throws {
        let source = "[project]\nname = \"a\"\n\n[tool.uv]\npackage = true\n\n# ruff settings\n[tool.ruff]\nline-length = 100\n"
        let result = try edit(source) { try $0.setValueText("{ path = \"../b\" }", at: ["tool", "uv", "sources", "b"]) }
        #expect(result == "[project]\nname = \"a\"\n\n[tool.uv]\npackage = true\n\n[tool.uv.sources]\nb = { path = \"../b\" }\n\n# ruff settings\n[tool.ruff]\nline-length = 100\n")
    }

    @Test func newTopLevelTableGoesAtTheEnd() throws {
        let source = "[project]\nname = \"a\"\n"
        let result = try edit(source) { try $0.setValue(.array([.string("pytest")]), at: ["dependency-groups", "dev"]) }
        #expect(result == "[project]\nname = \"a\"\n\n[dependency-groups]\ndev = [\"pytest\"]\n")
    }

    @Test func keyInAnInlineTable() throws {
        let source = "[tool.uv]\nsources = { a = { path = \"a\" } }\n"
        let result = try edit(source) { try $0.setValueText("{ git = \"https://h/b\" }", at: ["tool", "uv", "sources", "b"]) }
        #expect(result == "[tool.uv]\nsources = { a = { path = \"a\" }, b = { git = \"https://h/b\" } }\n")
        #expect(try edit("t = {}\n") { try $0.setValue(.integer(1), at: ["t", "k"]) } == "t = { k = 1 }\n")
    }

    @Test func keyInADottedTable() throws {
        let source = "[tool]\nuv.package = false\n"
        #expect(try edit(source) { try $0.setValue(.boolean(true), at: ["tool", "uv", "managed"]) }
                == "[tool]\nuv.package = false\nuv.managed = true\n")
    }

    @Test func implicitTableGetsAHeaderBeforeItsChildren() throws {
        let source = "[project]\nname = \"a\"\n\n[tool.uv.sources]\nb = { path = \"b\" }\n"
        #expect(try edit(source) { try $0.setValue(.boolean(false), at: ["tool", "uv", "package"]) }
                == "[project]\nname = \"a\"\n\n[tool.uv]\npackage = false\n\n[tool.uv.sources]\nb = { path = \"b\" }\n")
    }

    @Test func removingAKeyRemovesItsLineOnly() throws {
        let source = "[a]\n# about x\nx = 1 # one\ny = 2\n"
        #expect(try edit(source) { try $0.removeValue(at: ["a", "x"]) } == "[a]\n# about x\ny = 2\n")
        #expect(try edit("t = { a = 1, b = 2 }\n") { try $0.removeValue(at: ["t", "a"]) } == "t = { b = 2 }\n")
        #expect(try edit("t = { a = 1, b = 2 }\n") { try $0.removeValue(at: ["t", "b"]) } == "t = { a = 1 }\n")
    }

    @Test func removingATableRemovesItsSections() throws {
        let source = "[a]\nx = 1\n\n[b]\ny = 2\n\n[b.c]\nz = 3\n\n[d]\nw = 4\n"
        #expect(try edit(source) { try $0.removeValue(at: ["b"]) } == "[a]\nx = 1\n\n[d]\nw = 4\n")
    }

    @Test func singleLineArrayKeepsItsStyle() throws {
        let source = "deps = [\"a\", \"c\"]  # note\n"
        #expect(try edit(source) { try $0.appendArrayItem(.string("d"), inArrayAt: ["deps"]) } == "deps = [\"a\", \"c\", \"d\"]  # note\n")
        #expect(try edit(source) { try $0.insertArrayItem(.string("b"), at: 1, inArrayAt: ["deps"]) } == "deps = [\"a\", \"b\", \"c\"]  # note\n")
        #expect(try edit(source) { try $0.insertArrayItem(.string("0"), at: 0, inArrayAt: ["deps"]) } == "deps = [\"0\", \"a\", \"c\"]  # note\n")
        #expect(try edit(source) { try $0.removeArrayItem(at: 0, inArrayAt: ["deps"]) } == "deps = [\"c\"]  # note\n")
        #expect(try edit(source) { try $0.removeArrayItem(at: 1, inArrayAt: ["deps"]) } == "deps = [\"a\"]  # note\n")
        #expect(try edit("deps = []\n") { try $0.appendArrayItem(.string("a"), inArrayAt: ["deps"]) } == "deps = [\"a\"]\n")
    }

    @Test func multiLineArrayKeepsIndentationCommasAndComments() throws {
        let source = """
        deps = [
          # web
          "flask>=3",  # pinned by ops
          "requests",
          # trailing note
        ]

        """
        let appended = try edit(source) { try $0.appendArrayItem(.string("six"), inArrayAt: ["deps"]) }
        #expect(appended == """
        deps = [
          # web
          "flask>=3",  # pinned by ops
          "requests",
          # trailing note
          "six",
        ]

        """)
        let inserted = try edit(source) { try $0.insertArrayItem(.string("click"), at: 1, inArrayAt: ["deps"]) }
        #expect(inserted == """
        deps = [
          # web
          "flask>=3",  # pinned by ops
          "click",
          "requests",
          # trailing note
        ]

        """)
        let removed = try edit(source) { try $0.removeArrayItem(at: 0, inArrayAt: ["deps"]) }
        #expect(removed == """
        deps = [
          # web
          # pinned by ops
          "requests",
          # trailing note
        ]

        """)
    }

    @Test func multiLineArrayWithoutTrailingComma() throws {
        let source = "deps = [\n    \"a\",\n    \"b\"\n]\n"
        #expect(try edit(source) { try $0.appendArrayItem(.string("c"), inArrayAt: ["deps"]) } == "deps = [\n    \"a\",\n    \"b\",\n    \"c\"\n]\n")
        #expect(try edit(source) { try $0.removeArrayItem(at: 1, inArrayAt: ["deps"]) } == "deps = [\n    \"a\"\n]\n")
    }

    @Test func arrayLayoutRoundTrips() throws {
        for source in [
            "a = []\n", "a = [ ]\n", "a = [1,2]\n", "a = [1, 2,]\n", "a = [\n  1, # x\n  2\n]\n",
            "a = [ # c\n  \"x\" , \"y\" ,\n  # end\n]\n", "a = [\r\n  1,\r\n]\r\n",
        ] {
            let document = try TOMLDocument(parsing: source)
            let layout = try #require(document.arrayLayout(at: ["a"]))
            let node = try #require(document[["a"]])
            #expect(layout.render() == node.sourceText, "\(source)")
        }
    }

    @Test func invalidEditLeavesTheDocumentUntouched() throws {
        var document = try TOMLDocument(parsing: "a = 1\n")
        #expect(throws: TOMLEditError.self) { try document.setValueText("not toml", at: ["a"]) }
        #expect(document.text == "a = 1\n")
        #expect(throws: TOMLEditError.self) { try document.setValue(.integer(1), at: ["a", "b"]) }
    }
}
