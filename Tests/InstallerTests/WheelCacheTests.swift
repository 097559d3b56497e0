import Foundation
import Cache
import Hashing
@testable import Installer
import SuvTestSupport
import Testing

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
}
