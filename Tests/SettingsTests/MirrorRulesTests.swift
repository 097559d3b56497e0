import SuvBasics
import Testing
@testable import Settings

@Suite struct MirrorRulesTests {
    func rule(_ canonical: String, _ mirror: String, _ origin: MirrorOrigin = .environment(variable: "SUV_INDEX_MIRRORS")) throws -> MirrorRule {
        let mirror = try MirrorPrefix.parse(mirror)
        return MirrorRule(canonical: try MirrorPrefix.parse(canonical).prefix, mirror: mirror.prefix,
                          mirrorCredentials: mirror.credentials, origin: origin)
    }

    @Test(arguments: [
        // (canonical, mirror, mirror URL, recorded)
        ("https://index.example/simple/", "https://mirror.corp.example/pypi/simple/",
         "https://mirror.corp.example/pypi/simple/", "https://index.example/simple/"),
        // A URL equal to a prefix keeps its own trailing slash (or its absence).
        ("https://index.example/simple/", "https://mirror.corp.example/pypi/simple",
         "https://mirror.corp.example/pypi/simple", "https://index.example/simple"),
        ("https://index.example/simple", "https://mirror.corp.example/pypi/simple/",
         "https://mirror.corp.example/pypi/simple/", "https://index.example/simple/"),
        // Below the prefix, the rest is kept as it is.
        ("https://files.example/packages", "https://mirror.corp.example/pypi/packages/",
         "https://mirror.corp.example/pypi/packages/ab/cd/x-1.0.tar.gz", "https://files.example/packages/ab/cd/x-1.0.tar.gz"),
        ("https://index.example/", "http://127.0.0.1:8000/_fault/html-only/",
         "http://127.0.0.1:8000/_fault/html-only/simple/", "https://index.example/simple/"),
        // Scheme and host case and the default port do not matter.
        ("https://files.example/packages/", "https://mirror.corp.example:443/pypi/packages/",
         "HTTPS://Mirror.Corp.Example/pypi/packages/x-1.0.tar.gz", "https://files.example/packages/x-1.0.tar.gz"),
    ])
    func mapsBothWays(canonical: String, mirror: String, mirrorURL: String, recorded: String) throws {
        let rules = MirrorRules([try rule(canonical, mirror)])
        #expect(rules.canonicalURL(forMirror: mirrorURL) == recorded)
        let back = try #require(rules.mirrorURL(forCanonical: recorded))
        #expect(rules.canonicalURL(forMirror: back) == recorded)
    }

    @Test func matchesOnlyAtPathBoundaries() throws {
        let rules = MirrorRules([try rule("https://files.example/packages/", "https://mirror.corp.example/pypi/")])
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example/pypi2/x.whl") == nil)
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example/pyp") == nil)
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example:8443/pypi/x.whl") == nil)
        #expect(rules.canonicalURL(forMirror: "http://mirror.corp.example/pypi/x.whl") == nil)
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example.evil/pypi/x.whl") == nil)
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example/pypi/x.whl?token=1")
            == "https://files.example/packages/x.whl?token=1")
        #expect(rules.canonicalURL(forMirror: "not a url") == nil)
    }

    @Test func longestPrefixWinsThenPrecedence() throws {
        let rules = MirrorRules([
            try rule("https://index.example/", "https://mirror.corp.example/all/"),
            try rule("https://files.example/packages/", "https://mirror.corp.example/all/packages/"),
            try rule("https://files.example/packages/", "https://other.corp.example/packages/", .mirrorsFile(path: "/etc/suv/mirrors.toml", level: .system)),
        ])
        // Recording: the longer mirror prefix wins over the shorter one listed first.
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example/all/packages/x.whl") == "https://files.example/packages/x.whl")
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example/all/simple/") == "https://index.example/simple/")
        #expect(rules.canonicalURL(forMirror: "https://other.corp.example/packages/x.whl") == "https://files.example/packages/x.whl")
        // Fetching: two rules share the canonical prefix; the first (highest precedence) wins.
        #expect(rules.mirrorURL(forCanonical: "https://files.example/packages/x.whl") == "https://mirror.corp.example/all/packages/x.whl")
        #expect(rules.downloadURL(forLocked: "https://elsewhere.example/x.whl") == "https://elsewhere.example/x.whl")
    }

    @Test func credentialsNeverReachRecordedURLs() throws {
        let rules = MirrorRules([try rule("https://files.example/", "https://alice:s3cret@mirror.corp.example/pypi/")])
        #expect(rules.rules[0].mirrorCredentials == IndexCredentials(username: "alice", password: "s3cret"))
        #expect(rules.rules[0].mirror.string == "https://mirror.corp.example/pypi/")
        #expect(!rules.description.contains("s3cret"))
        let recorded = try #require(rules.canonicalURL(forMirror: "https://bob:token@mirror.corp.example/pypi/x.whl"))
        #expect(recorded == "https://files.example/x.whl")
        #expect(rules.mirrorURL(forCanonical: "https://files.example/x.whl") == "https://mirror.corp.example/pypi/x.whl")
    }

    @Test func recordedFileURLs() throws {
        let rules = MirrorRules([
            try rule("https://index.example/simple/", "https://mirror.corp.example/simple/"),
            try rule("https://files.example/packages/", "https://mirror.corp.example/packages/"),
        ])
        #expect(rules.recordedFileURL("https://mirror.corp.example/packages/x.whl") == .mapped("https://files.example/packages/x.whl"))
        #expect(rules.recordedFileURL("https://files.example/packages/x.whl") == .alreadyCanonical)
        #expect(rules.recordedFileURL("https://mirror.corp.example/+f/ab/x.whl") == .uncovered)
    }

    @Test func prefixesAreAbsoluteURLsWithoutQuery() {
        #expect(throws: IndexURLError.self) { try MirrorPrefix.parse("./mirror") }
        #expect(throws: IndexURLError.self) { try MirrorPrefix.parse("https://mirror.corp.example/simple?x=1") }
        #expect(throws: IndexURLError.self) { try MirrorPrefix.parse("https://mirror.corp.example:99999/") }
    }

    @Test func fetchLocationsGoThroughTheMirror() throws {
        let rules = MirrorRules([try rule("https://index.example/simple/", "https://bob:pw@mirror.corp.example/pypi/simple/")])
        let canonical = try IndexURL.parse("https://alice:canonical-secret@index.example/simple/", relativeTo: "/")
        let configured = ConfiguredIndex(name: "main", url: canonical.url, origin: .environment(variable: "UV_INDEX"),
                                         urlCredentials: canonical.credentials)
        let other = ConfiguredIndex(url: try IndexURL("https://private.example/simple"), origin: .commandLine(flag: "--index"))
        let fallback = ConfiguredIndex(url: try IndexURL("https://index.example/simple"), isDefault: true,
                                       origin: .interpreterPip(interpreter: "python3"))
        let locations = IndexLocations(definitions: [configured, other], fallbackDefault: fallback)
        let fetched = rules.fetchLocations(locations)
        #expect(fetched.searchOrder.map(\.url.string) == [
            "https://mirror.corp.example/pypi/simple/", "https://private.example/simple", "https://mirror.corp.example/pypi/simple",
        ])
        #expect(fetched.searchOrder.first?.urlCredentials == IndexCredentials(username: "bob", password: "pw"))
        #expect(fetched.searchOrder.first?.name == "main")
        #expect(fetched.defaultIndex?.origin == .interpreterPip(interpreter: "python3"))
        #expect(rules.recordedIndexURL("https://mirror.corp.example/pypi/simple/") == "https://index.example/simple/")
        #expect(rules.recordedIndexURL("https://private.example/simple") == "https://private.example/simple")
        #expect(MirrorRules().fetchLocations(locations) == locations)
        // The round trip keeps each configured spelling.
        #expect(fetched.searchOrder.map { rules.recordedIndexURL($0.url.string) }
            == ["https://index.example/simple/", "https://private.example/simple", "https://index.example/simple"])
    }

    @Test func anIndexDeclarationMapsTheIndexAsWritten() throws {
        let origin = MirrorOrigin.index(.configuration(path: "uv.toml", kind: .uvToml, level: .project))
        let rules = MirrorRules([try rule("https://index.example/simple/", "https://mirror.corp.example/pypi/simple", origin)])
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example/pypi/simple") == "https://index.example/simple/")
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example/pypi/simple/") == "https://index.example/simple/")
        #expect(rules.mirrorURL(forCanonical: "https://index.example/simple") == "https://mirror.corp.example/pypi/simple")
        #expect(rules.canonicalURL(forMirror: "https://mirror.corp.example/pypi/simple/beta/") == "https://index.example/simple/beta/")
    }
}
