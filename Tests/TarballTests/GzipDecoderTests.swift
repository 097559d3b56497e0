import SuvTestSupport
import Testing
import Tarball

@Suite struct GzipDecoderTests {
    private func gzip(_ tree: TemporaryTree, _ data: [UInt8], name: String = "data") throws -> [UInt8] {
        try tree.write(name, bytes: data)
        try ArchiveFixtures.shell("gzip -n -c \(name) > \(name).gz", in: tree.path)
        return try #require(tree.read(name + ".gz"))
    }

    private func decode(_ bytes: [UInt8], limit: UInt64 = TarballLimits.defaultSizeLimit) throws(TarballError) -> [UInt8] {
        var decoder = try GzipDecoder(input: MemoryInput(bytes), archive: "t.gz", limit: limit)
        return try decoder.readAll()
    }

    @Test func decodesInSmallReads() throws {
        let tree = try TemporaryTree()
        let data = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 >> 3) }
        let compressed = try gzip(tree, data)
        var decoder = try GzipDecoder(input: MemoryInput(compressed), archive: "t.gz")
        var result: [UInt8] = []
        while true {
            let chunk = try decoder.read(upTo: 1000)
            #expect(chunk.count <= 1000)
            if chunk.isEmpty { break }
            result += chunk
        }
        #expect(result == data)
        #expect(decoder.produced == 300_000)
        #expect(try decoder.read(upTo: 10) == [])
    }

    @Test func decodesConcatenatedMembersAndZeroPadding() throws {
        let tree = try TemporaryTree()
        let first = try gzip(tree, Array("hello ".utf8), name: "a")
        let second = try gzip(tree, [], name: "b")
        let third = try gzip(tree, Array("world\n".utf8), name: "c")
        #expect(try decode(first + second + third + [0, 0, 0, 0]) == Array("hello world\n".utf8))
    }

    @Test func checksTheCRC() throws {
        let tree = try TemporaryTree()
        var compressed = try gzip(tree, Array("some text\n".utf8))
        compressed[compressed.count - 8] ^= 0xFF
        #expect(throws: TarballError.corruptGzip(archive: "t.gz", reason: "incorrect data check")) { try decode(compressed) }
    }

    @Test func reportsTrailingGarbageAndTruncation() throws {
        let tree = try TemporaryTree()
        let compressed = try gzip(tree, Array("some text\n".utf8))
        #expect(throws: TarballError.corruptGzip(archive: "t.gz", reason: "incorrect header check")) { try decode(compressed + [1, 2, 3]) }
        #expect(throws: TarballError.truncated(archive: "t.gz", what: "the gzip stream")) { try decode(Array(compressed.dropLast(3))) }
        #expect(throws: TarballError.truncated(archive: "t.gz", what: "the gzip stream")) { try decode([]) }
    }

    @Test func enforcesTheLimit() throws {
        let tree = try TemporaryTree()
        let compressed = try gzip(tree, [UInt8](repeating: 0, count: 100_000))
        #expect(try decode(compressed, limit: 100_000).count == 100_000)
        #expect(throws: TarballError.tooLarge(archive: "t.gz", limit: 99_999)) { try decode(compressed, limit: 99_999) }
    }
}
