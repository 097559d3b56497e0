@testable import Cache
import Hashing
import Testing

@Suite struct IndexIDTests {
    @Test func readablePrefixAndSixteenHexDigits() {
        let id = IndexID(url: "https://mirror.example/simple").value
        #expect(id.hasPrefix("mirror.example-"))
        let digest = id.dropFirst("mirror.example-".count)
        #expect(digest.count == 16)
        #expect(digest.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func digestIsTheSHA256OfTheCanonicalURL() {
        var hasher = SHA256Hasher()
        hasher.update(Array("https://mirror.example/simple".utf8))
        let expected = "mirror.example-" + hasher.finalize().hex.prefix(16)
        #expect(IndexID(url: "https://mirror.example/simple/").value == expected)
    }

    @Test(arguments: [
        "https://mirror.example/simple",
        "https://mirror.example/simple/",
        "HTTPS://Mirror.example/simple",
        "https://user:secret@mirror.example/simple/",
        "https://mirror.example:443/simple",
        "https://mirror.example/simple#fragment",
    ])
    func spellingsOfOneIndexShareAnID(_ url: String) {
        #expect(IndexID(url: url) == IndexID(url: "https://mirror.example/simple"))
    }

    @Test func differentIndexesDiffer() {
        let ids = Set([
            "https://mirror.example/simple", "https://test.mirror.example/simple", "https://mirror.example/other",
            "http://mirror.example/simple", "https://mirror.example/simple?x=1", "https://mirror.example:8443/simple",
        ].map(IndexID.init(url:)))
        #expect(ids.count == 6)
    }

    @Test func prefixIsSafeForFileNames() {
        #expect(IndexID(url: "http://[::1]:8080/simple").value.hasPrefix("---1--8080-"))
        #expect(IndexID(url: "file:///srv/wheels").value.hasPrefix("local-"))
        #expect(IndexID(url: "/srv/wheels").value.hasPrefix("local-"))
    }

    @Test func isStableAcrossRuns() {
        // A fixed value: changing the canonical form would orphan every cached page.
        // `printf 'https://mirror.example/simple' | sha256sum | cut -c1-16`
        #expect(IndexID(url: "https://mirror.example/simple").value == "mirror.example-d4230e812e3d32a4")
    }
}
