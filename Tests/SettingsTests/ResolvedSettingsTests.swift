import PyProject
import Testing
@testable import Settings

@Suite struct ResolvedSettingsTests {
    func resolve(_ root: FakeRoot, _ overrides: SettingsOverrides = .init(), _ variables: [String: String] = [:]) throws -> ResolvedSettings {
        let environment = root.environment(variables)
        let configuration = try ConfigurationDiscovery(environment: environment).discover()
        return try ResolvedSettings.resolve(overrides, configuration: configuration, environment: environment)
    }

    @Test func defaults() throws {
        let settings = try resolve(FakeRoot())
        #expect(settings.cacheDir == nil)
        #expect(!settings.noCache)
        #expect(!settings.offline)
        #expect(settings.concurrentDownloads == 50)
        #expect(settings.httpTimeoutSeconds == 30)
        #expect(settings.httpConnectTimeoutSeconds == 10)
        #expect(settings.httpRetries == 3)
        #expect(settings.prerelease == .ifNecessary)
        #expect(settings.resolution == .highest)
        #expect(settings.indexStrategy == .firstIndex)
        #expect(settings.linkMode == .clone)
    }

    /// Project > user > system for every key, then the variable over the files, then the flag.
    @Test func precedenceCommandLineVariableProjectUserSystem() throws {
        let root = FakeRoot()
        root.write("/etc/uv/uv.toml", """
        cache-dir = "/system-cache"
        offline = false
        concurrent-downloads = 3
        prerelease = "disallow"
        resolution = "lowest-direct"
        index-strategy = "unsafe-best-match"
        link-mode = "symlink"
        """)
        root.write("/home/alice/.config/uv/uv.toml", "cache-dir = \"user-cache\"\nconcurrent-downloads = 4\nprerelease = \"explicit\"\n")
        root.write("/home/alice/proj/uv.toml", "prerelease = \"allow\"\nlink-mode = \"copy\"\n")
        let files = try resolve(root)
        #expect(files.cacheDir == "/home/alice/proj/user-cache")
        #expect(files.concurrentDownloads == 4)
        #expect(files.prerelease == .allow)
        #expect(files.resolution == .lowestDirect)
        #expect(files.indexStrategy == .unsafeBestMatch)
        #expect(files.linkMode == .copy)

        let variables = try resolve(root, .init(), [
            "UV_CACHE_DIR": "/env-cache", "UV_OFFLINE": "yes", "UV_CONCURRENT_DOWNLOADS": "7", "UV_PRERELEASE": "disallow",
            "UV_RESOLUTION": "highest", "UV_INDEX_STRATEGY": "first-index", "UV_LINK_MODE": "hardlink", "UV_NO_CACHE": "1",
            "UV_HTTP_TIMEOUT": "5", "UV_HTTP_CONNECT_TIMEOUT": "2", "UV_HTTP_RETRIES": "0",
        ])
        #expect(variables == ResolvedSettings(
            cacheDir: "/env-cache", noCache: true, offline: true, concurrentDownloads: 7, httpTimeoutSeconds: 5,
            httpConnectTimeoutSeconds: 2, httpRetries: 0, prerelease: .disallow, resolution: .highest,
            indexStrategy: .firstIndex, linkMode: .hardlink
        ))

        let flags = try resolve(root, .init(cacheDir: "flag-cache", offline: true, concurrentDownloads: 9, prerelease: .ifNecessaryOrExplicit,
                                            resolution: .lowest, indexStrategy: .unsafeFirstMatch, linkMode: .clone),
                                ["UV_CACHE_DIR": "/env-cache", "UV_OFFLINE": "0", "UV_CONCURRENT_DOWNLOADS": "7"])
        #expect(flags.cacheDir == "/home/alice/proj/flag-cache")
        #expect(flags.offline)
        #expect(flags.concurrentDownloads == 9)
        #expect(flags.prerelease == .ifNecessaryOrExplicit)
        #expect(flags.resolution == .lowest)
        #expect(flags.indexStrategy == .unsafeFirstMatch)
        #expect(flags.linkMode == .clone)
    }

    @Test func offlineVariableFalseBeatsTheFile() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "offline = true\n")
        #expect(try resolve(root).offline)
        #expect(try !resolve(root, .init(), ["UV_OFFLINE": "false"]).offline)
    }

    @Test func legacyTimeoutVariables() throws {
        #expect(try resolve(FakeRoot(), .init(), ["UV_REQUEST_TIMEOUT": "11", "HTTP_TIMEOUT": "12"]).httpTimeoutSeconds == 11)
        #expect(try resolve(FakeRoot(), .init(), ["HTTP_TIMEOUT": "12"]).httpTimeoutSeconds == 12)
        #expect(try resolve(FakeRoot(), .init(), ["UV_HTTP_TIMEOUT": ""]).httpTimeoutSeconds == 30)
    }

    @Test(arguments: [
        (["UV_CONCURRENT_DOWNLOADS": "0"], "Failed to parse environment variable `UV_CONCURRENT_DOWNLOADS` with invalid value `0`: number would be zero for non-zero type"),
        (["UV_HTTP_TIMEOUT": "soon"], "Failed to parse environment variable `UV_HTTP_TIMEOUT` with invalid value `soon`: invalid digit found in string; value should be an integer number of seconds"),
        (["UV_HTTP_RETRIES": "-1"], "Failed to parse environment variable `UV_HTTP_RETRIES` with invalid value `-1`: invalid digit found in string"),
        (["UV_OFFLINE": "maybe"], "Failed to parse environment variable `UV_OFFLINE` with invalid value `maybe`: expected a boolish value"),
        (["UV_LINK_MODE": "reflink"], "Failed to parse environment variable `UV_LINK_MODE` with invalid value `reflink`: expected one of `clone`, `copy`, `hardlink`, `symlink`"),
        (["UV_HTTP_RETRIES": "99999999999999999999999"], "Failed to parse environment variable `UV_HTTP_RETRIES` with invalid value `99999999999999999999999`: number too large to fit in target type"),
    ])
    func invalidVariables(variables: [String: String], message: String) {
        #expect(throws: EnvironmentVariableError.self) { try resolve(FakeRoot(), .init(), variables) }
        do {
            _ = try resolve(FakeRoot(), .init(), variables)
        } catch let error as EnvironmentVariableError {
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

extension ResolvedSettingsTests {
    /// `allow-insecure-host` adds up: the command line (with `UV_INSECURE_HOST`, read alongside
    /// it), then the project's, the user's and the system's files, none masking another.
    @Test func insecureHostsFromEveryLevelApply() throws {
        let root = FakeRoot()
        root.write("/etc/uv/uv.toml", "allow-insecure-host = [\"mirror.corp:8443\"]\n")
        root.write("/home/alice/.config/uv/uv.toml", "allow-insecure-host = [\"https://user.example/simple\"]\n")
        root.write("/home/alice/proj/pyproject.toml", """
        [project]
        name = "proj"
        version = "0.1.0"

        [tool.uv]
        allow-insecure-host = ["127.0.0.1"]
        """)
        #expect(try resolve(FakeRoot()).allowInsecureHosts.isEmpty)
        let settings = try resolve(root, .init(allowInsecureHosts: ["flag.example", "env.example"]))
        #expect(settings.allowInsecureHosts == [
            "flag.example", "env.example", "127.0.0.1", "https://user.example/simple", "mirror.corp:8443",
        ])
    }

    @Test func anInsecureHostThatIsNotAStringIsAnError() throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "allow-insecure-host = [8443]\n")
        #expect(throws: (any Error).self) { try resolve(root) }
    }
}
