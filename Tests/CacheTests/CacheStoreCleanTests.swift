import Cache
import Foundation
import SuvBasics
import Testing

@Suite struct CacheStoreCleanTests {
    @Test func clearRemovesEverythingButTheLockAndCountsLikeUv() throws {
        let directory = TestDirectory()
        let store = CacheStore(root: directory.at("cache"))
        try store.initialize()
        let lock = try #require(try store.tryLockExclusive())
        defer { lock.release() }
        directory.write("cache/simple-v0/idx/flask.json", "{}")
        directory.makeDirectory("cache/builds-v0/a/b")
        let files = ["CACHEDIR.TAG", ".gitignore", "sdists-v0/.gitignore", "sdists-v0/.git", "simple-v0/idx/flask.json"]
        let bytes = files.map { allocatedBytes(directory.at("cache/" + $0)) }.reduce(0, +)

        let summary = try store.clear()

        #expect(summary == RemovalSummary(files: 5, directories: 6, bytes: bytes))
        #expect(directory.listing() == ["cache", "cache/.lock"])
    }

    @Test func clearOfAnEmptyCacheFindsNothing() throws {
        let directory = TestDirectory()
        directory.makeDirectory("cache")
        let store = CacheStore(root: directory.at("cache"))
        let lock = try #require(try store.tryLockExclusive())
        defer { lock.release() }
        #expect(try store.clear().isEmpty)
    }

    @Test func hardLinkedFilesFreeNothing() throws {
        let directory = TestDirectory()
        let file = directory.write("cache/wheels-v0/idx/six/six.py", String(repeating: "x", count: 10_000))
        try FileManager.default.linkItem(atPath: file, toPath: directory.at("venv-six.py"))
        let summary = try CacheStore(root: directory.at("cache")).clear()
        #expect(summary.files == 1)
        #expect(summary.bytes == 0)
    }

    @Test func symbolicLinksAreRemovedNotFollowed() throws {
        let directory = TestDirectory()
        directory.write("outside/keep", "k")
        directory.makeDirectory("cache/wheels-v0")
        try FileManager.default.createSymbolicLink(atPath: directory.at("cache/wheels-v0/link"), withDestinationPath: directory.at("outside"))
        let summary = try CacheStore(root: directory.at("cache")).clear()
        #expect(summary.files == 1)
        #expect(readText(directory.at("outside/keep")) == "k")
    }

    @Test func readOnlyTreesAreRemovedToo() throws {
        let directory = TestDirectory()
        directory.write("cache/archive-v0/abc/pkg/module.py")
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory.at("cache/archive-v0/abc/pkg"))
        _ = try CacheStore(root: directory.at("cache")).clear()
        #expect(directory.listing() == ["cache"])
    }

    @Test func removesOnlyTheNamedPackagesEntries() throws {
        let directory = TestDirectory()
        let store = CacheStore(root: directory.at("cache"))
        try store.initialize()
        let pypi = IndexID(url: "https://mirror.example/simple")
        let other = IndexID(url: "https://example.org/simple")
        let flask = PackageName("Flask")
        let flaskLogin = PackageName("flask-login")
        for index in [pypi, other] {
            let page = HTTPCacheEntry(payload: store.packageFile(.simple, index: index, name: flask, extension: "json"))
            try AtomicFile.write("{}", to: page.payload)
            try AtomicFile.write("{}", to: page.record)
            try AtomicFile.write("{}", to: store.packageFile(.simple, index: index, name: flaskLogin, extension: "json"))
        }
        try AtomicFile.write("w", to: store.package(.wheels, index: pypi, name: flask) + "/flask-3.0.0-py3-none-any.whl")
        try AtomicFile.write("w", to: store.package(.wheels, index: pypi, name: flaskLogin) + "/flask_login-0.6-py3-none-any.whl")

        let summary = try store.remove(packages: [PackageName("FLASK")])

        #expect(summary.files == 5)
        #expect(summary.directories == 1)
        let remaining = directory.listing().filter { $0.hasSuffix(".json") || $0.hasSuffix(".whl") }
        #expect(remaining.allSatisfy { $0.contains("flask-login") || $0.contains("flask_login") })
        #expect(remaining.count == 3)
    }

    @Test func removingAPackageDropsArchivesOnlyItReferenced() throws {
        let directory = TestDirectory()
        let store = CacheStore(root: directory.at("cache"))
        try store.initialize()
        let pypi = IndexID(url: "https://mirror.example/simple")
        func unpack(_ name: String) throws -> String {
            let temporary = try store.temporaryArchiveDirectory()
            try Data("code".utf8).write(to: URL(fileURLWithPath: temporary + "/module.py"))
            return try store.persistArchive(temporary, linkAt: store.package(.wheels, index: pypi, name: PackageName(name)) + "/\(name)-1.0-py3-none-any")
        }
        let flaskArchive = try unpack("flask")
        let sixArchive = try unpack("six")

        let summary = try store.remove(packages: [PackageName("flask")])

        #expect(!FileManager.default.fileExists(atPath: flaskArchive))
        #expect(FileManager.default.fileExists(atPath: sixArchive + "/module.py"))
        #expect(summary.files == 2) // the link and module.py
        #expect(summary.directories == 2) // wheels-v0/<index>/flask and the archive
    }

    @Test func unknownPackagesRemoveNothing() throws {
        let directory = TestDirectory()
        let store = CacheStore(root: directory.at("cache"))
        try store.initialize()
        #expect(try store.remove(packages: [PackageName("nothing-here")]).isEmpty)
    }
}
