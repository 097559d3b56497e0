import Cache
import SuvBasics
import Testing

@Suite struct CacheStoreTests {
    @Test func initializeWritesTheScaffoldingAsUvDoes() throws {
        let directory = TestDirectory()
        let store = CacheStore(root: directory.at("cache"))
        #expect(!store.exists)
        try store.initialize()
        #expect(store.exists)
        #expect(readText(directory.at("cache/CACHEDIR.TAG")) == "Signature: 8a477f597d28d172789f06886806bc55")
        #expect(readText(directory.at("cache/.gitignore")) == "*")
        #expect(readText(directory.at("cache/sdists-v0/.gitignore")) == "")
        #expect(readText(directory.at("cache/sdists-v0/.git")) == "")
        #expect(directory.listing() == [
            "cache", "cache/.gitignore", "cache/CACHEDIR.TAG", "cache/sdists-v0", "cache/sdists-v0/.git",
            "cache/sdists-v0/.gitignore",
        ])
    }

    @Test func initializeKeepsExistingFiles() throws {
        let directory = TestDirectory()
        directory.write("cache/.gitignore", "mine")
        let store = CacheStore(root: directory.at("cache"))
        try store.initialize()
        try store.initialize()
        #expect(readText(directory.at("cache/.gitignore")) == "mine")
    }

    @Test func initializeFailsWhereAFileIsInTheWay() {
        let directory = TestDirectory()
        directory.write("cache", "not a folder")
        #expect(throws: CacheError.self) { try CacheStore(root: directory.at("cache")).initialize() }
    }

    @Test func bucketAndEntryPaths() {
        let store = CacheStore(root: "/c/")
        let index = IndexID(url: "https://mirror.example/simple")
        let flask = PackageName("Flask")
        #expect(store.root == "/c")
        #expect(store.bucket(.simple) == "/c/simple-v0")
        #expect(store.shard(.interpreter, "ab", "cd.json") == "/c/interpreter-v0/ab/cd.json")
        #expect(store.index(.simple, index) == "/c/simple-v0/\(index.value)")
        #expect(store.package(.wheels, index: index, name: flask) == "/c/wheels-v0/\(index.value)/flask")
        #expect(store.packageFile(.simple, index: index, name: PackageName("Zope.Interface"), extension: "json")
            == "/c/simple-v0/\(index.value)/zope-interface.json")
        #expect(store.lockFile == "/c/.lock")
    }

    @Test func sharedRootLocksCoexistAndBlockExclusive() async throws {
        let directory = TestDirectory()
        let store = CacheStore(root: directory.at("cache"))
        let first = try await store.lockShared()
        let second = try await store.lockShared()
        #expect(try store.tryLockExclusive() == nil)
        first.release()
        #expect(try store.tryLockExclusive() == nil)
        second.release()
        let exclusive = try #require(try store.tryLockExclusive())
        #expect(exclusive.mode == .exclusive)
    }
}
