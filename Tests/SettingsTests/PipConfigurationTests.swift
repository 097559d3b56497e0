import Testing
@testable import Settings

@Suite struct PipConfigurationTests {
    func load(_ root: FakeRoot, _ variables: [String: String] = [:], _ options: PipConfigurationLoader.Options = .init()) -> PipConfiguration {
        PipConfigurationLoader(environment: root.environment(variables)).load(options)
    }

    @Test func candidateFilesInPipsOrder() {
        let root = FakeRoot()
        let loader = PipConfigurationLoader(environment: root.environment([
            "XDG_CONFIG_DIRS": "/opt/a:/opt/b", "VIRTUAL_ENV": "/venv", "PIP_CONFIG_FILE": "/srv/pip.ini",
        ]))
        #expect(loader.candidateFiles() == [
            "/opt/a/pip/pip.conf", "/opt/b/pip/pip.conf", "/etc/pip.conf",
            "/home/alice/.pip/pip.conf", "/home/alice/.config/pip/pip.conf",
            "/venv/pip.conf", "/srv/pip.ini",
        ])
        #expect(PipConfigurationLoader(environment: root.environment()).candidateFiles() == [
            "/etc/xdg/pip/pip.conf", "/etc/pip.conf", "/home/alice/.pip/pip.conf", "/home/alice/.config/pip/pip.conf",
        ])
        #expect(PipConfigurationLoader(environment: root.environment(["XDG_CONFIG_HOME": "/xdg"])).candidateFiles().last
            == "/xdg/pip/pip.conf")
        #expect(loader.candidateFiles(.init(readFiles: false)).isEmpty)
        #expect(loader.candidateFiles(.init(readSystemFiles: false)).first == "/home/alice/.pip/pip.conf")
    }

    @Test func existingConfigFileVariableSkipsUserFiles() {
        let root = FakeRoot()
        root.write("/srv/pip.ini", "[global]\nindex-url = https://env-file.example/simple\n")
        root.write("/home/alice/.config/pip/pip.conf", "[global]\nextra-index-url = https://user.example/simple\n")
        let configuration = load(root, ["PIP_CONFIG_FILE": "/srv/pip.ini"])
        #expect(configuration.files == ["/srv/pip.ini"])
        #expect(configuration.extraIndexURLs == nil)
        #expect(configuration.indexURL?.value == "https://env-file.example/simple")
        #expect(configuration.indexURL?.origin == .pipConfiguration(path: "/srv/pip.ini"))
    }

    @Test func devNullDisablesEveryFile() {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "[global]\nindex-url = https://etc.example/simple\n")
        #expect(load(root, ["PIP_CONFIG_FILE": "/dev/null"]).isEmpty)
        #expect(load(root, ["PIP_CONFIG_FILE": "/dev/null", "PIP_INDEX_URL": "https://env.example/simple"]).indexURL?.value
            == "https://env.example/simple")
    }

    @Test func laterFilesOverrideEarlierOnesKeyByKey() {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "[global]\nindex-url = https://etc.example/simple\nfind-links = /etc-links\n")
        root.write("/home/alice/.config/pip/pip.conf", "[global]\nindex-url = https://user.example/simple\n")
        let configuration = load(root)
        #expect(configuration.indexURL?.value == "https://user.example/simple")
        #expect(configuration.findLinks?.value == ["/etc-links"])
        #expect(configuration.findLinks?.origin.description == "from pip.conf at /etc/pip.conf")
        #expect(configuration.files == ["/etc/pip.conf", "/home/alice/.config/pip/pip.conf"])
    }

    @Test func installSectionBeatsGlobalEvenFromAnEarlierFile() {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "[install]\nindex-url = https://install.example/simple\n")
        root.write("/home/alice/.config/pip/pip.conf", "[global]\nindex-url = https://global.example/simple\n[download]\nindex-url = https://other.example/simple\n")
        #expect(load(root).indexURL?.value == "https://install.example/simple")
    }

    @Test func variablesBeatFiles() {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "[install]\nindex-url = https://file.example/simple\nextra-index-url = https://f.example/simple\n")
        let configuration = load(root, [
            "PIP_INDEX_URL": " https://env.example/simple ",
            "PIP_EXTRA_INDEX_URL": "https://e1.example/simple  https://e2.example/simple",
            "PIP_FIND_LINKS": "/a /b",
        ])
        #expect(configuration.indexURL == .init(value: "https://env.example/simple", origin: .pipEnvironment(variable: "PIP_INDEX_URL")))
        #expect(configuration.extraIndexURLs?.value == ["https://e1.example/simple", "https://e2.example/simple"])
        #expect(configuration.findLinks?.value == ["/a", "/b"])
        // An empty variable does not count.
        #expect(load(root, ["PIP_INDEX_URL": ""]).indexURL?.value == "https://file.example/simple")
    }

    @Test func keyNamesAreNormalized() {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "[global]\nEXTRA_INDEX_URL = https://a.example/simple\n--find-links = /links\n")
        let configuration = load(root)
        #expect(configuration.extraIndexURLs?.value == ["https://a.example/simple"])
        #expect(configuration.findLinks?.value == ["/links"])
    }

    @Test func brokenFilesAreSkippedWithAWarning() {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "index-url = https://x.example/simple\n")
        root.write("/home/alice/.config/pip/pip.conf", "[global]\nextra-index-url = https://ok.example/simple\n")
        let configuration = load(root)
        #expect(configuration.warnings == ["Ignoring pip configuration file `/etc/pip.conf`: line 1: file contains no section headers"])
        #expect(configuration.indexURL == nil)
        #expect(configuration.extraIndexURLs?.value == ["https://ok.example/simple"])
    }

    @Test func siteFileOfTheActiveVirtualEnvironment() {
        let root = FakeRoot()
        root.write("/home/alice/proj/.venv/pip.conf", "[global]\nindex-url = https://venv.example/simple\n")
        let configuration = load(root, ["VIRTUAL_ENV": ".venv"])
        #expect(configuration.indexURL?.origin == .pipConfiguration(path: "/home/alice/proj/.venv/pip.conf"))
    }

    @Test func filesAreSkippedOnRequest() {
        let root = FakeRoot()
        root.write("/etc/pip.conf", "[global]\nindex-url = https://etc.example/simple\n")
        root.write("/home/alice/.config/pip/pip.conf", "[global]\nextra-index-url = https://user.example/simple\n")
        #expect(load(root, [:], .init(readFiles: false)).isEmpty)
        let noSystem = load(root, [:], .init(readSystemFiles: false))
        #expect(noSystem.indexURL == nil)
        #expect(noSystem.extraIndexURLs != nil)
    }
}
