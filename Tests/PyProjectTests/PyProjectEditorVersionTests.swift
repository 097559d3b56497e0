import Testing
@testable import PyProject

/// `setVersion` and `addWorkspaceMember`: uv 0.13.9's `set_version` and `add_workspace` edits.
@Suite struct PyProjectEditorVersionTests {
    @Test func versionIsReplacedInPlaceKeepingItsComment() throws {
        var editor = try PyProjectEditor(parsing: "[project]\nname = \"fz\"\nversion = '1.5'  # the version\nrequires-python = \">=3.12\"\n")
        try editor.setVersion("1.6")
        #expect(editor.text == "[project]\nname = \"fz\"\nversion = \"1.6\"  # the version\nrequires-python = \">=3.12\"\n")
    }

    @Test func aMissingVersionIsAddedAndAMissingProjectRefused() throws {
        var editor = try PyProjectEditor(parsing: "[project]\nname = \"a\"\n\n[tool.x]\nk = 1")
        try editor.setVersion("2.0")
        #expect(editor.text == "[project]\nname = \"a\"\nversion = \"2.0\"\n\n[tool.x]\nk = 1\n")
        var other = try PyProjectEditor(parsing: "[tool.x]\nk = 1\n")
        #expect(throws: PyProjectEditError.missingProjectTable) { try other.setVersion("1") }
    }

    @Test func membersAreAppendedOnePerLine() throws {
        var editor = try PyProjectEditor(parsing: "[project]\nname = \"r\"\n\n[tool.uv.workspace]\nmembers = [\"packages/*\"]\n")
        try editor.addWorkspaceMember("b")
        try editor.addWorkspaceMember("b/d")
        #expect(editor.text == "[project]\nname = \"r\"\n\n[tool.uv.workspace]\nmembers = [\n    \"packages/*\",\n    \"b\",\n    \"b/d\",\n]\n")
    }

    @Test func aProjectBecomesAWorkspaceRoot() throws {
        var editor = try PyProjectEditor(parsing: "[project]\nname = \"pp\"\ndependencies = []\n")
        try editor.addWorkspaceMember("sub")
        #expect(editor.text == "[project]\nname = \"pp\"\ndependencies = []\n\n[tool.uv.workspace]\nmembers = [\n    \"sub\",\n]\n")
    }

    /// uv moves the comments around members as its re-layout does (recorded from uv 0.13.9).
    @Test func commentsMoveAsUvMovesThem() throws {
        var editor = try PyProjectEditor(parsing: """
            [tool.uv.workspace]
            members = [
                "x", # after x
                # own line
                "y" # after y
                # trailing
            ]

            """)
        try editor.addWorkspaceMember("new")
        #expect(editor.text == """
            [tool.uv.workspace]
            members = [
                "x", # after x
                # own line # after y
                # trailing
                "y",
                "new",
            ]

            """)
    }

    @Test func inlineWorkspaceTablesAreMalformed() throws {
        var editor = try PyProjectEditor(parsing: "[tool.uv]\nworkspace = { members = [\"a\"] }\n")
        #expect(throws: WorkspaceEditError.malformed) { try editor.addWorkspaceMember("b") }
        var notArray = try PyProjectEditor(parsing: "[tool.uv.workspace]\nmembers = \"a\"\n")
        #expect(throws: WorkspaceEditError.malformed) { try notArray.addWorkspaceMember("b") }
    }
}
