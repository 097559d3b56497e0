import Foundation
import SuvBasics
import Testing

@Suite struct DirectoryListingTests {
    @Test func listsKindsAndRemovesTrees() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("suv-listing-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/sub/deeper", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/b.txt", contents: Data("x".utf8))
        FileManager.default.createFile(atPath: root + "/sub/deeper/c", contents: Data())
        try FileManager.default.createSymbolicLink(atPath: root + "/a-link", withDestinationPath: "/")
        #expect(DirectoryListing.names(root) == ["a-link", "b.txt", "sub"])
        let kinds = Dictionary(uniqueKeysWithValues: (DirectoryListing.entries(root) ?? []).map { ($0.name, "\($0.kind)") })
        #expect(kinds["sub"] == "directory")
        #expect(kinds["a-link"] == "symbolicLink")
        #expect(DirectoryListing.names(root + "/missing") == nil)
        // The link's target is left alone.
        #expect(DirectoryListing.removeTree(root) == 0)
        #expect(!FileManager.default.fileExists(atPath: root))
        #expect(FileManager.default.fileExists(atPath: "/etc"))
        #expect(DirectoryListing.removeTree(root) == 0)
    }
}
