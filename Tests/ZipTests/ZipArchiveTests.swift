import Foundation
import SuvBasics
import Testing
@testable import Zip

/// A source that records every read, to check how many range requests a remote read costs.
final class CountingSource: ZipByteSource, @unchecked Sendable {
    let base: ZipMemorySource
    private let lock = NSLock()
    private var _reads: [Range<UInt64>] = []

    init(_ bytes: [UInt8]) { base = ZipMemorySource(bytes) }

    var size: UInt64 { base.size }
    var reads: [Range<UInt64>] { lock.withLock { _reads } }

    func read(offset: UInt64, length: Int) async throws -> [UInt8] {
        lock.withLock { _reads.append(offset..<(offset + UInt64(length))) }
        return try await base.read(offset: offset, length: length)
    }
}

@Suite struct ZipArchiveTests {
    static let helloDeflated: [UInt8] = [0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x57, 0xC8, 0x40, 0x27, 0xB9, 0x00]
    static let hello = Array("hello hello hello hello\n".utf8)

    private func open(_ bytes: [UInt8]) async throws -> ZipArchive {
        try await ZipArchive(source: ZipMemorySource(bytes))
    }

    @Test func readsStoredAndDeflatedEntries() async throws {
        let bytes = ZipBuilder([
            .init(name: "pkg/__init__.py", data: Array("print('hi')\n".utf8)),
            .init(name: "pkg/data.txt", data: Self.hello, method: 8, compressed: Self.helloDeflated),
            .init(name: "pkg/big.bin", data: (0..<200_000).map { UInt8($0 % 251) }, method: 8),
            .init(name: "pkg/empty", data: [], method: 8),
            .init(name: "pkg/", data: [], unixMode: 0o040755),
        ]).build()
        let archive = try await open(bytes)
        #expect(archive.entries.map(\.name) == ["pkg/__init__.py", "pkg/data.txt", "pkg/big.bin", "pkg/empty", "pkg/"])
        #expect(try await archive.contents(ofEntryNamed: "pkg/__init__.py") == Array("print('hi')\n".utf8))
        let data = try #require(archive.entry(named: "pkg/data.txt"))
        #expect(data.compressionMethod == .deflated)
        #expect(data.compressedSize == 11 && data.uncompressedSize == 24)
        #expect(try await archive.contents(of: data) == Self.hello)
        #expect(try await archive.contents(ofEntryNamed: "pkg/big.bin") == (0..<200_000).map { UInt8($0 % 251) })
        #expect(try await archive.contents(ofEntryNamed: "pkg/empty") == [])
        #expect(archive.entry(named: "pkg/")?.isDirectory == true)
        #expect(archive.entry(named: "pkg/empty")?.isDirectory == false)
        #expect(archive.location.entryCount == 5 && !archive.location.isZip64 && archive.location.prefixLength == 0)
        await #expect(throws: ZipError.entryNotFound(name: "nope")) { try await archive.contents(ofEntryNamed: "nope") }
    }

    @Test func streamsInChunks() async throws {
        let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let bytes = ZipBuilder([.init(name: "a", data: payload, method: 8)]).build()
        let archive = try await ZipArchive(source: ZipMemorySource(bytes), readChunkSize: 4096)
        var chunks = 0
        var collected: [UInt8] = []
        try await archive.read(archive.entries[0]) { chunk in
            chunks += 1
            collected += chunk
        }
        #expect(collected == payload)
        #expect(chunks > 10)
    }

    @Test func reportsUnixModesAndSymlinks() async throws {
        let archive = try await open(ZipBuilder([
            .init(name: "bin/tool", data: [1], unixMode: 0o100755),
            .init(name: "link", data: Array("bin/tool".utf8), unixMode: 0o120777),
            .init(name: "dos.txt", data: [2], unixMode: nil),
            .init(name: "plain", data: [3]),
        ]).build())
        let modes = archive.entries.map(\.unixMode)
        #expect(modes == [0o100755, 0o120777, nil, 0o100644])
        #expect(archive.entries.map(\.isSymlink) == [false, true, false, false])
        #expect(archive.entries.map(\.isExecutable) == [true, true, false, false])
        #expect(try await archive.contents(of: archive.entries[1]) == Array("bin/tool".utf8))
    }

    @Test func decodesNamesAsUTF8OrCP437() async throws {
        let archive = try await open(ZipBuilder([
            .init(name: "utf8-é", data: [], flags: 0x0800),
            .init(name: "cp437", data: [], rawName: Array("caf".utf8) + [0x82, 0xE1]),
        ]).build())
        #expect(archive.entries.map(\.name) == ["utf8-é", "caféß"])
        #expect(ZipNameDecoding.cp437High.count == 128)
    }

    @Test func readsZip64Archives() async throws {
        let bytes = ZipBuilder([
            .init(name: "a.txt", data: Array("first".utf8)),
            .init(name: "b.txt", data: Self.hello, method: 8, compressed: Self.helloDeflated),
        ], zip64: true).build()
        let archive = try await open(bytes)
        #expect(archive.location.isZip64)
        #expect(archive.location.entryCount == 2)
        #expect(archive.entries[1].localHeaderOffset > 0)
        #expect(try await archive.contents(ofEntryNamed: "a.txt") == Array("first".utf8))
        #expect(try await archive.contents(ofEntryNamed: "b.txt") == Self.hello)
    }

    @Test(arguments: [false, true])
    func toleratesPrependedDataAndComments(zip64: Bool) async throws {
        let prefix = Array("#!/bin/sh\nexec python3 \"$0\"\n".utf8)
        let comment = Array("a comment with PK\u{05}\u{06} inside".utf8)
        let bytes = ZipBuilder([.init(name: "__main__.py", data: Array("print(1)\n".utf8))], prefix: prefix, comment: comment, zip64: zip64).build()
        let archive = try await open(bytes)
        #expect(archive.location.prefixLength == UInt64(prefix.count))
        #expect(archive.entries[0].localHeaderOffset == UInt64(prefix.count))
        #expect(try await archive.contents(of: archive.entries[0]) == Array("print(1)\n".utf8))
    }

    @Test func readsAnEmptyArchive() async throws {
        let archive = try await open(ZipBuilder([]).build())
        #expect(archive.entries.isEmpty)
    }

    @Test func localExtraFieldsMayDifferFromTheCentralOnes() async throws {
        let archive = try await open(ZipBuilder([
            .init(name: "x", data: Array("data".utf8), localExtra: [0x55, 0x54, 0x05, 0x00, 1, 2, 3, 4, 5] + [UInt8](repeating: 0, count: 300)),
        ]).build())
        #expect(try await archive.contents(of: archive.entries[0]) == Array("data".utf8))
    }

    @Test func readsLocalFiles() async throws {
        let bytes = ZipBuilder([.init(name: "f", data: Self.hello, method: 8)]).build()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suv-zip-\(UUID().uuidString).zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try ZipFileSource(path: path)
        #expect(source.size == UInt64(bytes.count))
        let archive = try await ZipArchive(source: source)
        #expect(try await archive.contents(of: archive.entries[0]) == Self.hello)
        #expect(throws: ZipFileSourceError.self) { try ZipFileSource(path: path + ".missing") }
        await #expect(throws: ZipFileSourceError.self) { try await source.read(offset: source.size - 1, length: 2) }
    }

    @Test func pythonAcceptsTheBuilderOutput() throws {
        let bytes = ZipBuilder([
            .init(name: "a", data: Self.hello, method: 8), .init(name: "b", data: [1, 2, 3]),
        ], prefix: [9, 9], zip64: true).build()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suv-zip-\(UUID().uuidString).zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(z.testzip() is not None)", path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
