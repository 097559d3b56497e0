import Lockfile
import Testing

@Suite struct GitSourceURLTests {
    @Test(arguments: [
        ("https://host/org/repo?rev=v1#0123456789abcdef0123456789abcdef01234567", "https://host/org/repo", GitSourceURL.Reference.rev("v1"), nil as String?),
        ("https://host/org/repo?tag=v1.2#0123456789abcdef0123456789abcdef01234567", "https://host/org/repo", .tag("v1.2"), nil),
        ("https://host/org/repo?branch=main&subdirectory=pkgs/a#0123456789abcdef0123456789abcdef01234567", "https://host/org/repo", .branch("main"), "pkgs/a"),
    ])
    func readsAndWritesTheLockSpelling(text: String, repository: String, reference: GitSourceURL.Reference, subdirectory: String?) throws {
        let source = try #require(GitSourceURL(lockText: text))
        #expect(source.repository == repository)
        #expect(source.reference == reference)
        #expect(source.subdirectory == subdirectory)
        #expect(source.commit == "0123456789abcdef0123456789abcdef01234567")
        #expect(source.lockText == text)
        #expect(source.requestText == String(text.split(separator: "#")[0]))
        #expect(source.requested.commit == nil)
    }

    @Test func noReferenceAndNoQuery() throws {
        let source = try #require(GitSourceURL(lockText: "file:///srv/repo#abc1234"))
        #expect(source.reference == nil && source.subdirectory == nil && source.commit == "abc1234")
        #expect(source.requestText == "file:///srv/repo")
        #expect(source.displayText == "git+file:///srv/repo@abc1234")
    }

    @Test func unknownQueryKeysAreRefused() {
        #expect(GitSourceURL(lockText: "https://host/repo?ref=x#abc") == nil)
        #expect(GitSourceURL(lockText: "https://host/repo?rev#abc") == nil)
        #expect(GitSourceURL(lockText: "#abc") == nil)
    }

    @Test func readsPEP508DirectReferences() throws {
        let plain = try #require(GitSourceURL(directReference: "git+https://host/org/repo"))
        #expect(plain.repository == "https://host/org/repo" && plain.reference == nil)
        let pinned = try #require(GitSourceURL(directReference: "git+https://host/org/repo.git@v1.0#subdirectory=sub/dir&egg=x"))
        #expect(pinned.repository == "https://host/org/repo.git")
        #expect(pinned.reference == .rev("v1.0"))
        #expect(pinned.subdirectory == "sub/dir")
        #expect(pinned.requestText == "https://host/org/repo.git?rev=v1.0&subdirectory=sub/dir")
        // The `@` of the user information is not a revision.
        let user = try #require(GitSourceURL(directReference: "git+ssh://git@host/org/repo"))
        #expect(user.repository == "ssh://git@host/org/repo" && user.reference == nil)
        let both = try #require(GitSourceURL(directReference: "git+ssh://git@host/org/repo@main"))
        #expect(both.repository == "ssh://git@host/org/repo" && both.reference == .rev("main"))
        #expect(GitSourceURL(directReference: "https://host/x.whl") == nil)
        #expect(GitSourceURL(directReference: "git+nowhere") == nil)
    }
}
