import SuvBasics
import Testing
@testable import Zip

@Suite struct WheelDistInfoTests {
    private func entries(_ names: [String]) -> [ZipEntry] {
        names.enumerated().map { index, name in
            ZipEntry(name: name, nameBytes: Array(name.utf8), versionMadeBy: 20, flags: 0, compressionMethod: .stored,
                     crc32: 0, compressedSize: 0, uncompressedSize: 0, localHeaderOffset: UInt64(index * 100),
                     externalAttributes: 0, dosDateTime: 0)
        }
    }

    @Test func findsTheDistInfoDirectoryLikeUV() throws {
        let found = try WheelDistInfo.find(in: entries([
            "mastodon/Mastodon.py", "Mastodon.py-1.5.1.dist-info/WHEEL", "Mastodon.py-1.5.1.dist-info/METADATA",
            "Mastodon.py-1.5.1.dist-info/RECORD",
        ]), package: PackageName("mastodon.py"))
        #expect(found.stem == "Mastodon.py-1.5.1")
        #expect(found.directory == "Mastodon.py-1.5.1.dist-info")
        #expect(found.metadataEntry.name == "Mastodon.py-1.5.1.dist-info/METADATA")
    }

    @Test(arguments: ["friendly-bard-1.0", "FrIeNdLy-._.-bArD-1.0", "friendly_bard-1.0+local", "friendly_bard", "friendly_bard_extra-2.0"])
    func acceptsSpellingsOfTheName(stem: String) throws {
        let found = try WheelDistInfo.find(in: entries(["\(stem).dist-info/METADATA"]), package: PackageName("friendly_bard"))
        #expect(found.stem == stem)
    }

    @Test func rejectsMissingMultipleAndForeignDirectories() {
        let name = PackageName("friendly_bard")
        #expect(throws: ZipError.missingDistInfo) {
            try WheelDistInfo.find(in: entries(["friendly_bard/__init__.py", "x.dist-info/WHEEL", "a/b.dist-info/METADATA"]), package: name)
        }
        #expect(throws: ZipError.multipleDistInfo(directories: ["other_package-1.0", "friendly_bard-1.0"])) {
            try WheelDistInfo.find(in: entries(["other_package-1.0.dist-info/METADATA", "friendly_bard-1.0.dist-info/METADATA"]), package: name)
        }
        let error = ZipError.distInfoNameMismatch(directory: "other_package-1.0", package: "friendly-bard")
        #expect(throws: error) { try WheelDistInfo.find(in: entries(["other_package-1.0.dist-info/METADATA"]), package: name) }
        #expect(error.message == "The .dist-info directory `other_package-1.0` does not start with the normalized package name: friendly-bard")
    }

    @Test func readsMetadataFromAnArchive() async throws {
        let metadata = Array("Metadata-Version: 2.1\nName: Demo\nVersion: 1.0\n".utf8)
        let bytes = ZipBuilder([
            .init(name: "demo/__init__.py", data: []),
            .init(name: "Demo-1.0.dist-info/METADATA", data: metadata, method: 8),
            .init(name: "Demo-1.0.dist-info/RECORD", data: []),
        ]).build()
        let archive = try await ZipArchive(source: ZipMemorySource(bytes))
        #expect(try await archive.wheelMetadata(for: PackageName("demo")) == metadata)
        #expect(try archive.wheelDistInfo(for: PackageName("DEMO")).stem == "Demo-1.0")
    }
}
