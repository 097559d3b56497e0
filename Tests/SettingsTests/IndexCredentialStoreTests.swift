import Testing
@testable import Settings

@Suite struct IndexCredentialStoreTests {
    func index(_ url: String, name: String? = nil) throws -> ConfiguredIndex {
        let parsed = try IndexURL.parse(url, relativeTo: "/")
        return ConfiguredIndex(name: name, url: parsed.url, origin: .commandLine(flag: "--index"), urlCredentials: parsed.credentials)
    }

    @Test func variableNames() {
        #expect(ConfiguredIndex.credentialVariablePrefix(forName: "my-index.v2") == "UV_INDEX_MY_INDEX_V2")
        #expect(ConfiguredIndex.credentialVariablePrefix(forName: "PyTorch_cu121") == "UV_INDEX_PYTORCH_CU121")
    }

    @Test func urlUserinfoOfTheRequestComesFirst() throws {
        let store = IndexCredentialStore(indexes: [try index("https://a:1@pkgs.example/simple")], environment: FakeRoot().environment())
        #expect(store.credentials(for: "https://b:2@pkgs.example/simple/flask/") == IndexCredentials(username: "b", password: "2"))
    }

    @Test func environmentBeatsTheConfiguredURLForNamedIndexes() throws {
        let configured = try index("https://url-user:url-pass@pkgs.example/simple", name: "internal")
        let env = FakeRoot().environment(["UV_INDEX_INTERNAL_USERNAME": "env-user", "UV_INDEX_INTERNAL_PASSWORD": "env-pass"])
        let store = IndexCredentialStore(indexes: [configured], environment: env)
        #expect(store.credentials(for: "https://pkgs.example/simple/flask/") == IndexCredentials(username: "env-user", password: "env-pass"))
        let urlOnly = IndexCredentialStore(indexes: [configured], environment: FakeRoot().environment())
        #expect(urlOnly.credentials(for: configured) == IndexCredentials(username: "url-user", password: "url-pass"))
        // A password alone in the environment counts too.
        let passwordOnly = IndexCredentialStore(indexes: [configured], environment: FakeRoot().environment(["UV_INDEX_INTERNAL_PASSWORD": "p"]))
        #expect(passwordOnly.credentials(for: configured) == IndexCredentials(username: nil, password: "p"))
    }

    @Test func environmentIsIgnoredForUnnamedIndexes() throws {
        let store = IndexCredentialStore(indexes: [try index("https://pkgs.example/simple")],
                                         environment: FakeRoot().environment(["UV_INDEX__USERNAME": "x", "UV_INDEX__PASSWORD": "y"]))
        #expect(store.credentials(for: "https://pkgs.example/simple/") == nil)
    }

    @Test func realmCredentialsApplyToFilesOnTheSameHost() throws {
        let store = IndexCredentialStore(indexes: [try index("https://u:p@pkgs.example/simple")], environment: FakeRoot().environment())
        #expect(store.credentials(for: "https://pkgs.example/files/flask-3.0.whl") == IndexCredentials(username: "u", password: "p"))
        #expect(store.credentials(for: "http://pkgs.example/files/flask-3.0.whl") == nil)
        #expect(store.credentials(for: "https://pkgs.example:8443/files/x.whl") == nil)
        #expect(store.credentials(for: "https://files.example/x.whl") == nil)
    }

    @Test func longestMatchingIndexWins() throws {
        let store = IndexCredentialStore(indexes: [
            try index("https://a:1@pkgs.example/team-a/simple"),
            try index("https://b:2@pkgs.example/team-b/simple"),
        ], environment: FakeRoot().environment())
        #expect(store.credentials(for: "https://pkgs.example/team-b/simple/x/")?.username == "b")
        #expect(store.credentials(for: "https://pkgs.example/team-a/simple/x/")?.username == "a")
        // Elsewhere on the realm: the highest-priority index's credentials.
        #expect(store.credentials(for: "https://pkgs.example/files/x.whl")?.username == "a")
    }

    @Test func netrcComesLast() throws {
        let netrc = try NetrcFile(parsing: "machine pkgs.example login n password np\ndefault login d password dp\n")
        let env = FakeRoot().environment()
        let store = IndexCredentialStore(indexes: [try index("https://u:p@pkgs.example/simple")], environment: env, netrc: netrc)
        #expect(store.credentials(for: "https://pkgs.example/simple/x/")?.username == "u")
        #expect(store.credentials(for: "https://other.example/x")?.username == "d")
        let plain = IndexCredentialStore(indexes: [try index("https://pkgs.example/simple")], environment: env, netrc: netrc)
        #expect(plain.credentials(for: "https://pkgs.example/simple/x/") == IndexCredentials(username: "n", password: "np"))
    }

    @Test func aUsernameInTheURLMustMatch() throws {
        let netrc = try NetrcFile(parsing: "machine pkgs.example login alice password secret\n")
        let store = IndexCredentialStore(indexes: [], environment: FakeRoot().environment(), netrc: netrc)
        #expect(store.credentials(for: "https://alice@pkgs.example/x") == IndexCredentials(username: "alice", password: "secret"))
        #expect(store.credentials(for: "https://bob@pkgs.example/x") == IndexCredentials(username: "bob", password: nil))
    }

    @Test func rememberedCredentialsApplyToTheRealm() throws {
        var store = IndexCredentialStore(indexes: [], environment: FakeRoot().environment())
        #expect(store.credentials(for: "https://pkgs.example/x") == nil)
        store.remember(IndexCredentials(username: "u", password: "p"), for: "https://pkgs.example/simple/")
        #expect(store.credentials(for: "https://pkgs.example/files/y.whl")?.username == "u")
    }

    @Test func storeFromLocationsCoversFindLinksAndTheFallbackDefault() throws {
        let link = try index("https://l:1@links.example/wheels/")
        let fallback = try index("https://d:2@default.example/simple")
        let locations = IndexLocations(definitions: [], findLinks: [link]).withFallbackDefault(fallback)
        let store = IndexCredentialStore(locations: locations, environment: FakeRoot().environment())
        #expect(store.credentials(for: "https://links.example/wheels/a.whl")?.username == "l")
        #expect(store.credentials(for: "https://default.example/simple/a/")?.username == "d")
    }
}
