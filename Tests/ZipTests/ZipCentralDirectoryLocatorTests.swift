import Testing
@testable import Zip

@Suite struct ZipCentralDirectoryLocatorTests {
    /// An archive whose central directory is larger than a small tail.
    private func archive(zip64: Bool = false, comment: [UInt8] = []) -> [UInt8] {
        ZipBuilder((0..<50).map { ZipBuilder.Entry(name: "package/module_\($0).py", data: Array("x = \($0)\n".utf8)) },
                   comment: comment, zip64: zip64).build()
    }

    @Test(arguments: [false, true])
    func asksForTheMissingRangeThenLocates(zip64: Bool) throws {
        let bytes = archive(zip64: zip64)
        let size = UInt64(bytes.count)
        var tailStart = size - 200
        var rounds = 0
        while true {
            rounds += 1
            let tail = Array(bytes[Int(tailStart)...])
            switch try ZipCentralDirectoryLocator.analyze(tail: tail, fileSize: size) {
            case .needsBytes(let range):
                #expect(range.upperBound == tailStart)
                #expect(range.lowerBound < tailStart)
                tailStart = range.lowerBound
                continue
            case .located(let location):
                #expect(location.entryCount == 50)
                #expect(location.isZip64 == zip64)
                #expect(location.offset >= tailStart)
                #expect(location.offset + location.size <= size)
            }
            break
        }
        #expect(rounds == 2, "one extra range covers the central directory")
    }

    @Test func aWholeFileTailLocatesAtOnce() throws {
        let bytes = archive()
        guard case .located = try ZipCentralDirectoryLocator.analyze(tail: bytes, fileSize: UInt64(bytes.count)) else {
            Issue.record("expected the central directory to be located")
            return
        }
    }

    @Test func aLongCommentPushesTheEndRecordOutOfASmallTail() throws {
        let bytes = archive(comment: [UInt8](repeating: 0x41, count: 5000))
        let size = UInt64(bytes.count)
        let result = try ZipCentralDirectoryLocator.analyze(tail: Array(bytes.suffix(1024)), fileSize: size)
        #expect(result == .needsBytes(0..<(size - 1024)), "no end record in the tail: fetch up to 64 KiB + 22 from the end")
    }

    @Test func theZip64LocatorJustBeforeTheTailIsRequested() throws {
        let bytes = archive(zip64: true)
        let size = UInt64(bytes.count)
        // The tail holds the 22-byte end record only; the locator sits right before it.
        let result = try ZipCentralDirectoryLocator.analyze(tail: Array(bytes.suffix(22)), fileSize: size)
        #expect(result == .needsBytes((size - 42)..<(size - 22)))
    }

    @Test func remoteReadsCostThreeRequests() async throws {
        let bytes = archive()
        let source = CountingSource(bytes)
        let archive = try await ZipArchive(source: source)
        #expect(source.reads.count == 1, "a 64 KiB tail holds this central directory")
        _ = try await archive.contents(ofEntryNamed: "package/module_7.py")
        #expect(source.reads.count == 2, "header and data come in one read")

        let small = CountingSource(bytes)
        let tail = try await small.read(offset: small.size - 100, length: 100)
        let again = try await ZipArchive(source: small, tail: tail)
        #expect(small.reads.count == 2, "the given tail, then the missing range")
        #expect(again.entries.count == 50)
    }
}
