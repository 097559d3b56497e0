import Foundation
import Testing
@testable import Cache

/// Links from a cache entry to its unpacked archive: written relative, read back without
/// `realpath`.
@Suite struct ArchiveLinkTests {
    @Test func aLinkResolvesToTheArchiveItNames() throws {
        let directory = TestDirectory()
        let store = CacheStore(root: directory.at("cache"))
        try store.initialize()
        let temporary = try store.temporaryArchiveDirectory()
        directory.write(String(temporary.dropFirst(directory.path.count + 1)) + "/module.py")
        let entry = store.shard(.wheels, "by-hash", "six", "0123")
        let archive = try store.persistArchive(temporary, linkAt: entry)
        #expect(store.resolveArchive(entry) == archive)
        #expect(store.resolveArchive(entry).map { CacheStore.realPath($0) } == CacheStore.realPath(archive))

        // The archive gone, a missing link, a plain file where the link was: nothing.
        try FileManager.default.removeItem(atPath: archive)
        #expect(store.resolveArchive(entry) == nil)
        #expect(store.resolveArchive(entry + "-missing") == nil)
        try FileManager.default.removeItem(atPath: entry)
        directory.write(String(entry.dropFirst(directory.path.count + 1)))
        #expect(store.resolveArchive(entry) == nil)
    }

    @Test(arguments: [
        ("/c/wheels-v0/by-hash/six/../../../archive-v0/x", "/c/archive-v0/x"),
        ("/a/./b//c/", "/a/b/c"),
        ("/../a", "/a"),
        ("a/../../b", "../b"),
        ("a/..", "."),
        ("/", "/"),
    ])
    func lexicalNormalization(path: String, expected: String) {
        #expect(Path.lexicallyNormalized(path) == expected)
    }
}
