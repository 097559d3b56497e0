import Testing
import SuvBasics
@testable import PyProject
import TOML

@Suite struct IndexEntryTests {
    @Test func readsAuthenticationErrorCodesAndCacheControl() throws {
        let settings = try UvToml(parsing: """
        [[index]]
        name = "internal"
        url = "https://pkgs.example/simple"
        authenticate = "always"
        ignore-error-codes = [401, 403]
        cache-control = { api = "max-age=600", files = "max-age=365000000, immutable" }
        """).settings
        let entry = try #require(settings.index.first)
        #expect(entry.authenticate == .always)
        #expect(entry.ignoreErrorCodes == [401, 403])
        #expect(entry.cacheControl == IndexEntry.CacheControl(api: "max-age=600", files: "max-age=365000000, immutable"))
    }

    @Test func mirrorOf() throws {
        let pyproject = try PyProjectToml(parsing: """
        [project]
        name = "demo"
        version = "1"

        [[tool.uv.index]]
        url = "https://mirror.corp.example/pypi/simple/"
        mirror-of = "https://index.example/simple/"
        """)
        #expect(pyproject.toolUv?.settings.index.first?.mirrorOf == "https://index.example/simple/")
        let error = try #require(throws: PyProjectError.self) {
            try UvToml(parsing: "[[index]]\nurl = \"https://a.example/simple\"\nmirror-of = \"../simple\"\n")
        }
        let snippet = ErrorChain(error).messages.last ?? ""
        #expect(snippet.hasPrefix("TOML parse error at line 3, column 13\n"), "\(snippet)")
    }

    @Test func defaultsWhenAbsent() throws {
        let entry = try #require(try UvToml(parsing: "[[index]]\nurl = \"https://a.example/simple\"\n").settings.index.first)
        #expect(entry.authenticate == .auto)
        #expect(entry.ignoreErrorCodes == nil)
        #expect(entry.cacheControl == nil)
    }

    @Test(arguments: [
        ("name = \"has space\"", "unsupported character (` `) in: `has space`"),
        ("name = \"\"", "Index included a name, but the name was empty"),
        ("name = \"caf\u{e9}\"", "Index names must be ASCII, but found non-ASCII character (`\u{e9}`) in: `caf\u{e9}`"),
        ("authenticate = \"sometimes\"", "unknown variant `sometimes`, expected one of `auto`, `always`, `never`"),
        ("ignore-error-codes = [42]", "expected a valid HTTP status code"),
        ("explicit = true", "An index with `explicit = true` requires a `name`: https://a.example/simple"),
        ("mirror-of = 3", "invalid type: integer `3`, expected a string"),
        ("mirror-of = \"index.example/simple\"", "`mirror-of` must be the absolute URL of the index this one mirrors"),
    ])
    func rejectsBadEntries(line: String, fragment: String) throws {
        let error = try #require(throws: PyProjectError.self) {
            try UvToml(parsing: "[[index]]\nurl = \"https://a.example/simple\"\n\(line)\n")
        }
        #expect(ErrorChain(error).messages.last?.contains(fragment) == true, "\(ErrorChain(error).messages)")
    }

    @Test func nameProblem() {
        #expect(IndexEntry.nameProblem("torch-cu_12.1") == nil)
        #expect(IndexEntry.nameProblem("a/b") != nil)
    }
}

@Suite struct ToolUvSettingsReadTests {
    @Test func readsOnlyToolUv() throws {
        // `[project]` without `version` would fail a full read; settings discovery ignores it.
        let tool = try ToolUv.read(fromPyproject: "[project]\nname = \"p\"\n[tool.uv]\noffline = true\n")
        #expect(tool?.settings.offline == true)
        #expect(try ToolUv.read(fromPyproject: "[project]\nname = \"p\"\n[tool.ruff]\nx = 1\n") == nil)
    }

    @Test func reportsBadToolUvValues() throws {
        let error = try #require(throws: PyProjectError.self) {
            try ToolUv.read(fromPyproject: "[tool.uv]\nresolution = 1\n", fileName: "`pyproject.toml`")
        }
        #expect(error.message == "Failed to parse: `pyproject.toml`")
        #expect(throws: PyProjectError.self) { try ToolUv.read(fromPyproject: "tool = 1\n") }
    }
}
