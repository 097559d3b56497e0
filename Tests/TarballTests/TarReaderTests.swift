import Testing
import Tarball

@Suite struct TarReaderTests {
    typealias F = ArchiveFixtures

    private func entries(_ bytes: [UInt8]) throws -> [(TarEntry, [UInt8])] {
        var reader = TarReader(input: MemoryInput(bytes), archive: "test.tar")
        var result: [(TarEntry, [UInt8])] = []
        while let entry = try reader.next() {
            result.append((entry, try reader.readContents()))
        }
        return result
    }

    @Test func readsEveryKindAndSkipsSpecialFiles() throws {
        let data = Array("hello\n".utf8)
        let bytes = F.header(name: "top/", type: UInt8(ascii: "5"))
            + F.header(name: "top/a.txt", size: 6) + F.padded(data)
            + F.header(name: "top/fifo", type: UInt8(ascii: "6"))
            + F.header(name: "top/weird", type: UInt8(ascii: "Z"), size: 3) + F.padded([1, 2, 3])
            + F.header(name: "top/link", type: UInt8(ascii: "2"), linkName: "a.txt")
            + F.header(name: "top/hard", type: UInt8(ascii: "1"), linkName: "top/a.txt")
            + F.header(name: "top/old", type: 0, size: 6) + F.padded(data)
            + F.end
        let read = try entries(bytes)
        #expect(read.map(\.0) == [
            TarEntry(name: "top/", size: 0, kind: .directory),
            TarEntry(name: "top/a.txt", size: 6, kind: .file),
            TarEntry(name: "top/link", size: 0, kind: .symlink, linkTarget: "a.txt"),
            TarEntry(name: "top/hard", size: 0, kind: .hardlink, linkTarget: "top/a.txt"),
            TarEntry(name: "top/old", size: 6, kind: .file),
        ])
        #expect(read[1].1 == data && read[4].1 == data)
    }

    @Test func readsBase256Sizes() throws {
        let data = [UInt8](repeating: 7, count: 1000)
        let bytes = F.header(name: "big", size: 1000, base256Size: true) + F.padded(data) + F.end
        let read = try entries(bytes)
        #expect(read.count == 1 && read[0].0.size == 1000 && read[0].1 == data)
    }

    @Test func joinsTheUstarPrefixOnlyForPOSIXHeaders() throws {
        let posix = F.header(name: "PKG-INFO", prefix: "foo-1.0") + F.end
        #expect(try entries(posix).map(\.0.name) == ["foo-1.0/PKG-INFO"])
        let gnuMagic = Array("ustar  ".utf8) + [0]
        let gnu = F.header(name: "PKG-INFO", magic: gnuMagic, prefix: "ignored") + F.end
        #expect(try entries(gnu).map(\.0.name) == ["PKG-INFO"])
    }

    @Test func appliesGNULongNamesAndPaxRecords() throws {
        let long = String(repeating: "n", count: 150)
        let gnu = F.header(name: "././@LongLink", type: UInt8(ascii: "L"), size: UInt64(long.utf8.count + 1))
            + F.padded(Array(long.utf8) + [0])
            + F.header(name: String(long.prefix(100)), size: 2) + F.padded([1, 2])
            + F.header(name: "short", size: 0)
            + F.end
        #expect(try entries(gnu).map(\.0.name) == [long, "short"])

        let records = Self.paxRecord("path", long) + Self.paxRecord("size", "3") + Self.paxRecord("mtime", "1.5")
        let pax = F.header(name: "PaxHeaders/x", type: UInt8(ascii: "x"), size: UInt64(records.count)) + F.padded(records)
            + F.header(name: "truncated-name", size: 0) + F.padded([9, 8, 7])
            + F.header(name: "global", type: UInt8(ascii: "g"), size: UInt64(records.count)) + F.padded(records)
            + F.header(name: "after", size: 0)
            + F.end
        let read = try entries(pax)
        #expect(read.map(\.0.name) == [long, "after"])
        #expect(read[0].1 == [9, 8, 7])
    }

    @Test func stopsAtTheFirstZeroBlockAndAtACleanEnd() throws {
        let afterEnd = F.header(name: "a", size: 0) + F.end + F.header(name: "ignored", size: 0)
        #expect(try entries(afterEnd).map(\.0.name) == ["a"])
        let noEnd = F.header(name: "a", size: 1) + F.padded([1])
        #expect(try entries(noEnd).map(\.0.name) == ["a"])
        // The last member's padding may be missing.
        let unpadded = F.header(name: "a", size: 1) + [1]
        #expect(try entries(unpadded).map(\.1) == [[1]])
    }

    @Test func reportsMalformedHeaders() throws {
        var bad = F.header(name: "a", size: 0)
        bad[124] = UInt8(ascii: "9")
        let sum = (bad[0..<148].reduce(0) { $0 + Int($1) }) + 8 * 32 + (bad[156...].reduce(0) { $0 + Int($1) })
        let octal = String(sum, radix: 8)
        for (index, byte) in Array((String(repeating: "0", count: 6 - octal.count) + octal + "\0 ").utf8).enumerated() {
            bad[148 + index] = byte
        }
        let error = #expect(throws: TarballError.self) { try entries(bad + F.end) }
        #expect(error == .invalidHeader(archive: "test.tar", offset: 0, reason: "the size field is not an octal number"))

        let pax = F.header(name: "x", type: UInt8(ascii: "x"), size: 5) + F.padded(Array("oops\n".utf8)) + F.header(name: "a") + F.end
        #expect(throws: TarballError.invalidHeader(archive: "test.tar", offset: 0, reason: "the pax header has a malformed record length")) {
            try entries(pax)
        }

        let dangling = F.header(name: "x", type: UInt8(ascii: "L"), size: 2) + F.padded([0x61, 0])
        #expect(throws: TarballError.truncated(archive: "test.tar", what: "the member after the extended header")) {
            try entries(dangling)
        }

        let huge = F.header(name: "x", type: UInt8(ascii: "x"), size: 2 << 20)
        #expect(throws: TarballError.self) { try entries(huge) }
    }

    @Test func readContentsIsEmptyOnceRead() throws {
        var reader = TarReader(input: MemoryInput(F.header(name: "a", size: 2) + F.padded([1, 2]) + F.end), archive: "t.tar")
        #expect(try reader.next()?.name == "a")
        #expect(try reader.readContents() == [1, 2])
        #expect(try reader.readContents() == [])
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).utf8.count + body.utf8.count != length { length += 1 }
        return Array((String(length) + body).utf8)
    }
}
