import Foundation
import Cache
import Hashing
@testable import Installer
import SuvTestSupport
import Testing
import Zip

@Suite struct WheelCacheTests {
    @Test func unpacksOnceAndFindsItAgain() async throws {
        let tree = try TemporaryTree(prefix: "suv-wheel-cache")
        let cache = WheelCache(store: CacheStore(root: tree.path("cache")))
        let path = try InstallerWheels.path("omega-1.0-py3-none-any.whl")
        let first = try await cache.unpack(wheelPath: path)
        let second = try await cache.unpack(wheelPath: path, hash: first.hash)
        #expect(first == second)
        #expect(first.path.hasPrefix(tree.path("cache") + "/archive-v0/"))
        #expect(FileManager.default.fileExists(atPath: first.path + "/omega-1.0.data/scripts/omega-py"))
        let mode = try FileManager.default.attributesOfItem(atPath: first.path + "/omega-1.0.data/scripts/omega-py")[.posixPermissions] as? Int
        #expect(mode == 0o755)
        #expect(cache.cached(filename: first.filename, hash: first.hash) == first)
    }

    @Test func concurrentUnpackersShareOneFolder() async throws {
        let tree = try TemporaryTree(prefix: "suv-wheel-cache")
        let path = try InstallerWheels.path("omega-2.0-py3-none-any.whl")
        let results = try await withThrowingTaskGroup(of: UnpackedWheel.self) { group in
            for _ in 0..<6 {
                // Separate values, as separate processes would have.
                group.addTask { try await WheelCache(store: CacheStore(root: tree.path("cache"))).unpack(wheelPath: path) }
            }
            return try await group.reduce(into: [UnpackedWheel]()) { $0.append($1) }
        }
        #expect(Set(results.map(\.path)).count == 1)
        let archives = try FileManager.default.contentsOfDirectory(atPath: tree.path("cache/archive-v0"))
        #expect(archives.count == 1)
    }

    @Test func aWrongExpectedHashIsRefused() async throws {
        let tree = try TemporaryTree(prefix: "suv-wheel-cache")
        let cache = WheelCache(store: CacheStore(root: tree.path("cache")))
        let path = try InstallerWheels.path("omega-1.0-py3-none-any.whl")
        let error = await #expect(throws: (any Error).self) {
            _ = try await cache.unpack(wheelPath: path, hash: SHA256.hash(utf8: "not the wheel"))
        }
        #expect(chain(try #require(error)).contains("Hash mismatch for `omega-1.0-py3-none-any.whl`"))
    }

    @Test(arguments: [
        ("zipslip-1.0-py3-none-any.whl",
         "The wheel `zipslip-1.0-py3-none-any.whl` contains an unsafe path `../zipslip_escape.py`: it escapes the extraction directory through `..`"),
        ("abspath-1.0-py3-none-any.whl",
         "The wheel `abspath-1.0-py3-none-any.whl` contains an unsafe path `/tmp/abspath_escape.py`: it is an absolute path"),
        ("symlink-1.0-py3-none-any.whl",
         "The wheel `symlink-1.0-py3-none-any.whl` contains a symbolic link `symlink/passwd` that points outside the wheel (`../../../../../etc/passwd`)"),
        ("liar-1.0-py3-none-any.whl",
         "The wheel `liar-1.0-py3-none-any.whl` has a RECORD that does not match its contents: `liar/__init__.py` has the hash `sha256=LYEZcx_1Bp_fTyE69dc9oPaApJ0Bhowqs78igqRzk2g`, but RECORD gives `sha256=4YKvXLCyAqIpkx1KPI7zP4XsT7CTBBE5thjhweCMcoc`"),
    ])
    func hostileWheelsAreRefused(wheel: String, expected: String) async throws {
        let tree = try TemporaryTree(prefix: "suv-hostile")
        let cache = WheelCache(store: CacheStore(root: tree.path("cache")))
        let error = await #expect(throws: (any Error).self) {
            _ = try await cache.unpack(wheelPath: try InstallerWheels.path(wheel))
        }
        let text = chain(try #require(error))
        #expect(text.hasPrefix("Failed to unpack wheel: \(wheel)\n"))
        #expect(text.contains(expected), "\(text)")
        // Nothing was written: no archive, no leftover temporary folder, nothing beside the cache.
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: tree.path("cache/archive-v0"))) ?? []).isEmpty)
        #expect(tree.list().sorted() == ["cache"])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/abspath_escape.py"))
        #expect(!FileManager.default.fileExists(atPath: tree.path("cache/zipslip_escape.py")))
    }

    @Test func symlinksInsideTheWheelAreKeptAndChecked() {
        let links: Set<String> = ["pkg/link", "pkg/up"]
        #expect(WheelExtractor.traversedLink("pkg/link/file", links: links, includingLast: false) == "pkg/link")
        #expect(WheelExtractor.traversedLink("pkg/link", links: links, includingLast: false) == nil)
        #expect(WheelExtractor.traversedLink("pkg/link", links: links, includingLast: true) == "pkg/link")
    }

    /// A wheel over the parallel threshold unpacks in two halves; every file must come out
    /// whole, RECORD-checked, with no folder made twice.
    @Test(TestEnvironment.available) func aLargeWheelUnpacksInTwoHalvesIntact() async throws {
        let tree = try TemporaryTree(prefix: "suv-wheel-large")
        let python = try #require(TestEnvironment.python312)
        let script = #"""
            import base64, hashlib, os, random, sys, zipfile
            out = sys.argv[1]
            rng = random.Random(7)
            files = {}
            for package in ["alpha", "beta", "gamma"]:
                for index in range(60):
                    files[f"big/{package}/sub{index % 4}/m{index}.bin"] = rng.randbytes(rng.randint(1, 24000))
            files["big-1.0.dist-info/METADATA"] = b"Metadata-Version: 2.1\nName: big\nVersion: 1.0\n"
            files["big-1.0.dist-info/WHEEL"] = b"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
            record = []
            for name, data in files.items():
                digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                record.append(f"{name},sha256={digest},{len(data)}")
            record.append("big-1.0.dist-info/RECORD,,")
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as wheel:
                for name, data in files.items():
                    wheel.writestr(name, data)
                wheel.writestr("big-1.0.dist-info/RECORD", "\n".join(record) + "\n")
            """#
        let wheel = tree.path("big-1.0-py3-none-any.whl")
        let made = try run(python, ["-c", script, wheel])
        try #require(made.status == 0, "\(made.stderr)")
        let archive = try await Zip.ZipArchive(source: Zip.ZipFileSource(path: wheel))
        let files = archive.entries.filter { !$0.isDirectory }.map { ($0, $0.name) }
        let batches = WheelExtractor.batches(files.map { (entry: $0.0, path: $0.1) })
        #expect(batches.count == 2)
        #expect(batches.allSatisfy { !$0.isEmpty })
        #expect(batches.map(\.count).reduce(0, +) == files.count)
        // Consecutive runs: every path of the first half sorts before every path of the second.
        if let lastOfFirst = batches.first?.last?.path, let firstOfSecond = batches.last?.first?.path {
            #expect(lastOfFirst.utf8.lexicographicallyPrecedes(firstOfSecond.utf8))
        }
        let unpacked = try await WheelCache(store: CacheStore(root: tree.path("cache"))).unpack(wheelPath: wheel)
        for entry in archive.entries where !entry.isDirectory {
            let expected = try await archive.contents(of: entry)
            let actual = try #require(FileManager.default.contents(atPath: unpacked.path + "/" + entry.name))
            #expect(Array(actual) == expected, "\(entry.name)")
        }
    }
}
