import Testing
@testable import PyProject

@Suite struct PyProjectEditorTests {
    @Test func sourcesAreSetAndRemovedInPlace() throws {
        var editor = try PyProjectEditor(parsing: """
        [project]
        name = "a"
        version = "1"
        dependencies = ["pkga"]

        # Local checkouts.
        [tool.uv.sources]
        pkgb = { path = "../pkgb" }
        """)
        try editor.setSource(for: "PkgA", inlineTable: "{ path = \"../pkga\", editable = true }")
        try editor.setSource(for: "PKGB", inlineTable: "{ git = \"https://host/org/pkgb\", rev = \"v1\" }")
        #expect(editor.text == """
        [project]
        name = "a"
        version = "1"
        dependencies = ["pkga"]

        # Local checkouts.
        [tool.uv.sources]
        pkgb = { git = "https://host/org/pkgb", rev = "v1" }
        pkga = { path = "../pkga", editable = true }

        """)
        #expect(try editor.removeSource(for: "PKGB"))
        #expect(!(try editor.removeSource(for: "missing")))
        #expect(try PyProjectToml(parsing: editor.text).toolUv?.sources.map(\.name) == ["pkga"])
    }

    @Test func sourcesTableIsCreatedAfterToolUv() throws {
        var editor = try PyProjectEditor(parsing: "[project]\nname = \"a\"\nversion = \"1\"\n\n[tool.uv]\npackage = false\n\n[tool.ruff]\nline-length = 88\n")
        try editor.setSource(for: "six", inlineTable: "{ url = \"https://files.example/six-1.17.0-py2.py3-none-any.whl\" }")
        #expect(editor.text == "[project]\nname = \"a\"\nversion = \"1\"\n\n[tool.uv]\npackage = false\n\n[tool.uv.sources]\nsix = { url = \"https://files.example/six-1.17.0-py2.py3-none-any.whl\" }\n\n[tool.ruff]\nline-length = 88\n")
    }

    @Test func removingAMissingDependencyNamesTheTable() throws {
        var editor = try PyProjectEditor(parsing: "[project]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"six\"]\n")
        let error = try #require(throws: PyProjectEditError.self) { try editor.removeDependency(named: "notthere", from: .project) }
        #expect(error.message == "The dependency `notthere` could not be found in `project.dependencies`")
        #expect(editor.text == "[project]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"six\"]\n")
    }

    @Test func addingToAProjectWithoutProjectTableFails() throws {
        var editor = try PyProjectEditor(parsing: "[tool.uv]\npackage = false\n")
        #expect(throws: PyProjectEditError.missingProjectTable) { try editor.addDependency("six", to: .project) }
        try editor.addDependency("pytest", to: .group("dev"))
        #expect(editor.text == "[tool.uv]\npackage = false\n\n[dependency-groups]\ndev = [\n    \"pytest\",\n]\n")
    }

    @Test func sortedInsertionFollowsUvsOrderings() {
        #expect(PyProjectEditor.insertionIndex(for: "click", among: ["Flask>=3", "requests"]) == 0)
        #expect(PyProjectEditor.insertionIndex(for: "pyyaml", among: ["Flask>=3", "requests"]) == 1)
        #expect(PyProjectEditor.insertionIndex(for: "zzz", among: ["Flask>=3", "requests"]) == 2)
        #expect(PyProjectEditor.insertionIndex(for: "attrs", among: ["six", "flask"]) == 2)
        #expect(PyProjectEditor.insertionIndex(for: "black", among: ["pytest", nil]) == 0)
        #expect(PyProjectEditor.insertionIndex(for: "zope", among: ["pytest", nil]) == 1)
        #expect(PyProjectEditor.insertionIndex(for: "a", among: []) == 0)
    }
}
