@testable import Cache
import Foundation
import SuvBasics
import Testing

@Suite struct CacheStorePruneTests {
    private func makeStore(_ directory: TestDirectory) throws -> CacheStore {
        let store = CacheStore(root: directory.at("cache"))
        try store.initialize()
        return store
    }

    @Test func aFreshCacheHasNothingToPrune() throws {
        let directory = TestDirectory()
        let store = try makeStore(directory)
        #expect(try store.prune(ci: false).isEmpty)
        #expect(try store.prune(ci: true).isEmpty)
        #expect(RemovalSummary().summaryLine(emptyMessage: "No unused entries found") == "No unused entries found")
    }

    @Test func removesSupersededBucketVersionsOnly() throws {
        let directory = TestDirectory()
        let store = try makeStore(directory)
        directory.write("cache/simple-v0/idx/a.json")
        directory.write("cache/simple-v1/idx/a.json")
        directory.write("cache/simple-v7/idx/a.json")
        directory.write("cache/wheels-v0/x")
        directory.write("cache/unrelated/file")
        directory.write("cache/stray-file")

        // As if the current simple bucket were `simple-v1`: `simple-v0` is superseded; the
        // current version, a newer one (a newer suv), other buckets and foreign entries stay.
        let summary = try store.prune(ci: false) { $0 == .simple ? 1 : $0.version }

        #expect(summary.files == 1)
        #expect(summary.directories == 2)
        let listing = directory.listing()
        #expect(!listing.contains("cache/simple-v0"))
        #expect(listing.contains("cache/simple-v1/idx/a.json"))
        #expect(listing.contains("cache/simple-v7/idx/a.json"))
        #expect(listing.contains("cache/wheels-v0/x"))
        #expect(listing.contains("cache/unrelated/file"))
        #expect(listing.contains("cache/stray-file"))
    }

    @Test func currentVersionsAreNeverSuperseded() throws {
        let directory = TestDirectory()
        let store = try makeStore(directory)
        for bucket in CacheBucket.allCases where bucket.isKeyedByPackage {
            directory.write("cache/\(bucket.folderName)/idx/pkg.json")
        }
        #expect(try store.prune(ci: false).isEmpty)
    }

    @Test func removesLeftoversOfInterruptedWrites() throws {
        let directory = TestDirectory()
        let store = try makeStore(directory)
        directory.write("cache/\(AtomicFile.temporaryPrefix)top")
        directory.write("cache/simple-v0/idx/\(AtomicFile.temporaryPrefix)abc", "partial")
        directory.write("cache/simple-v0/idx/flask.json", "{}")
        directory.write("cache/archive-v0/\(AtomicFile.temporaryPrefix)unpacking/module.py")
        directory.write("cache/builds-v0/env/bin/python")
        directory.write("cache/environments-v0/run-123/pyvenv.cfg")

        let summary = try store.prune(ci: false)

        #expect(summary.files == 5)
        #expect(directory.listing() == [
            "cache", "cache/.gitignore", "cache/CACHEDIR.TAG", "cache/archive-v0", "cache/builds-v0",
            "cache/environments-v0", "cache/sdists-v0", "cache/sdists-v0/.git", "cache/sdists-v0/.gitignore",
            "cache/simple-v0", "cache/simple-v0/idx", "cache/simple-v0/idx/flask.json",
        ])
    }

    @Test func removesArchivesNoLinkPointsTo() throws {
        let directory = TestDirectory()
        let store = try makeStore(directory)
        let temporary = try store.temporaryArchiveDirectory()
        directory.write(String(temporary.dropFirst(directory.path.count + 1)) + "/module.py")
        let linked = try store.persistArchive(temporary, linkAt: store.shard(.wheels, "idx", "six", "six-1.0-py3-none-any"))
        directory.write("cache/archive-v0/orphan/module.py")

        let summary = try store.prune(ci: false)

        #expect(summary == RemovalSummary(files: 1, directories: 1, bytes: summary.bytes))
        #expect(FileManager.default.fileExists(atPath: linked + "/module.py"))
        #expect(!FileManager.default.fileExists(atPath: directory.at("cache/archive-v0/orphan")))
        let resolved = try #require(store.resolveArchive(store.shard(.wheels, "idx", "six", "six-1.0-py3-none-any")))
        #expect((resolved as NSString).lastPathComponent == (linked as NSString).lastPathComponent)
    }

    @Test func ciDropsDownloadedWheelsAndUnpackedArchivesButKeepsBuiltWheels() throws {
        let directory = TestDirectory()
        let store = try makeStore(directory)
        // A downloaded wheel and its unpacked archive.
        directory.write("cache/wheels-v0/idx/six/six-1.0-py3-none-any.whl")
        let temporary = try store.temporaryArchiveDirectory()
        directory.write(String(temporary.dropFirst(directory.path.count + 1)) + "/six.py")
        let downloaded = try store.persistArchive(temporary, linkAt: store.shard(.wheels, "idx", "six", "six-1.0-py3-none-any"))
        // A wheel built from an sdist, its metadata, its unpacked form and extracted sources.
        directory.write("cache/sdists-v0/idx/foo/1.0/foo-1.0-py3-none-any.whl")
        directory.write("cache/sdists-v0/idx/foo/1.0/metadata.json")
        directory.write("cache/sdists-v0/idx/foo/1.0/src/setup.py")
        let builtTemporary = try store.temporaryArchiveDirectory()
        directory.write(String(builtTemporary.dropFirst(directory.path.count + 1)) + "/foo.py")
        let built = try store.persistArchive(builtTemporary, linkAt: store.shard(.sdists, "idx", "foo", "1.0", "foo-1.0-py3-none-any"))

        let kept = try store.prune(ci: false)
        #expect(kept.isEmpty)

        _ = try store.prune(ci: true)

        let listing = directory.listing()
        #expect(!listing.contains { $0.hasPrefix("cache/wheels-v0/") })
        #expect(!FileManager.default.fileExists(atPath: downloaded))
        #expect(!FileManager.default.fileExists(atPath: built))
        #expect(listing.contains("cache/sdists-v0/idx/foo/1.0/foo-1.0-py3-none-any.whl"))
        #expect(listing.contains("cache/sdists-v0/idx/foo/1.0/metadata.json"))
        #expect(!listing.contains("cache/sdists-v0/idx/foo/1.0/src"))
    }
}
