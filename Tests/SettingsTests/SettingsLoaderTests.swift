import PyProject
import SuvBasics
import Testing
@testable import Settings

@Suite struct SettingsLoaderTests {
    func load(_ root: FakeRoot, _ request: SettingsRequest = .init(), _ variables: [String: String] = [:]) async throws -> LoadedSettings {
        try await SettingsLoader(environment: root.environment(variables), pipDefaultIndex: FakePipDefault.answering()).load(request)
    }

    @Test func everythingTogether() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", """
        index-strategy = "unsafe-best-match"
        [[index]]
        name = "private"
        url = "https://pkgs.example/simple"
        """)
        root.write("/home/alice/proj/pyproject.toml", "[tool.uv]\noffline = true\n")
        root.write("/etc/pip.conf", "not ini\n")
        root.write("/home/alice/.netrc", "machine pkgs.example login alice password s3cret\n")
        let loaded = try await load(root, .init(overrides: .init(linkMode: .copy)))
        #expect(loaded.indexes.searchOrder.map(\.url.string) == ["https://pkgs.example/simple", "https://index.example/simple"])
        #expect(loaded.indexes.strategy == .unsafeBestMatch)
        #expect(loaded.settings.indexStrategy == .unsafeBestMatch)
        #expect(loaded.settings.linkMode == .copy)
        #expect(!loaded.settings.offline)
        #expect(loaded.credentials.credentials(for: "https://pkgs.example/simple/flask/") == IndexCredentials(username: "alice", password: "s3cret"))
        #expect(loaded.warnings.count == 2)
        #expect(loaded.warnings.first?.hasPrefix("Found both a `uv.toml` file and a `[tool.uv]` section") == true)
        #expect(loaded.warnings.last == "Ignoring pip configuration file `/etc/pip.conf`: line 1: file contains no section headers")
    }

    @Test func indexStrategyFlagReachesTheSettings() async throws {
        let loaded = try await load(FakeRoot(), .init(index: .init(indexStrategy: .unsafeFirstMatch)))
        #expect(loaded.settings.indexStrategy == .unsafeFirstMatch)
        #expect(loaded.indexes.strategy == .unsafeFirstMatch)
    }

    @Test func noConfigSkipsPipFilesButNotPipVariables() async throws {
        let root = FakeRoot()
        root.write("/home/alice/.config/pip/pip.conf", "[global]\nindex-url = https://pip-file.example/simple\n")
        let skipped = try await load(root, .init(discovery: .init(noConfig: true)))
        #expect(skipped.indexes.defaultIndex?.origin == .interpreterPip(interpreter: "python3"))
        let variable = try await load(root, .init(discovery: .init(noConfig: true)), ["PIP_INDEX_URL": "https://pip-env.example/simple"])
        #expect(variable.indexes.defaultIndex?.url.string == "https://pip-env.example/simple")
        #expect(try await load(root).indexes.defaultIndex?.url.string == "https://pip-file.example/simple")
    }

    @Test func configFileSkipsPipFiles() async throws {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "[global]\nindex-url = https://pip-file.example/simple\n")
        root.write("/home/alice/proj/ci.toml", "[[index]]\nurl = \"https://ci.example/simple\"\n")
        let loaded = try await load(root, .init(discovery: .init(configFile: "ci.toml")))
        #expect(loaded.indexes.implicitIndexes.map(\.url.string) == ["https://ci.example/simple"])
        #expect(loaded.indexes.defaultIndex?.origin == .interpreterPip(interpreter: "python3"))
        #expect(loaded.pip.files.isEmpty)
    }

    @Test func noSystemConfigSkipsSystemPipFiles() async throws {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "[global]\nindex-url = https://pip-etc.example/simple\n")
        let loaded = try await load(root, .init(), ["UV_NO_SYSTEM_CONFIG": "1"])
        #expect(loaded.indexes.defaultIndex?.origin == .interpreterPip(interpreter: "python3"))
    }

    @Test func netrcWarningIsCollected() async throws {
        let root = FakeRoot()
        root.write("/home/alice/.netrc", "bogus\n")
        let loaded = try await load(root)
        #expect(loaded.warnings == ["Error reading netrc file: parsing error: bad toplevel token 'bogus' (line 2) in the file '/home/alice/.netrc'"])
    }

    @Test func errorsKeepTheirShape() async throws {
        let root = FakeRoot()
        root.write("/home/alice/.config/uv/uv.toml", "offline = \"yes\"\n")
        let configuration = try await #require(throws: SettingsError.self) { try await load(root) }
        #expect(configuration.message == "Failed to parse: `/home/alice/.config/uv/uv.toml`")
        #expect(ErrorChain(configuration).messages.last?.hasSuffix("invalid type: string \"yes\", expected a boolean") == true)

        let environment = try await #require(throws: SettingsError.self) { try await load(FakeRoot(), .init(), ["UV_OFFLINE": "nah"]) }
        #expect(environment == .environment(EnvironmentVariableError(name: "UV_OFFLINE", value: "nah", reason: "expected a boolish value")))
        #expect(environment.kind == .error)

        let noIndex = try await #require(throws: SettingsError.self) {
            try await SettingsLoader(environment: FakeRoot().environment(), pipDefaultIndex: FakePipDefault.failing()).load()
        }
        #expect(noIndex.message == "No package index is configured")
        #expect(noIndex.hints.count == 1)
        #expect(ErrorChain(noIndex).messages.last == "Failed to ask pip for its default index: no interpreter `python3` found")
    }
}
