import PEP440
import Testing

/// `Version.bumped`: uv 0.13.9's `--bump` arithmetic (each case checked with
/// `uv version --dry-run --bump ...`).
@Suite struct VersionBumpTests {
    func bump(_ text: String, _ bumps: Version.Bump...) throws -> String {
        let version = try #require(Version(text))
        return bumps.reduce(version) { $0.bumped($1) }.description
    }

    @Test func releaseComponents() throws {
        #expect(try bump("0.1.0", .release(index: 1, value: nil)) == "0.2.0")
        #expect(try bump("1.0", .release(index: 1, value: nil)) == "1.1")
        #expect(try bump("1", .release(index: 2, value: nil)) == "1.0.1")
        #expect(try bump("1.2.3.4", .release(index: 1, value: nil)) == "1.3.0.0")
        #expect(try bump("1!1.0", .release(index: 0, value: nil)) == "1!2.0")
        #expect(try bump("1.2.3+loc", .release(index: 2, value: nil)) == "1.2.4+loc")
        #expect(try bump("2.0.post1", .release(index: 0, value: 7)) == "7.0")
        #expect(try bump("1.0b1", .prerelease(.rc, value: nil), .release(index: 1, value: nil)) == "1.1")
    }

    @Test func preAndPostReleases() throws {
        #expect(try bump("0.2.0", .release(index: 1, value: nil), .prerelease(.beta, value: nil)) == "0.3.0b1")
        #expect(try bump("0.3.0b1", .prerelease(.beta, value: nil)) == "0.3.0b2")
        #expect(try bump("1.0a1.post2.dev3", .prerelease(.alpha, value: nil)) == "1.0a2")
        #expect(try bump("1.0rc1", .prerelease(.beta, value: nil)) == "1.0b1")
        #expect(try bump("1.0a1.post2.dev3", .post(value: nil)) == "1.0a1.post3")
        #expect(try bump("2.0", .post(value: nil)) == "2.0.post1")
        #expect(try bump("1.0.post3", .post(value: 1)) == "1.0.post1")
        #expect(try bump("1.0rc1", .stable) == "1.0")
        #expect(try bump("2.0.post1", .stable) == "2.0")
    }

    @Test func devReleases() throws {
        #expect(try bump("1.0a1.post2.dev3", .dev(value: nil)) == "1.0a1.post2.dev4")
        #expect(try bump("1.0.dev3", .dev(value: nil)) == "1.0.dev4")
        #expect(try bump("3.0.0", .dev(value: nil)) == "3.0.0.dev1")
        #expect(try bump("1.0", .release(index: 2, value: 5), .dev(value: 0)) == "1.0.5.dev0")
        #expect(try bump("1.0", .release(index: 0, value: nil), .prerelease(.beta, value: nil), .dev(value: nil)) == "2.0b1.dev1")
    }
}
