import PyProject
import SuvBasics
import Testing
@testable import Settings

@Suite struct MirrorDiscoveryTests {
    func load(_ root: FakeRoot, _ request: SettingsRequest = .init(), _ variables: [String: String] = [:]) async throws -> LoadedSettings {
        try await SettingsLoader(environment: root.environment(variables), pipDefaultIndex: FakePipDefault.answering()).load(request)
    }

    func pairs(_ rules: MirrorRules) -> [String] {
        rules.rules.map { "\($0.canonical)=\($0.mirror)" }
    }

    @Test func everySpellingInPrecedenceOrder() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/pyproject.toml", """
        [project]
        name = "demo"
        version = "1"

        [[tool.uv.index]]
        name = "corp"
        url = "https://mirror.corp.example/pypi/simple/"
        default = true
        mirror-of = "https://index.example/simple/"
        """)
        root.write("/home/alice/.config/uv/uv.toml", """
        [[index]]
        url = "https://user-mirror.example/simple"
        mirror-of = "https://other.example/simple"
        """)
        root.write("/home/alice/.config/suv/mirrors.toml", """
        [[mirror]]
        canonical = "https://files.example/packages/"
        url = "https://mirror.corp.example/pypi/packages/"
        """)
        root.write("/etc/suv/mirrors.toml", """
        [[mirror]]
        canonical = "https://files.example/"
        url = "https://system-mirror.example/"
        """)
        root.write("/home/alice/.config/pip/pip.conf", """
        [global]
        index-url = https://pip-mirror.example/simple
        mirror-of = https://index.example/simple
        """)
        let loaded = try await load(root, .init(), ["SUV_INDEX_MIRRORS": " https://files.example/=https://env-mirror.example/files/ "])
        #expect(pairs(loaded.mirrors) == [
            "https://files.example/=https://env-mirror.example/files/",
            "https://index.example/simple/=https://mirror.corp.example/pypi/simple/",
            "https://other.example/simple=https://user-mirror.example/simple",
            "https://files.example/packages/=https://mirror.corp.example/pypi/packages/",
            "https://files.example/=https://system-mirror.example/",
            "https://index.example/simple=https://pip-mirror.example/simple",
        ])
        #expect(loaded.mirrors.rules.map(\.origin.description) == [
            "from `SUV_INDEX_MIRRORS`",
            "`mirror-of` from `pyproject.toml` at pyproject.toml",
            "`mirror-of` from `uv.toml` at /home/alice/.config/uv/uv.toml",
            "from `mirrors.toml` at /home/alice/.config/suv/mirrors.toml",
            "from `mirrors.toml` at /etc/suv/mirrors.toml",
            "`mirror-of` from pip.conf at /home/alice/.config/pip/pip.conf",
        ])
        // Same canonical prefix: the variable beats the system file when fetching.
        #expect(loaded.mirrors.mirrorURL(forCanonical: "https://files.example/x.whl") == "https://env-mirror.example/files/x.whl")
        #expect(loaded.mirrors.canonicalURL(forMirror: "https://mirror.corp.example/pypi/simple/beta/") == "https://index.example/simple/beta/")
    }

    @Test func noConfigReadsOnlyTheVariableAndTheProjectIsNotRead() async throws {
        let root = FakeRoot()
        root.write("/home/alice/.config/suv/mirrors.toml", "[[mirror]]\ncanonical = \"https://files.example/\"\nurl = \"https://m.example/\"\n")
        let loaded = try await load(root, .init(discovery: .init(noConfig: true)), ["SUV_INDEX_MIRRORS": "https://index.example/=https://m.example/"])
        #expect(pairs(loaded.mirrors) == ["https://index.example/=https://m.example/"])
        let system = FakeRoot()
        system.write("/etc/suv/mirrors.toml", "[[mirror]]\ncanonical = \"https://files.example/\"\nurl = \"https://m.example/\"\n")
        #expect(try await load(system, .init(), ["UV_NO_SYSTEM_CONFIG": "1"]).mirrors.isEmpty)
        #expect(try await load(system, .init(), ["XDG_CONFIG_DIRS": "/opt/conf"]).mirrors.rules.count == 1)
    }

    @Test func aCanonicalIndexIsFetchedThroughItsMirror() async throws {
        let root = FakeRoot()
        root.write("/home/alice/proj/uv.toml", """
        [[index]]
        name = "main"
        url = "https://index.example/simple/"
        default = true
        """)
        let loaded = try await load(root, .init(), ["SUV_INDEX_MIRRORS": "https://index.example/=https://ci:token@mirror.corp.example/pypi/"])
        #expect(loaded.indexes.defaultIndex?.url.string == "https://mirror.corp.example/pypi/simple/")
        #expect(loaded.indexes.defaultIndex?.name == "main")
        #expect(loaded.credentials.credentials(for: "https://mirror.corp.example/pypi/packages/x.whl") == IndexCredentials(username: "ci", password: "token"))
        #expect(loaded.mirrors.recordedIndexURL("https://mirror.corp.example/pypi/simple/") == "https://index.example/simple/")
    }

    @Test(arguments: [
        ("https://index.example/", "Invalid `SUV_INDEX_MIRRORS` entry `https://index.example/`: expected `CANONICAL=MIRROR` (two URL prefixes)"),
        ("=https://m.example/", "Invalid `SUV_INDEX_MIRRORS` entry `=https://m.example/`: expected `CANONICAL=MIRROR` (two URL prefixes)"),
        ("https://index.example/=mirror/", "Invalid URL `mirror/`: a mirror prefix must be an absolute URL (from `SUV_INDEX_MIRRORS`)"),
        ("https://index.example/=https://INDEX.example", "The mirror rule for `https://index.example/` maps the prefix to itself (from `SUV_INDEX_MIRRORS`)"),
        ("https://index.example/=https://u:secret@m.example/?q", "Invalid URL `https://u:****@m.example/?q`: a mirror prefix cannot have a query or a fragment (from `SUV_INDEX_MIRRORS`)"),
    ])
    func badVariableEntries(value: String, message: String) async throws {
        let error = try await #require(throws: SettingsError.self) { try await load(FakeRoot(), .init(), ["SUV_INDEX_MIRRORS": value]) }
        #expect(error.message == message)
    }

    @Test(arguments: [
        ("[[mirror]]\ncanonical = \"https://files.example/\"\n", "TOML parse error at line 1, column 1", "missing field `url`"),
        ("[[mirror]]\ncanonical = \"https://files.example/\"\nurl = \"https://m.example/\"\nmirror = 1\n",
         "TOML parse error at line 4, column 1", "unknown field `mirror`, expected `canonical` or `url`"),
        ("mirrors = []\n", "TOML parse error at line 1, column 1", "unknown field `mirrors`, expected `mirror`"),
        ("[[mirror]]\ncanonical = \"https://files.example/\"\nurl = \"files\"\n",
         "TOML parse error at line 3, column 7", "Invalid URL `files`: a mirror prefix must be an absolute URL"),
        ("[[mirror]]\ncanonical = 1\nurl = \"https://m.example/\"\n", "TOML parse error at line 2, column 13", "invalid type: expected a string"),
    ])
    func badMirrorsFiles(text: String, position: String, reason: String) async throws {
        let root = FakeRoot()
        root.write("/home/alice/.config/suv/mirrors.toml", text)
        let error = try await #require(throws: SettingsError.self) { try await load(root) }
        let messages = ErrorChain(error).messages
        #expect(messages.first == "Failed to parse: `/home/alice/.config/suv/mirrors.toml`")
        #expect(messages.last?.hasPrefix(position + "\n") == true, "\(messages)")
        #expect(messages.last?.hasSuffix("\n" + reason) == true, "\(messages)")
    }

    @Test func pipMirrorOfCountsOnlyNextToTheIndexURLInEffect() async throws {
        let root = FakeRoot()
        root.write("/home/alice/.config/pip/pip.conf", """
        [global]
        index-url = https://pip-mirror.example/simple
        [install]
        mirror-of = https://index.example/simple
        """)
        let loaded = try await load(root)
        #expect(loaded.mirrors.isEmpty)
        #expect(loaded.warnings.contains(
            "Ignoring pip's `mirror-of` from pip.conf at /home/alice/.config/pip/pip.conf: it counts only next to the `index-url` in effect (same file and section, or `PIP_MIRROR_OF` with `PIP_INDEX_URL`)"))
        let variables = try await load(root, .init(), ["PIP_INDEX_URL": "https://ci-mirror.example/simple", "PIP_MIRROR_OF": "https://index.example/simple"])
        #expect(pairs(variables.mirrors) == ["https://index.example/simple=https://ci-mirror.example/simple"])
    }
}
