import SuvBasics
import Testing
@testable import Zip

@Suite struct ZipErrorTests {
    private func open(_ bytes: [UInt8]) async throws -> ZipArchive {
        try await ZipArchive(source: ZipMemorySource(bytes))
    }

    private func firstEntryError(_ entry: ZipBuilder.Entry, limits: ZipLimits = .default) async -> (any Error)? {
        do {
            let archive = try await open(ZipBuilder([entry]).build())
            _ = try await archive.contents(of: archive.entries[0], limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func rejectsWhatIsNotAZip() async {
        await #expect(throws: ZipError.notAZipFile) { try await open(Array("hello, this is not a zip file at all".utf8)) }
        await #expect(throws: ZipError.notAZipFile) { try await open([]) }
        await #expect(throws: ZipError.notAZipFile) { try await open([UInt8](repeating: 0, count: 100_000)) }
    }

    @Test func rejectsTruncatedArchives() async throws {
        let bytes = ZipBuilder([.init(name: "a", data: [UInt8](repeating: 7, count: 1000))]).build()
        // Cut out the middle: the end record now points before the start of the file.
        let cut = Array(bytes[0..<100]) + Array(bytes[(bytes.count - 80)...])
        await #expect(throws: ZipError.self) { try await open(cut) }
        var broken = bytes
        let directoryStart = broken.count - 22 - 46 - 1
        broken[directoryStart] = 0
        await #expect(throws: ZipError.invalidArchive(reason: "bad central directory header signature")) { try await open(broken) }
    }

    @Test func rejectsCRCAndSizeMismatches() async {
        let data = Array("payload".utf8)
        let crcError = await firstEntryError(.init(name: "a", data: data, crc: 0xDEAD_BEEF))
        #expect(crcError as? ZipError == .crcMismatch(entry: "a", expected: 0xDEAD_BEEF, computed: CRC32.checksum(data)))
        #expect((crcError as? ZipError)?.message == "Bad CRC (got 422c6a15, expected deadbeef) for file: a")
        // A deflate stream that inflates to more than the recorded size stops at once.
        let longer = await firstEntryError(.init(name: "b", data: data, method: 8, uncompressedSize: 3))
        #expect(longer as? ZipError == .sizeMismatch(entry: "b", expected: 3, actual: 7))
        let shorter = await firstEntryError(.init(name: "c", data: data, method: 8, uncompressedSize: 9))
        #expect(shorter as? ZipError == .sizeMismatch(entry: "c", expected: 9, actual: 7))
        let stored = await firstEntryError(.init(name: "d", data: data, uncompressedSize: 9))
        #expect(stored as? ZipError == .sizeMismatch(entry: "d", expected: 9, actual: 7))
    }

    @Test func rejectsUnsupportedAndEncryptedEntries() async {
        let bzip2 = await firstEntryError(.init(name: "a", data: [1, 2], method: 12))
        #expect(bzip2 as? ZipError == .unsupportedCompressionMethod(entry: "a", method: 12))
        let encrypted = await firstEntryError(.init(name: "b", data: [1, 2], flags: 1))
        #expect(encrypted as? ZipError == .encryptedEntry(entry: "b"))
    }

    @Test func rejectsCorruptDeflateData() async {
        let error = await firstEntryError(.init(name: "a", data: [1], method: 8, compressed: [0xFF, 0xFF, 0xFF]))
        guard case .corruptData(let entry, _) = error as? ZipError else {
            Issue.record("expected corrupt data, got \(String(describing: error))")
            return
        }
        #expect(entry == "a")
        let early = await firstEntryError(.init(name: "b", data: ZipArchiveTests.hello, method: 8, compressed: Array(ZipArchiveTests.helloDeflated.prefix(5))))
        #expect(early as? ZipError == .corruptData(entry: "b", reason: "the deflate stream ends early"))
    }

    @Test func acceptsAnEmptyDeflatedEntryWithoutAStream() async {
        #expect(await firstEntryError(.init(name: "empty", data: [], method: 8, compressed: [])) == nil)
    }

    @Test func memorySourcesRejectOutOfRangeReads() async throws {
        let source = ZipMemorySource([1, 2, 3])
        await #expect(throws: ZipError.self) { try await source.read(offset: 2, length: 2) }
        await #expect(throws: ZipError.self) { try await source.read(offset: 0, length: -1) }
        #expect(try await source.read(offset: 1, length: 2) == [2, 3])
    }

    @Test func rejectsLocalHeaderMismatches() async {
        let error = await firstEntryError(.init(name: "a.txt", data: [1], localName: "b.txt"))
        #expect(error as? ZipError == .localHeaderMismatch(entry: "a.txt", reason: "the file name differs"))
    }

    @Test func rejectsOverlappingEntries() async {
        let bytes = ZipBuilder([
            .init(name: "first", data: [UInt8](repeating: 1, count: 100)),
            .init(name: "second", data: [UInt8](repeating: 2, count: 100), offsetOverride: 0),
        ]).build()
        await #expect(throws: ZipError.self) { try await open(bytes) }
    }

    @Test func enforcesLimits() async {
        let zeros: [UInt8] = [0x63, 0x60, 0x18, 0x05, 0xA3, 0x60, 0x14, 0x0C, 0x77, 0x00, 0x00]
        let entry = ZipBuilder.Entry(name: "zeros", data: [UInt8](repeating: 0, count: 1000), method: 8, compressed: zeros)
        #expect(await firstEntryError(entry) == nil)
        let ratio = await firstEntryError(entry, limits: ZipLimits(maxEntrySize: 1 << 30, maxCompressionRatio: 50, ratioCheckThreshold: 100))
        #expect(ratio as? ZipError == .compressionRatioTooHigh(entry: "zeros", compressedSize: 11, uncompressedSize: 1000, limit: 50))
        let size = await firstEntryError(entry, limits: ZipLimits(maxEntrySize: 999, maxCompressionRatio: 50, ratioCheckThreshold: 1 << 20))
        #expect(size as? ZipError == .entryTooLarge(entry: "zeros", size: 1000, limit: 999))
    }

    /// Entries each within the per-entry limits can still add up to too much: the total is
    /// checked over the whole central directory (and does not overflow).
    @Test func enforcesTheTotalSize() async throws {
        let bytes = ZipBuilder((0..<4).map { .init(name: "part\($0)", data: [UInt8](repeating: 7, count: 300)) }).build()
        let archive = try await open(bytes)
        let limits = ZipLimits(maxEntrySize: 1 << 30, maxCompressionRatio: 200, ratioCheckThreshold: 1 << 20, maxTotalSize: 1000)
        #expect(throws: ZipError.archiveTooLarge(size: 1200, limit: 1000)) { try limits.checkTotal(archive.entries) }
        #expect(throws: Never.self) { try ZipLimits.default.checkTotal(archive.entries) }
        #expect(ZipError.archiveTooLarge(size: 1200, limit: 1000).message.contains("refusing a possible zip bomb"))
    }

    @Test(arguments: [
        ("pkg/module.py", nil), ("a/../b", nil), ("./a", nil), ("pkg/", nil), ("a..b/c", nil),
        ("../evil", ZipPathProblem.parentTraversal), ("a/../../evil", .parentTraversal), ("a\\..\\..\\evil", .parentTraversal),
        ("/etc/passwd", .absolute), ("\\windows", .absolute), ("C:/x", .absolute), ("c:evil", .absolute),
        ("", .empty), ("a\u{0}b", .nulByte),
    ] as [(String, ZipPathProblem?)])
    func classifiesPaths(name: String, problem: ZipPathProblem?) {
        #expect(ZipPathProblem.check(name) == problem)
    }

    @Test func reportsUnsafeNamesWithoutRefusingToRead() async throws {
        let archive = try await open(ZipBuilder([
            .init(name: "ok.txt", data: [1]), .init(name: "../../escape.txt", data: [2]),
        ]).build())
        #expect(archive.entries.map(\.pathProblem) == [nil, .parentTraversal])
        #expect(throws: ZipError.unsafePath(entry: "../../escape.txt", problem: .parentTraversal)) { try archive.validatePaths() }
        #expect(try await archive.contents(of: archive.entries[1]) == [2])
    }

    @Test func errorsReadLikeSentences() {
        #expect(ZipError.notAZipFile.message == "The file is not a zip archive: no end of central directory record found")
        #expect(ZipError.unsafePath(entry: "../x", problem: .parentTraversal).message
            == "The zip entry `../x` has an unsafe path: it escapes the extraction directory through `..`")
        #expect(ZipError.hex(0xAB) == "000000ab")
        #expect(ZipError.multipleDistInfo(directories: ["a-1", "b-1"]).message == "Multiple .dist-info directories found: a-1, b-1")
        #expect(ZipError.notAZipFile.kind == .error)
    }
}
