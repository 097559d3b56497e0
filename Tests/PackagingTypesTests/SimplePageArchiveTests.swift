import Foundation
import PackagingTypes
import SuvBasics
import SuvTestSupport
import Testing

/// The cache's binary form of a page reads back as exactly the page that was written.
@Suite struct SimplePageArchiveTests {
    static let mixedPage = """
    {"meta": {"api-version": "1.4"}, "name": "Example_Pkg",
     "project-status": {"status": "Archived", "reason": "moved"}, "versions": ["1.0", "2.0"],
     "files": [
      {"filename": "example_pkg-1.0-py3-none-any.whl", "url": "../../files/example_pkg-1.0-py3-none-any.whl#sha256=ff",
       "hashes": {"sha256": "ABCD", "md5": "1234", "sha512": "ef01"}, "requires-python": ">=3.8",
       "yanked": false, "size": 1024, "upload-time": "2024-01-02T03:04:05.123456Z", "core-metadata": {"sha256": "beef"}},
      {"filename": "example_pkg-1.0.tar.gz", "url": "https://files.example/é/example_pkg-1.0.tar.gz",
       "hashes": {}, "requires-python": null, "yanked": "broken", "dist-info-metadata": true},
      {"filename": "example_pkg-2.0.tar.gz", "url": "x/example_pkg-2.0.tar.gz", "hashes": {"sha256": "00"},
       "yanked": true, "size": 18446744073709551615},
      {"filename": "README.txt", "url": "README.txt", "hashes": {}}
     ]}
    """

    static func mixed() throws -> SimpleProjectPage {
        try SimpleProjectPage(json: Array(mixedPage.utf8), url: "https://index.example/simple/example/")
    }

    @Test func everyFieldReadsBack() throws {
        let page = try Self.mixed()
        let archive = SimplePageArchive.encode(page)
        #expect(SimplePageArchive.isArchive(archive))
        let read = try #require(SimplePageArchive.decode(archive))
        #expect(read == page)
        #expect(read.name.original == "Example_Pkg")
        #expect(read.files.map(\.distribution) == page.files.map(\.distribution))
        let empty = SimpleProjectPage(name: PackageName("a"), files: [])
        #expect(SimplePageArchive.decode(SimplePageArchive.encode(empty)) == empty)
    }

    @Test(arguments: FixtureIndex.projects)
    func fixturePagesReadBack(name: String) throws {
        let url = "http://127.0.0.1:8000/simple/\(name)/"
        let json = try SimpleProjectPage(json: FixtureIndex.bytes("simple/\(name)/index.json"), url: url)
        let html = try SimpleProjectPage(html: FixtureIndex.bytes("simple/\(name)/index.html"), url: url, name: PackageName(name))
        #expect(SimplePageArchive.decode(SimplePageArchive.encode(json)) == json)
        #expect(SimplePageArchive.decode(SimplePageArchive.encode(html)) == html)
    }

    /// A damaged archive (cut anywhere, a byte changed, trailing bytes) is no page, never a crash
    /// or a wrong page; and a page's own text is not mistaken for an archive.
    @Test func damagedArchivesAreNoPage() throws {
        let page = try Self.mixed()
        let archive = SimplePageArchive.encode(page)
        for end in 0..<archive.count {
            #expect(SimplePageArchive.decode(Array(archive[..<end])) == nil)
        }
        #expect(SimplePageArchive.decode(archive + [0]) == nil)
        for position in stride(from: 8, to: archive.count, by: 3) {
            var changed = archive
            changed[position] ^= 0xFF
            if let read = SimplePageArchive.decode(changed) { #expect(read != page || changed == archive) }
        }
        #expect(SimplePageArchive.decode(Array(Self.mixedPage.utf8)) == nil)
        #expect(!SimplePageArchive.isArchive(Array("<html>".utf8)))
    }
}
