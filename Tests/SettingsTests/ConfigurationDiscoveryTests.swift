import PyProject
import SuvBasics
import Testing
@testable import Settings

@Suite struct ConfigurationDiscoveryTests {
    let userToml = "/home/alice/.config/uv/uv.toml"

    func discover(_ root: FakeRoot, _ variables: [String: String] = [:], cwd: String = "/home/alice/proj",
                  options: ConfigurationDiscoveryOptions = .init()) throws -> DiscoveredConfiguration {
        try ConfigurationDiscovery(environment: root.environment(variables, cwd: cwd)).discover(options)
    }

    @Test func findsProjectUserAndSystemInPrecedenceOrder() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/pyproject.toml", "[project]\nname = \"p\"\n[tool.uv]\nresolution = \"lowest\"\n")
        root.write(userToml, "offline = true\n")
        root.write("/etc/uv/uv.toml", "link-mode = \"copy\"\n")
        let found = try discover(root)
        #expect(found.files.map(\.path) == ["/home/alice/proj/pyproject.toml", userToml, "/etc/uv/uv.toml"])
        #expect(found.files.map(\.level) == [.project, .user, .system])
        #expect(found.files.map(\.kind) == [.pyprojectToml, .uvToml, .uvToml])
        #expect(found.files[0].displayPath == "pyproject.toml")
        #expect(found.files[1].displayPath == userToml)
        #expect(found.mode == .discovered)
        #expect(found.warnings.isEmpty)
    }

    @Test func walksUpSkippingPyprojectWithoutToolUv() throws {
        let root = FakeRoot()
        root.write("/home/alice/ws/uv.toml", "offline = true\n")
        root.write("/home/alice/ws/pkg/pyproject.toml", "[project]\nname = \"pkg\"\n[tool.ruff]\nline-length = 100\n")
        root.directory("/home/alice/ws/pkg/src")
        let found = try discover(root, cwd: "/home/alice/ws/pkg/src")
        #expect(found.files.map(\.path) == ["/home/alice/ws/uv.toml"])
        #expect(found.files[0].displayPath == "/home/alice/ws/uv.toml")
    }

    @Test func nearestPyprojectWithToolUvStopsTheSearch() throws {
        // A nearer `[tool.uv]` wins over a `uv.toml` further up, which is not read at all.
        let root = FakeRoot()
        root.write("/home/alice/uv.toml", "[[index]]\nurl = \"https://parent.example/simple\"\n")
        root.write("/home/alice/proj/pyproject.toml", "[[tool.uv.index]]\nurl = \"https://project.example/simple\"\n")
        let found = try discover(root)
        #expect(found.files.count == 1)
        #expect(found.files[0].settings.index.map(\.url) == ["https://project.example/simple"])
    }

    @Test func projectDirectoryOptionMovesTheSearch() throws {
        let root = FakeRoot()
        root.write("/srv/other/uv.toml", "offline = true\n")
        let found = try discover(root, options: .init(projectDirectory: "/srv/other"))
        #expect(found.files.map(\.path) == ["/srv/other/uv.toml"])
    }

    @Test func uvTomlBesidePyprojectWinsWithUvsWarning() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "offline = true\n")
        root.write("/home/alice/proj/pyproject.toml", """
        [project]
        name = "p"
        [tool.uv]
        prerelease = "allow"
        cache-keys = [{ file = "x" }]
        dev-dependencies = ["pytest"]
        [[tool.uv.index]]
        url = "https://a.example/simple"
        """)
        let found = try discover(root)
        #expect(found.files.map(\.kind) == [.uvToml])
        #expect(found.warnings == [
            """
            Found both a `uv.toml` file and a `[tool.uv]` section in an adjacent `pyproject.toml`. The following fields from `[tool.uv]` will be ignored in favor of the `uv.toml` file:
            - index
            - prerelease
            - cache_keys
            """,
        ])
    }

    @Test func noWarningWhenToolUvHasOnlyProjectKeys() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "offline = true\n")
        root.write("/home/alice/proj/pyproject.toml", "[tool.uv]\npackage = true\n[tool.uv.sources]\na = { path = \"a\" }\n")
        #expect(try discover(root).warnings.isEmpty)
    }

    @Test func userFileFromXDGConfigHomeOrHome() throws {
        let root = FakeRoot()
        root.write("/xdg/uv/uv.toml", "offline = true\n")
        root.write(userToml, "offline = false\n")
        #expect(try discover(root, ["XDG_CONFIG_HOME": "/xdg"]).files.map(\.path) == ["/xdg/uv/uv.toml"])
        #expect(try discover(root).files.map(\.path) == [userToml])
        // A relative XDG_CONFIG_HOME is ignored, as the XDG spec requires.
        #expect(try discover(root, ["XDG_CONFIG_HOME": "relative"]).files.map(\.path) == [userToml])
    }

    @Test func systemFileFromXDGConfigDirsInOrderThenEtc() throws {
        let root = FakeRoot()
        root.write("/opt/b/uv/uv.toml", "offline = true\n")
        root.write("/opt/c/uv/uv.toml", "offline = true\n")
        root.write("/etc/uv/uv.toml", "offline = true\n")
        let env = ["XDG_CONFIG_DIRS": "/opt/a:/opt/b:/opt/c"]
        #expect(try discover(root, env).files.map(\.path) == ["/opt/b/uv/uv.toml"])
        // An empty entry ends the list (uv's `take_while`), then `/etc/uv/uv.toml` is used.
        #expect(try discover(root, ["XDG_CONFIG_DIRS": "/opt/a::/opt/b"]).files.map(\.path) == ["/etc/uv/uv.toml"])
        #expect(try discover(root).files.map(\.path) == ["/etc/uv/uv.toml"])
    }

    @Test func defaultXDGConfigDirIsEtcXdg() throws {
        let root = FakeRoot()
        root.write("/etc/xdg/uv/uv.toml", "offline = true\n")
        root.write("/etc/uv/uv.toml", "offline = true\n")
        #expect(try discover(root).files.map(\.path) == ["/etc/xdg/uv/uv.toml"])
    }

    @Test func noSystemConfigSkipsTheSystemLevel() throws {
        let root = FakeRoot()
        root.write(userToml, "offline = true\n")
        root.write("/etc/uv/uv.toml", "offline = true\n")
        let found = try discover(root, ["UV_NO_SYSTEM_CONFIG": "1"])
        #expect(found.files.map(\.level) == [.user])
        #expect(found.systemLevelDisabled)
        #expect(try discover(root, ["UV_NO_SYSTEM_CONFIG": "false"]).files.count == 2)
    }

    @Test func noConfigReadsNothing() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "offline = true\n")
        root.write(userToml, "offline = true\n")
        let flagged = try discover(root, options: .init(noConfig: true))
        #expect(flagged.files.isEmpty)
        #expect(flagged.mode == .disabled)
        #expect(try discover(root, ["UV_NO_CONFIG": "true"]).files.isEmpty)
        #expect(try discover(root, ["UV_NO_CONFIG": "0"]).files.count == 2)
    }

    @Test func configFileIsTheOnlyFile() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "offline = true\n")
        root.write(userToml, "offline = true\n")
        root.write("/etc/uv/uv.toml", "offline = true\n")
        root.write("/home/alice/proj/ci/uv.toml", "resolution = \"lowest\"\n")
        let found = try discover(root, options: .init(configFile: "ci/uv.toml"))
        #expect(found.files.map(\.path) == ["/home/alice/proj/ci/uv.toml"])
        #expect(found.files[0].level == .explicitFile)
        #expect(found.files[0].displayPath == "ci/uv.toml")
        #expect(found.mode == .explicitFile)
        // The variable works the same way, and wins over `--no-config` as in uv.
        let viaVariable = try discover(root, ["UV_CONFIG_FILE": "/home/alice/proj/ci/uv.toml"], options: .init(noConfig: true))
        #expect(viaVariable.files.map(\.path) == ["/home/alice/proj/ci/uv.toml"])
    }

    @Test func configFileThatIsMissingOrAPyproject() throws {
        let root = FakeRoot()
        let missing = try #require(throws: ConfigurationError.self) { try discover(root, options: .init(configFile: "nope.toml")) }
        #expect(missing.message == "failed to open file `nope.toml`: No such file or directory (os error 2)")
        root.write("/home/alice/proj/pyproject.toml", "offline = true\n")
        let found = try discover(root, options: .init(configFile: "pyproject.toml"))
        #expect(found.warnings == [
            "The `--config-file` argument expects to receive a `uv.toml` file, not a `pyproject.toml`. If you're trying to run a command from another project, use the `--project` argument instead.",
        ])
    }

    @Test func userAndSystemScopeSkipsTheProject() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "offline = true\n")
        root.write(userToml, "offline = true\n")
        #expect(try discover(root, options: .init(scope: .userAndSystem)).files.map(\.level) == [.user])
    }

    @Test func parseErrorsNameTheFileLikeUv() throws {
        let root = FakeRoot()
        root.write(userToml, "resolution = \"newest\"\n")
        let user = try #require(throws: ConfigurationError.self) { try discover(root) }
        let chain = ErrorChain(user)
        #expect(chain.messages.first == "Failed to parse: `\(userToml)`")
        #expect(chain.messages.last?.hasSuffix("unknown variant `newest`, expected one of `highest`, `lowest`, `lowest-direct`") == true)
        #expect(chain.messages.last?.contains("TOML parse error at line 1, column 14") == true)

        let project = FakeRoot()
        project.write("/home/alice/proj/uv.toml", "offline = \n")
        let error = try #require(throws: ConfigurationError.self) { try discover(project) }
        #expect(error.message == "Failed to parse: `uv.toml`")
    }

    @Test func systemParseErrorUsesTheFullPath() throws {
        let root = FakeRoot()
        root.write("/etc/uv/uv.toml", "[[index]]\nname = \"x\"\n")
        let error = try #require(throws: ConfigurationError.self) { try discover(root) }
        #expect(error.message == "Failed to parse: `/etc/uv/uv.toml`")
        #expect(ErrorChain(error).messages.last?.hasSuffix("missing field `url`") == true)
    }

    @Test func uvTomlRejectsProjectOnlyFields() throws {
        let root = FakeRoot()
        root.write(userToml, "[sources]\nflask = { git = \"https://example.com/flask\" }\n")
        let error = try #require(throws: ConfigurationError.self) { try discover(root) }
        #expect(error.message == "Failed to parse: `\(userToml)`. The `sources` field is not allowed in a `uv.toml` file. `sources` is only applicable in the context of a project, and should be placed in a `pyproject.toml` file instead.")
    }

    @Test func invalidPyprojectIsSkippedWithAWarning() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/pyproject.toml", "[tool.uv]\nresolution = 1\n")
        root.write("/home/alice/uv.toml", "offline = true\n")
        let found = try discover(root)
        #expect(found.files.map(\.path) == ["/home/alice/uv.toml"])
        let warning = try #require(found.warnings.first)
        #expect(warning.hasPrefix("Failed to parse `pyproject.toml` during settings discovery:\n  TOML parse error at line 2, column 14\n"))
        #expect(warning.hasSuffix("  invalid type: integer `1`, expected a string"))
    }

    @Test func duplicateDefaultIndexesInPyprojectAreAnError() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/pyproject.toml", """
        [[tool.uv.index]]
        url = "https://a.example/simple"
        default = true
        [[tool.uv.index]]
        url = "https://b.example/simple"
        default = true
        """)
        let error = try #require(throws: ConfigurationError.self) { try discover(root) }
        #expect(ErrorChain(error).messages == [
            "Failed to parse: `pyproject.toml`",
            "found multiple indexes with `default = true`; only one index may be marked as default",
        ])
    }

    @Test func duplicateIndexNamesInPyprojectAreAnError() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/pyproject.toml", """
        [[tool.uv.index]]
        name = "a"
        url = "https://a.example/simple"
        [[tool.uv.index]]
        name = "a"
        url = "https://b.example/simple"
        """)
        let error = try #require(throws: ConfigurationError.self) { try discover(root) }
        #expect(ErrorChain(error).messages.last == "duplicate index name `a`")
    }

    @Test func explicitIndexWithoutNameIsAnError() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "[[index]]\nurl = \"https://a.example/simple\"\nexplicit = true\n")
        let error = try #require(throws: ConfigurationError.self) { try discover(root) }
        #expect(error.message == "Failed to parse: `uv.toml`")
        #expect(ErrorChain(error).messages.last?.hasSuffix("An index with `explicit = true` requires a `name`: https://a.example/simple") == true)
    }

    @Test func invalidBooleanVariables() throws {
        let root = FakeRoot()
        let error = try #require(throws: ConfigurationError.self) { try discover(root, ["UV_NO_CONFIG": "maybe"]) }
        #expect(error.message == "Failed to parse environment variable `UV_NO_CONFIG` with invalid value `maybe`: expected a boolish value")
        #expect(throws: ConfigurationError.self) { try discover(root, ["UV_NO_SYSTEM_CONFIG": "2"]) }
    }

    @Test func unreadableFileIsAnError() throws {
        let root = FakeRoot()
        root.directory("/home/alice/proj/uv.toml")
        let error = try #require(throws: ConfigurationError.self) { try discover(root) }
        #expect(error.message.hasPrefix("failed to read from file `/home/alice/proj/uv.toml`: Is a directory"))
    }
}
