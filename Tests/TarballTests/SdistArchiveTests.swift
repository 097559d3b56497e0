import Foundation
import SuvTestSupport
import Testing
import Tarball

@Suite struct SdistArchiveTests {
    let pkgInfo = ArchiveFixtures.pkgInfo()

    @Test(arguments: ["foo-1.0.tar.gz", "foo-1.0.tgz", "foo-1.0.tar", "FOO-1.0.TAR.GZ"])
    func readsPKGINFOOfANormalSdist(archive: String) throws {
        let tree = try TemporaryTree()
        let path = try ArchiveFixtures.archive(
            tree, archive,
            files: ["foo-1.0/src/foo/PKG-INFO": "nested\n", "foo-1.0/PKG-INFO": pkgInfo, "foo-1.0/setup.py": "print()\n"],
            members: ["foo-1.0", "foo-1.0/src", "foo-1.0/src/foo", "foo-1.0/src/foo/PKG-INFO", "foo-1.0/setup.py", "foo-1.0/PKG-INFO"],
            options: "--format=ustar"
        )
        #expect(try SdistArchive.pkgInfo(atPath: path) == Array(pkgInfo.utf8))
        #expect(try SdistArchive.member(named: "foo-1.0/setup.py", inArchiveAtPath: path) == Array("print()\n".utf8))
        #expect(try SdistArchive.member(named: "./foo-1.0//src/foo/PKG-INFO", inArchiveAtPath: path) == Array("nested\n".utf8))
    }

    @Test func acceptsALeadingDotSlash() throws {
        let tree = try TemporaryTree()
        try tree.write("src/foo-1.0/PKG-INFO", pkgInfo)
        try tree.write("src/foo-1.0/README", "read me\n")
        try ArchiveFixtures.shell("tar -C src -czf foo-1.0.tar.gz .", in: tree.path)
        let path = tree.path("foo-1.0.tar.gz")
        #expect(try SdistArchive.pkgInfo(atPath: path) == Array(pkgInfo.utf8))
        #expect(try SdistArchive.member(named: "foo-1.0/README", inArchiveAtPath: path) == Array("read me\n".utf8))
    }

    /// GNU `L` records and pax `path` records for names over 100 bytes (the top-level directory
    /// itself is longer than 100 bytes), and ustar's `prefix` field (up to 255 bytes).
    @Test(arguments: [("--format=gnu", 110), ("--format=pax", 110), ("--format=ustar", 60)])
    func readsLongNames(options: String, topLength: Int) throws {
        let tree = try TemporaryTree()
        let top = "foo-" + String(repeating: "x", count: topLength) + "-1.0"
        let deep = top + "/" + String(repeating: "d", count: 80) + "/" + String(repeating: "f", count: 50) + ".txt"
        #expect(deep.utf8.count > 200 && deep.utf8.count <= 255)
        let path = try ArchiveFixtures.archive(
            tree, "foo-1.0.tar.gz", files: [top + "/PKG-INFO": pkgInfo, deep: "deep\n"],
            members: [top, deep, top + "/PKG-INFO"], options: options
        )
        #expect(try SdistArchive.pkgInfo(atPath: path) == Array(pkgInfo.utf8))
        #expect(try SdistArchive.member(named: deep, inArchiveAtPath: path) == Array("deep\n".utf8))
    }

    @Test func reportsAMissingPKGINFO() throws {
        let tree = try TemporaryTree()
        let path = try ArchiveFixtures.archive(
            tree, "foo-1.0.tar.gz",
            files: ["foo-1.0/setup.py": "print()\n", "foo-1.0/src/foo/PKG-INFO": "nested\n"],
            members: ["foo-1.0/setup.py", "foo-1.0/src/foo/PKG-INFO"]
        )
        let error = #expect(throws: TarballError.self) { try SdistArchive.pkgInfo(atPath: path) }
        #expect(error == .memberMissing(archive: "foo-1.0.tar.gz", member: "PKG-INFO"))
        #expect(error?.message == "The source distribution `foo-1.0.tar.gz` has no `PKG-INFO` file")
        #expect(throws: TarballError.memberMissing(archive: "foo-1.0.tar.gz", member: "foo-1.0/nope")) {
            try SdistArchive.member(named: "./foo-1.0/nope", inArchiveAtPath: path)
        }
    }

    @Test func refusesSeveralTopLevelDirectories() throws {
        let tree = try TemporaryTree()
        let path = try ArchiveFixtures.archive(
            tree, "foo-1.0.tar.gz", files: ["foo-1.0/setup.py": "", "bar-1.0/PKG-INFO": pkgInfo],
            members: ["foo-1.0/setup.py", "bar-1.0/PKG-INFO"]
        )
        #expect(throws: TarballError.notSingleTopLevelDirectory(archive: "foo-1.0.tar.gz", entries: ["foo-1.0", "bar-1.0"])) {
            try SdistArchive.pkgInfo(atPath: path)
        }
    }

    @Test func refusesAPKGINFOThatIsNotAFile() throws {
        let tree = try TemporaryTree()
        try tree.makeDirectory("src/foo-1.0/PKG-INFO")
        let path = try ArchiveFixtures.archive(tree, "foo-1.0.tar", files: [:], members: ["foo-1.0", "foo-1.0/PKG-INFO"])
        #expect(throws: TarballError.notARegularFile(archive: "foo-1.0.tar", member: "foo-1.0/PKG-INFO")) {
            try SdistArchive.pkgInfo(atPath: path)
        }
    }

    @Test func reportsTruncatedArchives() throws {
        let tree = try TemporaryTree()
        let big = String((0..<40_000).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement() ?? "a" })
        try ArchiveFixtures.archive(
            tree, "full.tar", files: ["foo-1.0/big.txt": big, "foo-1.0/PKG-INFO": pkgInfo],
            members: ["foo-1.0/big.txt", "foo-1.0/PKG-INFO"]
        )
        let bytes = try #require(tree.read("full.tar"))
        // Cut in the middle of big.txt's data.
        let plain = try tree.write("foo-1.0.tar", bytes: Array(bytes.prefix(512 + 20_000)))
        #expect(throws: TarballError.truncated(archive: "foo-1.0.tar", what: "the data of `foo-1.0/big.txt`")) {
            try SdistArchive.pkgInfo(atPath: plain)
        }
        // Cut in the middle of a header.
        let header = try tree.write("foo-1.0.tar", bytes: Array(bytes.prefix(100)))
        #expect(throws: TarballError.truncated(archive: "foo-1.0.tar", what: "the tar header at offset 0")) {
            try SdistArchive.pkgInfo(atPath: header)
        }
        let empty = try tree.write("empty-1.0.tar", bytes: [])
        #expect(throws: TarballError.truncated(archive: "empty-1.0.tar", what: "the first tar header")) {
            try SdistArchive.pkgInfo(atPath: empty)
        }
        // The same archive compressed, cut in half.
        try ArchiveFixtures.shell("gzip -n -c full.tar > full.tar.gz", in: tree.path)
        let compressed = try #require(tree.read("full.tar.gz"))
        let gz = try tree.write("foo-1.0.tar.gz", bytes: Array(compressed.prefix(compressed.count / 2)))
        let error = #expect(throws: TarballError.truncated(archive: "foo-1.0.tar.gz", what: "the gzip stream")) {
            try SdistArchive.pkgInfo(atPath: gz)
        }
        #expect(error?.message == "The archive `foo-1.0.tar.gz` is truncated: the gzip stream is incomplete")
    }

    @Test func reportsCorruptGzip() throws {
        let tree = try TemporaryTree()
        try ArchiveFixtures.archive(tree, "good.tar.gz", files: ["foo-1.0/PKG-INFO": pkgInfo], members: ["foo-1.0/PKG-INFO"])
        var bytes = try #require(tree.read("good.tar.gz"))
        bytes[0] = 0x50  // not the gzip magic
        let path = try tree.write("foo-1.0.tar.gz", bytes: bytes)
        let error = #expect(throws: TarballError.self) { try SdistArchive.pkgInfo(atPath: path) }
        #expect(error == .corruptGzip(archive: "foo-1.0.tar.gz", reason: "incorrect header check"))
        #expect(error?.message == "The archive `foo-1.0.tar.gz` is not a valid gzip stream: incorrect header check")
        // A plain tar named like a compressed one.
        try ArchiveFixtures.archive(tree, "plain.tar", files: [:], members: ["foo-1.0/PKG-INFO"])
        let plain = try tree.write("plain-1.0.tgz", bytes: try #require(tree.read("plain.tar")))
        #expect(throws: TarballError.corruptGzip(archive: "plain-1.0.tgz", reason: "incorrect header check")) {
            try SdistArchive.pkgInfo(atPath: plain)
        }
    }

    @Test func reportsABadHeaderChecksum() throws {
        let tree = try TemporaryTree()
        try ArchiveFixtures.archive(tree, "good.tar", files: ["foo-1.0/PKG-INFO": pkgInfo], members: ["foo-1.0/PKG-INFO"])
        var bytes = try #require(tree.read("good.tar"))
        bytes[0] = UInt8(ascii: "g")  // "foo-1.0/PKG-INFO" becomes "goo-1.0/PKG-INFO"
        let path = try tree.write("foo-1.0.tar", bytes: bytes)
        let error = #expect(throws: TarballError.self) { try SdistArchive.pkgInfo(atPath: path) }
        guard case .badChecksum(let archive, let offset, let recorded, let computed) = error else {
            Issue.record("expected a checksum error, got \(String(describing: error))")
            return
        }
        #expect(archive == "foo-1.0.tar" && offset == 0 && computed == recorded + 1)
        #expect(error?.message.hasPrefix("The archive `foo-1.0.tar` has a corrupt tar header at offset 0: checksum") == true)
    }

    @Test func readsMultiMemberGzip() throws {
        let tree = try TemporaryTree()
        try ArchiveFixtures.archive(
            tree, "full.tar", files: ["foo-1.0/setup.py": String(repeating: "x = 1\n", count: 300), "foo-1.0/PKG-INFO": pkgInfo],
            members: ["foo-1.0/setup.py", "foo-1.0/PKG-INFO"]
        )
        let bytes = try #require(tree.read("full.tar"))
        try tree.write("one", bytes: Array(bytes.prefix(700)))
        try tree.write("two", bytes: Array(bytes.dropFirst(700).prefix(1000)))
        try tree.write("three", bytes: Array(bytes.dropFirst(1700)))
        try ArchiveFixtures.shell("gzip -n -c one > foo-1.0.tar.gz && gzip -n -c two >> foo-1.0.tar.gz && gzip -n -c three >> foo-1.0.tar.gz", in: tree.path)
        #expect(try SdistArchive.pkgInfo(atPath: tree.path("foo-1.0.tar.gz")) == Array(pkgInfo.utf8))
    }

    @Test func refusesDecompressionBombs() throws {
        let tree = try TemporaryTree()
        try tree.makeDirectory("src/foo-1.0")
        try ArchiveFixtures.shell("head -c 3000000 /dev/zero > src/foo-1.0/zeros", in: tree.path)
        let path = try ArchiveFixtures.archive(
            tree, "foo-1.0.tar.gz", files: ["foo-1.0/PKG-INFO": pkgInfo], members: ["foo-1.0/zeros", "foo-1.0/PKG-INFO"]
        )
        let error = #expect(throws: TarballError.tooLarge(archive: "foo-1.0.tar.gz", limit: 1 << 20)) {
            try SdistArchive.pkgInfo(atPath: path, sizeLimit: 1 << 20)
        }
        #expect(error?.message == "The archive `foo-1.0.tar.gz` expands to more than 1048576 bytes: refusing a possible decompression bomb")
        #expect(try SdistArchive.pkgInfo(atPath: path, sizeLimit: 4 << 20) == Array(pkgInfo.utf8))
        // A member larger than the limit is refused before it is read, compressed or not.
        #expect(throws: TarballError.memberTooLarge(archive: "foo-1.0.tar.gz", member: "foo-1.0/zeros", size: 3_000_000, limit: 2_000_000)) {
            try SdistArchive.member(named: "foo-1.0/zeros", inArchiveAtPath: path, sizeLimit: 2_000_000)
        }
        let plain = try ArchiveFixtures.archive(tree, "foo-1.0.tar", files: [:], members: ["foo-1.0/zeros"])
        #expect(throws: TarballError.memberTooLarge(archive: "foo-1.0.tar", member: "foo-1.0/zeros", size: 3_000_000, limit: 1000)) {
            try SdistArchive.member(named: "foo-1.0/zeros", inArchiveAtPath: plain, sizeLimit: 1000)
        }
    }

    @Test func reportsUnreadableAndUnsupportedFiles() throws {
        let tree = try TemporaryTree()
        let missing = tree.path("nope-1.0.tar.gz")
        let error = #expect(throws: TarballError.unreadable(path: missing, errno: ENOENT)) {
            try SdistArchive.pkgInfo(atPath: missing)
        }
        #expect(error?.message == "Failed to read `\(missing)`: No such file or directory")
        #expect(throws: TarballError.unsupportedFormat(archive: "foo-1.0.zip")) {
            try SdistArchive.pkgInfo(atPath: tree.path("foo-1.0.zip"))
        }
    }

    @Test func readsARealSdist() throws {
        let path = RepositoryPaths.shared.appendingPathComponent("packse/index/files/all_extras_required_a-1.0.0.tar.gz").path
        let bytes = try SdistArchive.pkgInfo(atPath: path)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("Metadata-Version: 2.3"))
        #expect(text.contains("\nName: all-extras-required-a") || text.contains("\nName: all_extras_required_a"))
    }

    @Test func readsEveryPackseSdist() throws {
        let files = RepositoryPaths.shared.appendingPathComponent("packse/index/files")
        let sdists = try FileManager.default.contentsOfDirectory(atPath: files.path).filter { $0.hasSuffix(".tar.gz") }.sorted()
        #expect(sdists.count > 400)
        for sdist in sdists {
            let text = String(decoding: try SdistArchive.pkgInfo(atPath: files.appendingPathComponent(sdist).path), as: UTF8.self)
            #expect(text.hasPrefix("Metadata-Version: "), "\(sdist)")
            #expect(text.contains("\nName: "), "\(sdist)")
        }
    }
}
