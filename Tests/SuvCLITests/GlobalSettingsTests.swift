import Console
import SuvCLI
import Testing

/// `UV_*` variables fill the settings; the command line beats them.
@Suite struct GlobalSettingsTests {
    private func settings(_ line: String, _ environment: [String: String] = [:]) throws -> GlobalSettings {
        let command = try SuvCLI.parse(words(line), as: (any SuvRunnable).self)
        return try GlobalSettings.resolve(command.globalFlags, environment: environment)
    }

    @Test func defaults() throws {
        let resolved = try settings("lock")
        #expect(resolved == GlobalSettings())
    }

    @Test func environmentFillsSettings() throws {
        let resolved = try settings("lock", [
            "UV_CACHE_DIR": "/tmp/cache",
            "UV_NO_CACHE": "1",
            "UV_OFFLINE": "true",
            "UV_NO_PROGRESS": "yes",
            "UV_WORKING_DIR": "/work",
            "UV_PROJECT": "/work/app",
            "UV_CONFIG_FILE": "/etc/uv.toml",
            "UV_NO_CONFIG": "on",
            "UV_SYSTEM_CERTS": "1",
            "UV_INSECURE_HOST": "a.example b.example",
            "UV_PROJECT_ENVIRONMENT": ".venv-ci",
            "NO_COLOR": "1",
        ])
        #expect(resolved.cacheDir == "/tmp/cache")
        #expect(resolved.noCache)
        #expect(resolved.offline)
        #expect(resolved.noProgress)
        #expect(resolved.directory == "/work")
        #expect(resolved.project == "/work/app")
        #expect(resolved.configFile == "/etc/uv.toml")
        #expect(resolved.noConfig)
        #expect(resolved.systemCerts)
        #expect(resolved.allowInsecureHosts == ["a.example", "b.example"])
        #expect(resolved.projectEnvironment == ".venv-ci")
        #expect(resolved.color == .never)
    }

    @Test func commandLineBeatsEnvironment() throws {
        let resolved = try settings(
            "--cache-dir /cli/cache lock --directory /cli --color always",
            ["UV_CACHE_DIR": "/env/cache", "UV_WORKING_DIR": "/env", "NO_COLOR": "1"]
        )
        #expect(resolved.cacheDir == "/cli/cache")
        #expect(resolved.directory == "/cli")
        #expect(resolved.color == .always)
    }

    @Test func falseyVariablesLeaveFlagsOff() throws {
        let resolved = try settings("lock", ["UV_OFFLINE": "0", "UV_NO_CACHE": "false", "UV_NO_PROGRESS": "no"])
        #expect(!resolved.offline && !resolved.noCache && !resolved.noProgress)
        #expect(try settings("lock --offline", ["UV_OFFLINE": "0"]).offline)
    }

    @Test func invalidBooleanIsAUsageError() {
        #expect(throws: UsageError.notABoolean("maybe", option: "--offline")) {
            try settings("lock", ["UV_OFFLINE": "maybe"])
        }
        #expect(throws: UsageError.notABoolean("", option: "--no-cache")) {
            try settings("lock", ["UV_NO_CACHE": ""])
        }
    }

    @Test func emptyPathIsAUsageError() {
        #expect(throws: UsageError.missingValue(option: "--cache-dir <CACHE_DIR>")) {
            try settings("lock", ["UV_CACHE_DIR": ""])
        }
    }

    @Test func invalidVariableExits2ThroughMain() async {
        let result = await runSuv(["lock"], environment: ["UV_OFFLINE": "maybe"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: invalid value 'maybe' for '--offline': value was not a boolean\n")
    }

    @Test func nativeTLSIsDeprecatedAliasOfSystemCerts() async throws {
        let resolved = try settings("--native-tls lock")
        #expect(resolved.systemCerts)
        #expect(resolved.warnings == [
            "The `--native-tls` flag is deprecated and will be removed in a future release. Use `--system-certs` instead.",
        ])
        let result = await runSuv(["--native-tls", "sync", "--script", "tool.py"])
        #expect(result.stderr.hasPrefix("warning: The `--native-tls` flag is deprecated"))
        #expect(result.stderr.hasSuffix("error: `suv sync --script` is not implemented yet\n"))
    }

    @Test func quietAndVerboseCount() throws {
        #expect(try settings("-qq lock").quiet == 2)
        #expect(try settings("-v lock -v").verbose == 2)
    }

    @Test func noColorFlagMeansNever() throws {
        #expect(try settings("--no-color lock", ["FORCE_COLOR": "1"]).color == .never)
    }
}

/// Command-level variables (`UV_FROZEN`, `UV_NO_DEV`, `UV_INDEX`, ...) fill each request.
@Suite struct RequestEnvironmentTests {
    @Test func indexVariables() throws {
        let request = try SuvCLI.parse(["lock"], as: Lock.self).request(environment: [
            "UV_INDEX": "https://a.example/simple https://b.example/simple",
            "UV_DEFAULT_INDEX": "https://default.example/simple",
            "UV_INDEX_URL": "https://legacy.example/simple",
            "UV_EXTRA_INDEX_URL": "https://x.example/simple https://y.example/simple",
            "UV_FIND_LINKS": "/wheels,/more-wheels",
            "UV_INDEX_STRATEGY": "unsafe-best-match",
            "UV_PYTHON": "3.12",
        ])
        #expect(request.index.indexes == ["https://a.example/simple", "https://b.example/simple"])
        #expect(request.index.defaultIndex == "https://default.example/simple")
        #expect(request.index.indexURL == "https://legacy.example/simple")
        #expect(request.index.extraIndexURLs == ["https://x.example/simple", "https://y.example/simple"])
        #expect(request.index.findLinks == ["/wheels", "/more-wheels"])
        #expect(request.index.indexStrategy == .unsafeBestMatch)
        #expect(request.python.request == "3.12")
    }

    @Test func commandLineIndexesReplaceTheVariable() throws {
        let request = try SuvCLI.parse(["lock", "--index", "https://cli.example/simple", "-p", "3.11"], as: Lock.self)
            .request(environment: ["UV_INDEX": "https://env.example/simple", "UV_PYTHON": "3.12"])
        #expect(request.index.indexes == ["https://cli.example/simple"])
        #expect(request.python.request == "3.11")
    }

    @Test func resolverVariables() throws {
        let request = try SuvCLI.parse(["lock"], as: Lock.self).request(environment: [
            "UV_RESOLUTION": "lowest-direct", "UV_PRERELEASE": "allow", "UV_FORK_STRATEGY": "fewest",
            "UV_EXCLUDE_NEWER": "2025-01-01T00:00:00Z",
        ])
        #expect(request.resolver.resolution == .lowestDirect)
        #expect(request.resolver.prerelease == .allow)
        #expect(request.resolver.forkStrategy == .fewest)
        #expect(request.resolver.excludeNewer == "2025-01-01T00:00:00Z")
        let cli = try SuvCLI.parse(["lock", "--resolution", "highest"], as: Lock.self)
            .request(environment: ["UV_RESOLUTION": "lowest"])
        #expect(cli.resolver.resolution == .highest)
    }

    @Test func invalidEnumVariableIsAUsageError() {
        #expect(throws: UsageError.self) {
            try SuvCLI.parse(["lock"], as: Lock.self).request(environment: ["UV_RESOLUTION": "best"])
        }
    }

    @Test func deprecatedPrereleaseModeWarns() async {
        let result = await runSuv(["lock", "--prerelease", "if-necessary-or-explicit"])
        #expect(result.stderr.hasPrefix(
            "warning: The `if-necessary-or-explicit` pre-release mode is deprecated and will be removed in a future release. Use `if-necessary` instead.\n"
        ))
    }

    @Test func syncVariables() throws {
        let request = try SuvCLI.parse(["sync"], as: Sync.self).request(environment: [
            "UV_FROZEN": "1", "UV_NO_DEV": "1", "UV_NO_GROUP": "lint docs", "UV_NO_DEFAULT_GROUPS": "1",
            "UV_NO_EDITABLE": "1", "UV_NO_INSTALL_PROJECT": "1", "UV_LINK_MODE": "copy", "UV_COMPILE_BYTECODE": "1",
        ])
        #expect(request.mode == .frozen(source: "UV_FROZEN=1"))
        #expect(request.groups.noDev)
        #expect(request.groups.noGroups == ["lint", "docs"])
        #expect(request.groups.noDefaultGroups)
        #expect(request.noEditable)
        #expect(request.noInstallProject)
        #expect(request.installer.linkMode == .copy)
        #expect(request.installer.compileBytecode)
    }

    @Test func explicitDevOverridesNoDevVariable() throws {
        let request = try SuvCLI.parse(["sync", "--dev"], as: Sync.self).request(environment: ["UV_NO_DEV": "1"])
        #expect(!request.groups.noDev)
    }

    @Test func noSyncVariable() throws {
        #expect(try SuvCLI.parse(["add", "flask"], as: Add.self).request(environment: ["UV_NO_SYNC": "1"]).noSync)
        #expect(try SuvCLI.parse(["run", "python"], as: Run.self).request(environment: ["UV_NO_SYNC": "true"]).noSync)
    }
}
