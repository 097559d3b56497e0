import Cache
import Foundation
import Testing

@Suite struct FileContentsTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 65_537, 1_000_003])
    func readsEveryByteOfFilesOfAnySize(size: Int) throws {
        let directory = TestDirectory()
        let file = directory.at("data")
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(try FileContents.contents(of: file) == bytes)
    }

    /// Files whose size `stat` does not know (`/proc`) are read to their end all the same.
    @Test func readsFilesThatReportNoSize() throws {
        let contents = try #require(try FileContents.contents(of: "/proc/self/status"))
        #expect(String(decoding: contents, as: UTF8.self).contains("Name:"))
    }

    @Test func aMissingFileIsNil() throws {
        let directory = TestDirectory()
        #expect(try FileContents.contents(of: directory.at("absent")) == nil)
        #expect(try FileContents.contents(of: directory.at("absent/below")) == nil)
    }

    @Test func aFolderIsAnError() throws {
        let directory = TestDirectory()
        #expect(throws: CacheError.self) { try FileContents.contents(of: directory.path) }
    }
}
