import PyProject
import SuvBasics
import Testing
@testable import Settings

/// One layer of the default-index precedence chain: what it adds, and the URL it names.
struct DefaultIndexLayer: Sendable, CustomStringConvertible {
    var description: String
    var url: String
    var apply: @Sendable (inout IndexArguments, inout [String: String], FakeRoot) -> Void
}

@Suite struct IndexResolverTests {
    static func url(_ name: String) -> String { "https://\(name).example/simple" }

    /// Highest precedence first. Every test enables the layers from some point on and expects
    /// that layer's URL to be the default index.
    static let chain: [DefaultIndexLayer] = [
        .init(description: "--default-index", url: url("cli-default")) { args, _, _ in args.defaultIndex = url("cli-default") },
        .init(description: "--index-url", url: url("cli-index-url")) { args, _, _ in args.indexURL = url("cli-index-url") },
        .init(description: "UV_DEFAULT_INDEX", url: url("env-default")) { _, env, _ in env["UV_DEFAULT_INDEX"] = url("env-default") },
        .init(description: "UV_INDEX_URL", url: url("env-index-url")) { _, env, _ in env["UV_INDEX_URL"] = url("env-index-url") },
        .init(description: "project [[tool.uv.index]]", url: url("project")) { _, _, root in
            root.write("/home/alice/proj/pyproject.toml", """
            [project]
            name = "proj"
            version = "0.1.0"
            [[tool.uv.index]]
            name = "project-default"
            url = "\(url("project"))"
            default = true
            """)
        },
        .init(description: "user uv.toml", url: url("user")) { _, _, root in
            root.write("/home/alice/.config/uv/uv.toml", "[[index]]\nurl = \"\(url("user"))\"\ndefault = true\n")
        },
        .init(description: "system uv.toml (XDG_CONFIG_DIRS)", url: url("system-xdg")) { _, _, root in
            root.write("/opt/xdg/uv/uv.toml", "[[index]]\nurl = \"\(url("system-xdg"))\"\ndefault = true\n")
        },
        .init(description: "system uv.toml (/etc)", url: url("system-etc")) { _, _, root in
            // Shadowed by the XDG file above when both exist; alone it is the system file.
            root.write("/etc/uv/uv.toml", "index-url = \"\(url("system-etc"))\"\n")
        },
        .init(description: "PIP_INDEX_URL", url: url("pip-env")) { _, env, _ in env["PIP_INDEX_URL"] = url("pip-env") },
        .init(description: "PIP_CONFIG_FILE", url: url("pip-config-file")) { _, env, root in
            root.write("/srv/pip.conf", "[global]\nindex-url = \(url("pip-config-file"))\n")
            env["PIP_CONFIG_FILE"] = "/srv/pip.conf"
        },
        .init(description: "$VIRTUAL_ENV/pip.conf", url: url("pip-venv")) { _, env, root in
            root.write("/home/alice/venv/pip.conf", "[global]\nindex-url = \(url("pip-venv"))\n")
            env["VIRTUAL_ENV"] = "/home/alice/venv"
        },
        .init(description: "~/.config/pip/pip.conf", url: url("pip-user")) { _, _, root in
            root.write("/home/alice/.config/pip/pip.conf", "[global]\nindex-url = \(url("pip-user"))\n")
        },
        .init(description: "~/.pip/pip.conf", url: url("pip-legacy")) { _, _, root in
            root.write("/home/alice/.pip/pip.conf", "[global]\nindex_url = \(url("pip-legacy"))\n")
        },
        .init(description: "/etc/pip.conf", url: url("pip-etc")) { _, _, root in
            root.write("/etc/pip.conf", "[global]\nindex-url = \(url("pip-etc"))\n")
        },
        .init(description: "$XDG_CONFIG_DIRS/pip/pip.conf", url: url("pip-xdg")) { _, _, root in
            root.write("/opt/xdg/pip/pip.conf", "[global]\nindex-url = \(url("pip-xdg"))\n")
        },
        .init(description: "the interpreter's pip", url: "https://index.example/simple") { _, _, _ in },
    ]

    func load(_ root: FakeRoot, _ arguments: IndexArguments = .init(), _ variables: [String: String] = [:],
              pipDefault: any PipDefaultIndexProvider = FakePipDefault.answering()) async throws -> LoadedSettings {
        var env = variables
        if env["XDG_CONFIG_DIRS"] == nil { env["XDG_CONFIG_DIRS"] = "/opt/xdg" }
        let loader = SettingsLoader(environment: root.environment(env), pipDefaultIndex: pipDefault)
        return try await loader.load(SettingsRequest(index: arguments))
    }

    @Test(arguments: chain.indices)
    func defaultIndexPrecedence(start: Int) async throws {
        let root = FakeRoot()
        var arguments = IndexArguments()
        var variables: [String: String] = [:]
        for layer in Self.chain[start...] { layer.apply(&arguments, &variables, root) }
        let loaded = try await load(root, arguments, variables)
        let expected = Self.chain[start]
        #expect(loaded.indexes.defaultIndex?.url.string == expected.url, "\(expected)")
        #expect(loaded.indexes.searchOrder.last?.url.string == expected.url)
    }

    @Test func noIndexConfiguredWhenTheInterpreterCannotAnswer() async throws {
        let root = FakeRoot()
        let error = try await #require(throws: SettingsError.self) {
            try await load(root, pipDefault: FakePipDefault.failing(.queryFailed(
                interpreter: "python3", status: 1, detail: "ModuleNotFoundError: No module named 'pip'")))
        }
        let chain = ErrorChain(error)
        #expect(chain.messages == [
            "No package index is configured",
            "Failed to ask pip for its default index: `python3` exited with status 1: ModuleNotFoundError: No module named 'pip'",
        ])
        #expect(chain.hints == [
            """
            Configure a default index in `uv.toml` (`~/.config/uv/uv.toml` for all projects):

                [[index]]
                url = "https://<your-index>/simple"
                default = true

            or set `UV_DEFAULT_INDEX=https://<your-index>/simple`, or set `index-url` in pip's configuration (`~/.config/pip/pip.conf`, section `[global]`); pass `--no-index` to use only `--find-links` locations
            """,
        ])
        #expect(chain.kind == .error)
    }

    @Test func interpreterIsNotAskedWhenADefaultIsConfigured() async throws {
        let root = FakeRoot()
        let counter = CountingPipDefault()
        _ = try await load(root, .init(defaultIndex: Self.url("a")), pipDefault: counter)
        _ = try await load(root, .init(noIndex: true), pipDefault: counter)
        #expect(counter.calls == 0)
        let fallback = try await load(root, pipDefault: counter)
        #expect(counter.calls == 1)
        #expect(fallback.indexes.defaultIndex?.origin == .interpreterPip(interpreter: "python3"))
        #expect(fallback.indexes.defaultIndex?.origin.description == "from the interpreter's pip (`python3`)")
    }

    @Test func projectUvTomlBeatsUserUvToml() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "[[index]]\nurl = \"\(Self.url("project-uv"))\"\ndefault = true\n")
        root.write("/home/alice/.config/uv/uv.toml", "[[index]]\nurl = \"\(Self.url("user"))\"\ndefault = true\n")
        let loaded = try await load(root)
        #expect(loaded.indexes.defaultIndex?.url.string == Self.url("project-uv"))
        #expect(loaded.indexes.defaultIndex?.origin.description == "from `uv.toml` at uv.toml")
        // The user's default is still a definition, shadowed as a default.
        #expect(loaded.indexes.definitions.map(\.url.string) == [Self.url("project-uv"), Self.url("user")])
        #expect(loaded.indexes.implicitIndexes.isEmpty)
    }

    @Test func newIndexTablesBeatLegacyIndexURLAcrossLevels() async throws {
        // uv appends the legacy keys after every `[[index]]`: a user `default = true` wins over
        // a project `index-url`.
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "index-url = \"\(Self.url("legacy"))\"\n")
        root.write("/home/alice/.config/uv/uv.toml", "[[index]]\nurl = \"\(Self.url("user"))\"\ndefault = true\n")
        #expect(try await load(root).indexes.defaultIndex?.url.string == Self.url("user"))
    }

    @Test func arraysConcatenateAcrossLevelsHighestFirst() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/pyproject.toml", """
        [tool.uv]
        extra-index-url = ["\(Self.url("project-extra"))"]
        find-links = ["wheels"]
        [[tool.uv.index]]
        url = "\(Self.url("project"))"
        """)
        root.write("/home/alice/.config/uv/uv.toml", """
        extra-index-url = ["\(Self.url("user-extra"))"]
        find-links = ["https://links.example/user/"]
        [[index]]
        url = "\(Self.url("user"))"
        """)
        root.write("/etc/uv/uv.toml", "[[index]]\nurl = \"\(Self.url("system"))\"\n")
        root.write("/home/alice/.config/pip/pip.conf", """
        [global]
        extra-index-url =
            \(Self.url("pip-extra-1"))
            \(Self.url("pip-extra-2"))
        find-links = /srv/pip-links
        """)
        let loaded = try await load(root, .init(index: [Self.url("cli")], findLinks: ["./cli-links"]), [
            "UV_INDEX": Self.url("ignored-env-index"),
            "UV_EXTRA_INDEX_URL": Self.url("env-extra"),
            "UV_FIND_LINKS": "/ignored",
            "XDG_CONFIG_DIRS": "/opt/none",
        ])
        #expect(loaded.indexes.implicitIndexes.map(\.url.string) == [
            Self.url("cli"), Self.url("env-extra"), Self.url("project"), Self.url("user"), Self.url("system"),
            Self.url("project-extra"), Self.url("user-extra"), Self.url("pip-extra-1"), Self.url("pip-extra-2"),
        ])
        #expect(loaded.indexes.findLinks.map(\.url.string) == [
            "file:///home/alice/proj/cli-links", "file:///home/alice/proj/wheels", "https://links.example/user/",
            "file:///srv/pip-links",
        ])
        #expect(loaded.indexes.findLinks.allSatisfy { $0.format == .flat })
        #expect(loaded.indexes.findLinks.map(\.origin.description) == [
            "from `--find-links`", "from `pyproject.toml` at pyproject.toml",
            "from `uv.toml` at /home/alice/.config/uv/uv.toml", "from pip.conf at /home/alice/.config/pip/pip.conf",
        ])
        #expect(loaded.indexes.searchOrder.last?.origin == .interpreterPip(interpreter: "python3"))
    }

    @Test func environmentListsApplyWhenFlagsAreAbsent() async throws {
        let root = FakeRoot()
        let loaded = try await load(root, .init(), [
            "UV_INDEX": "first=\(Self.url("one")) \(Self.url("two"))",
            "UV_FIND_LINKS": "/a,/b",
        ])
        #expect(loaded.indexes.implicitIndexes.map(\.name) == ["first", nil])
        #expect(loaded.indexes.implicitIndexes.map(\.origin) == [.environment(variable: "UV_INDEX"), .environment(variable: "UV_INDEX")])
        #expect(loaded.indexes.findLinks.map(\.url.string) == ["file:///a", "file:///b"])
    }

    @Test func firstDefinitionOfANameWins() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "[[index]]\nname = \"internal\"\nurl = \"\(Self.url("config"))\"\n")
        let loaded = try await load(root, .init(index: ["internal=\(Self.url("cli"))"]))
        #expect(loaded.indexes.implicitIndexes.map(\.url.string) == [Self.url("cli")])
        #expect(loaded.indexes.index(named: "internal")?.origin == .commandLine(flag: "--index"))
        #expect(loaded.indexes.definitions.count == 2)
    }

    @Test func shadowedDefaultFallsBackToTheNextDefault() async throws {
        // A later `default = true` whose name was already taken does not count.
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", """
        [[index]]
        name = "a"
        url = "\(Self.url("first"))"
        [[index]]
        name = "a"
        url = "\(Self.url("second"))"
        default = true
        """)
        let loaded = try await load(root)
        #expect(loaded.indexes.defaultIndex?.origin == .interpreterPip(interpreter: "python3"))
        #expect(loaded.indexes.implicitIndexes.map(\.url.string) == [Self.url("first")])
    }

    @Test func explicitIndexesAreOnlyForSources() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/pyproject.toml", """
        [[tool.uv.index]]
        name = "pytorch"
        url = "\(Self.url("pytorch"))"
        explicit = true
        [[tool.uv.index]]
        name = "extra"
        url = "\(Self.url("extra"))"
        """)
        let loaded = try await load(root)
        #expect(loaded.indexes.explicitIndexes.map(\.name) == ["pytorch"])
        #expect(loaded.indexes.searchOrder.map(\.name) == ["extra", nil])
        #expect(loaded.indexes.allowed.map(\.name) == ["extra", nil, "pytorch"])
    }

    @Test func explicitDefaultRemovesThePublicDefault() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", """
        [[index]]
        name = "only"
        url = "\(Self.url("only"))"
        default = true
        explicit = true
        """)
        let counter = CountingPipDefault()
        let loaded = try await load(root, pipDefault: counter)
        #expect(loaded.indexes.defaultIndex?.name == "only")
        #expect(loaded.indexes.searchOrder.isEmpty)
        #expect(counter.calls == 0)
    }

    @Test func noIndexFromFlagVariableOrConfiguration() async throws {
        let root = FakeRoot()
        let flagged = try await load(root, .init(findLinks: ["/links"], noIndex: true), ["UV_DEFAULT_INDEX": Self.url("x")])
        #expect(flagged.indexes.noIndex)
        #expect(flagged.indexes.searchOrder.isEmpty)
        #expect(flagged.indexes.defaultIndex == nil)
        #expect(flagged.indexes.index(named: "x") == nil)
        #expect(flagged.indexes.findLinks.count == 1)
        #expect(try await load(root, .init(), ["UV_NO_INDEX": "1"]).indexes.noIndex)
        root.write("/home/alice/proj/uv.toml", "no-index = true\n")
        #expect(try await load(root).indexes.noIndex)
        // `UV_NO_INDEX=false` does not undo the file's `true` (uv's `then_some`).
        #expect(try await load(root, .init(), ["UV_NO_INDEX": "false"]).indexes.noIndex)
    }

    @Test func indexStrategyPrecedence() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", "index-strategy = \"unsafe-first-match\"\n")
        #expect(try await load(root).indexes.strategy == .unsafeFirstMatch)
        #expect(try await load(root, .init(), ["UV_INDEX_STRATEGY": "unsafe-best-match"]).indexes.strategy == .unsafeBestMatch)
        #expect(try await load(root, .init(indexStrategy: .firstIndex), ["UV_INDEX_STRATEGY": "unsafe-best-match"]).indexes.strategy == .firstIndex)
        #expect(try await load(FakeRoot()).indexes.strategy == .firstIndex)
        let error = try await #require(throws: SettingsError.self) { try await load(root, .init(), ["UV_INDEX_STRATEGY": "fastest"]) }
        #expect(error.message == "Failed to parse environment variable `UV_INDEX_STRATEGY` with invalid value `fastest`: expected one of `first-index`, `unsafe-first-match`, `unsafe-best-match`")
    }

    @Test func indexValuesWithNamesURLsAndPaths() throws {
        let resolver = IndexResolver(environment: FakeRoot().environment())
        let origin = IndexOrigin.commandLine(flag: "--index")
        let named = try resolver.parseIndexValue("internal=https://pkgs.example/simple", origin: origin, isDefault: false)
        #expect(named.name == "internal")
        #expect(named.url.string == "https://pkgs.example/simple")
        let query = try resolver.parseIndexValue("https://pkgs.example/simple?a=b", origin: origin, isDefault: false)
        #expect(query.name == nil)
        #expect(query.url.string == "https://pkgs.example/simple?a=b")
        let path = try resolver.parseIndexValue("./local/index", origin: origin, isDefault: true)
        #expect(path.url.string == "file:///home/alice/proj/local/index")
        #expect(path.isDefault)
        let home = try resolver.parseIndexValue("~/index", origin: origin, isDefault: false)
        #expect(home.url.string == "file:///home/alice/index")
    }

    @Test(arguments: [
        ("=https://a.example/simple", "Index included a name, but the name was empty (from `--index`)"),
        ("my index=https://a.example/simple", "Index names may only contain letters, digits, hyphens, underscores, and periods, but found unsupported character (` `) in: `my index` (from `--index`)"),
        ("https://", "Invalid URL `https://`: empty host (from `--index`)"),
        ("https://user:secret@host.example:99999/simple", "Invalid URL `https://user:****@host.example:99999/simple`: invalid port number (from `--index`)"),
    ])
    func invalidIndexValues(value: String, message: String) throws {
        let resolver = IndexResolver(environment: FakeRoot().environment())
        let error = try #require(throws: IndexConfigurationError.self) {
            try resolver.parseIndexValue(value, origin: .commandLine(flag: "--index"), isDefault: false)
        }
        #expect(error.message == message)
    }

    @Test func invalidURLInAFileNamesTheFile() async throws {
        let root = FakeRoot()
        root.write("/home/alice/.config/uv/uv.toml", "extra-index-url = [\"https://:80/simple\"]\n")
        let error = try await #require(throws: SettingsError.self) { try await load(root) }
        #expect(error.message == "Invalid URL `https://:80/simple`: empty host (from `uv.toml` at /home/alice/.config/uv/uv.toml)")
    }

    @Test func relativePathsInFilesResolveAgainstTheFile() async throws {
        let root = FakeRoot()
        root.write("/home/alice/.config/uv/uv.toml", "[[index]]\nurl = \"../../mirror\"\nformat = \"flat\"\n")
        let loaded = try await load(root)
        let index = try #require(loaded.indexes.implicitIndexes.first)
        #expect(index.url.string == "file:///home/alice/mirror")
        #expect(index.format == .flat)
    }

    @Test func credentialsAreStrippedFromConfiguredURLs() async throws {
        let root = FakeRoot()
        let loaded = try await load(root, .init(index: ["https://alice:s%40cret@pkgs.example/simple/"]))
        let index = try #require(loaded.indexes.implicitIndexes.first)
        #expect(index.url.string == "https://pkgs.example/simple/")
        #expect(index.urlCredentials == IndexCredentials(username: "alice", password: "s@cret"))
        #expect(!index.description.contains("cret"))
        #expect(index.description == "`https://pkgs.example/simple/` from `--index`")
    }

    @Test func indexEntryFieldsCarryOver() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", """
        [[index]]
        name = "private"
        url = "https://pkgs.example/simple"
        authenticate = "always"
        ignore-error-codes = [403]
        cache-control = { api = "max-age=60" }
        publish-url = "https://pkgs.example/upload"
        """)
        let index = try #require(try await load(root).indexes.index(named: "private"))
        #expect(index.authenticate == .always)
        #expect(index.ignoreErrorCodes == [403])
        #expect(index.cacheControl?.api == "max-age=60")
        #expect(index.publishURL == "https://pkgs.example/upload")
        #expect(index.origin == .configuration(path: "uv.toml", kind: .uvToml, level: .project))
    }

    @Test func configuredLocationsWithoutAFallback() throws {
        let root = FakeRoot()
        let resolver = IndexResolver(environment: root.environment())
        let locations = try resolver.configuredLocations(.init(), configuration: .init(), pip: .init())
        #expect(locations.needsFallbackDefault)
        #expect(locations.searchOrder.isEmpty)
    }
}
