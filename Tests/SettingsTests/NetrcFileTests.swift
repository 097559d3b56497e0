import Testing
@testable import Settings

/// Cases from Python's `test_netrc.py` (which uv's parser also carries), plus uv's lookups.
@Suite struct NetrcFileTests {
    typealias Entry = NetrcFile.Entry

    @Test func tokensInAnyOrderAndDefault() throws {
        let netrc = try NetrcFile(parsing: """
        machine host.domain.com password pass1 login log1 account acct1
        default login log2 password pass2 account acct2
        """)
        #expect(netrc.machines["host.domain.com"] == Entry(login: "log1", account: "acct1", password: "pass1"))
        #expect(netrc.defaultEntry == Entry(login: "log2", account: "acct2", password: "pass2"))
    }

    @Test func tokensAcrossLines() throws {
        let netrc = try NetrcFile(parsing: "machine\nhost.domain.com\n\tlogin\n  log1\npassword\n pass1\n")
        #expect(netrc.machines["host.domain.com"] == Entry(login: "log1", password: "pass1"))
    }

    @Test func userIsAnAliasForLogin() throws {
        #expect(try NetrcFile(parsing: "machine h user u password p").machines["h"]?.login == "u")
    }

    @Test func quotedAndEscapedTokens() throws {
        let netrc = try NetrcFile(parsing: #"""
        machine host.domain.com login log password "pass word"
        machine other login log password pa\ ss
        machine third login log password "a\"b"
        """#)
        #expect(netrc.machines["host.domain.com"]?.password == "pass word")
        #expect(netrc.machines["other"]?.password == "pa ss")
        #expect(netrc.machines["third"]?.password == "a\"b")
    }

    @Test func passwordsMayStartWithHash() throws {
        let netrc = try NetrcFile(parsing: "machine h login l password #pass\n")
        #expect(netrc.machines["h"]?.password == "#pass")
    }

    @Test func commentsAreSkipped() throws {
        let netrc = try NetrcFile(parsing: """
        # comment
        machine foo.domain.com login bar password pass # trailing comment
        #machine bar.domain.com login foo password pass
        machine baz login b password c
        """)
        #expect(netrc.machines.keys.sorted() == ["baz", "foo.domain.com"])
        #expect(netrc.machines["foo.domain.com"]?.password == "pass")
    }

    @Test func macdefRunsToABlankLine() throws {
        let netrc = try NetrcFile(parsing: """
        macdef macro1
        line1
          line2

        machine host login l password p
        """)
        #expect(netrc.macros["macro1"] == ["line1", "line2"])
        #expect(netrc.machines["host"]?.login == "l")
    }

    @Test func laterEntryForAHostWins() throws {
        let netrc = try NetrcFile(parsing: "machine h login a password 1\nmachine h login b password 2\n")
        #expect(netrc.machines["h"]?.login == "b")
    }

    @Test func emptyFile() throws {
        #expect(try NetrcFile(parsing: "") == NetrcFile())
        #expect(try NetrcFile(parsing: "  \n\n") == NetrcFile())
    }

    @Test(arguments: [
        ("login x\n", NetrcError(line: 1, reason: "bad toplevel token 'login'")),
        ("machine h\n  login l\n  port 21\n", NetrcError(line: 3, reason: "bad follower token 'port'")),
        ("machine\n", NetrcError(line: 2, reason: "missing 'machine' name")),
    ])
    func errors(text: String, expected: NetrcError) {
        #expect(throws: expected) { try NetrcFile(parsing: text) }
    }

    @Test func errorMessageLikeUv() {
        #expect(NetrcError(line: 2, reason: "bad toplevel token 'x'").message == "parsing error: bad toplevel token 'x' (line 2)")
    }

    @Test func lookupByHostWithDefaultAndUsernameCheck() throws {
        let netrc = try NetrcFile(parsing: "machine pkgs.example login alice password s3cret\ndefault login anon password guest\n")
        #expect(netrc.credentials(forHost: "pkgs.example") == IndexCredentials(username: "alice", password: "s3cret"))
        #expect(netrc.credentials(forHost: "PKGS.example")?.username == "alice")
        #expect(netrc.credentials(forHost: "other.example") == IndexCredentials(username: "anon", password: "guest"))
        #expect(netrc.credentials(forHost: "pkgs.example", username: "bob") == nil)
        #expect(netrc.credentials(forHost: "pkgs.example", username: "alice")?.password == "s3cret")
        #expect(try NetrcFile(parsing: "machine a login b password c").credentials(forHost: "z") == nil)
        #expect(!"\(try #require(netrc.entry(forHost: "pkgs.example")))".contains("s3cret"))
    }

    @Test func loadsNetrcVariableThenHome() throws {
        let root = FakeRoot()
        root.write("/home/alice/.netrc", "machine home.example login h password 1\n")
        root.write("/srv/netrc", "machine env.example login e password 2\n")
        let fromVariable = NetrcFile.load(from: root.environment(["NETRC": "/srv/netrc"]))
        #expect(fromVariable.path == "/srv/netrc")
        #expect(fromVariable.netrc?.machines["env.example"] != nil)
        // A `NETRC` that does not exist falls back to `~/.netrc`, as in uv.
        let fallback = NetrcFile.load(from: root.environment(["NETRC": "/nope"]))
        #expect(fallback.path == "/home/alice/.netrc")
        #expect(NetrcFile.load(from: FakeRoot().environment()).netrc == nil)
    }

    @Test func brokenNetrcIsAWarning() {
        let root = FakeRoot()
        root.write("/home/alice/.netrc", "machine h\nport 1\n")
        let loaded = NetrcFile.load(from: root.environment())
        #expect(loaded.netrc == nil)
        #expect(loaded.warning == "Error reading netrc file: parsing error: bad follower token 'port' (line 2) in the file '/home/alice/.netrc'")
    }
}
