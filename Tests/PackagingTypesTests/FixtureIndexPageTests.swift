import Foundation
import PackagingTypes
import SuvBasics
import Testing
import SuvTestSupport

/// The pages `fixtures/packages/build.py` writes, read back with the parsers.
@Suite struct FixtureIndexPageTests {
    let indexURL = "http://127.0.0.1:8000/"

    private func pages(_ name: String, tree: String = "") throws -> (html: SimpleProjectPage, json: SimpleProjectPage) {
        let pageURL = indexURL + tree + "simple/\(name)/"
        let html = try SimpleProjectPage(
            html: FixtureIndex.bytes(tree + "simple/\(name)/index.html"), url: pageURL, name: PackageName(name)
        )
        let json = try SimpleProjectPage(json: FixtureIndex.bytes(tree + "simple/\(name)/index.json"), url: pageURL)
        return (html, json)
    }

    @Test(arguments: FixtureIndex.projects)
    func htmlAndJSONPagesAgree(name: String) throws {
        let (html, json) = try pages(name)
        #expect(html.name == json.name)
        #expect(html.apiVersion == json.apiVersion)
        #expect(html.projectStatus == json.projectStatus)
        #expect(html.files.map(\.filename) == json.files.map(\.filename))
        for (a, b) in zip(html.files, json.files) {
            #expect(a.url == b.url)
            #expect(a.url.hasPrefix(indexURL + "files/"))
            #expect(a.hashes == b.hashes)
            #expect(a.hashes.first?.algorithm == .sha256)
            #expect(a.requiresPython == b.requiresPython)
            #expect(a.yanked == b.yanked)
            #expect(a.coreMetadata == b.coreMetadata)
            #expect(a.distribution == b.distribution)
            #expect(a.distribution != nil)
            #expect(a.size == nil && b.size != nil)
            #expect(b.uploadTime?.hasSuffix("Z") == true)
        }
    }

    @Test(arguments: FixtureIndex.projects)
    func pagesDescribeTheFilesOnDisk(name: String) throws {
        let (_, json) = try pages(name)
        let root = try FixtureIndex.url()
        for file in json.files {
            let onDisk = try Data(contentsOf: root.appendingPathComponent("files/\(file.filename)"))
            #expect(UInt64(onDisk.count) == file.size)
            if file.distribution?.wheel != nil {
                #expect(file.coreMetadata.isAvailable)
                let metadataBytes = try FixtureIndex.bytes("files/\(file.filename).metadata")
                let metadata = try CoreMetadata(parsing: metadataBytes)
                #expect(metadata.name == json.name)
                #expect(metadata.version == file.distribution?.wheel?.version)
                #expect(metadata.metadataVersion == "2.2")
                #expect(file.requiresPython?.raw == metadata.requiresPython?.description)
                _ = try CoreMetadata(pkgInfo: metadataBytes)
            } else {
                #expect(!file.coreMetadata.isAvailable)
            }
        }
    }

    @Test func theUniverseHasTheDescribedShape() throws {
        let alpha = try pages("alpha").json
        #expect(alpha.versions == ["1.0", "1.1", "2.0a1"])
        let alphaMetadata = try CoreMetadata(parsing: FixtureIndex.bytes("files/alpha-1.1-py3-none-any.whl.metadata"))
        #expect(alphaMetadata.providesExtra == ["speedups", "docs"])
        #expect(alphaMetadata.requiresDist.map(\.description) == ["delta>=1.0; extra == \"speedups\"", "eta; extra == \"docs\""])

        let delta = try pages("delta").json
        #expect(delta.files.map(\.filename) == ["delta-1.0.tar.gz"])
        #expect(delta.files[0].requiresPython == nil)

        let epsilon = try pages("epsilon")
        #expect(epsilon.json.files.map(\.yanked) == [
            .notYanked, .notYanked, .yanked(reason: "broken build"), .yanked(reason: "broken build"),
            .yanked(reason: nil), .yanked(reason: nil),
        ])
        #expect(epsilon.html.projectStatus == ProjectStatus(status: "deprecated", reason: "use zeta instead"))
        #expect(epsilon.html.apiVersion == "1.4")

        let zeta = try pages("zeta").json
        #expect(zeta.files.compactMap(\.requiresPython?.raw) == [">=3.8", ">=3.8", ">=3.12", ">=3.12"])

        let gamma = try CoreMetadata(parsing: FixtureIndex.bytes("files/gamma-1.0-py3-none-any.whl.metadata"))
        #expect(gamma.requiresDist.allSatisfy { $0.marker != nil })
    }

    @Test(arguments: FixtureIndex.projects)
    func theNoMetadataTreeAdvertisesNoMetadata(name: String) throws {
        let (html, json) = try pages(name, tree: "no-metadata/")
        let (withHTML, _) = try pages(name)
        #expect(html.files.map(\.filename) == withHTML.files.map(\.filename))
        #expect(html.files.allSatisfy { !$0.coreMetadata.isAvailable })
        #expect(json.files.allSatisfy { !$0.coreMetadata.isAvailable })
        #expect(html.files.allSatisfy { $0.url.hasPrefix(indexURL + "no-metadata/files/") })
        let listing = try FileManager.default.contentsOfDirectory(atPath: try FixtureIndex.url().appendingPathComponent("no-metadata/files").path)
        #expect(!listing.contains { $0.hasSuffix(".metadata") })
    }

    @Test func projectListsAgree() throws {
        let html = try SimpleProjectList(html: FixtureIndex.bytes("simple/index.html"), url: indexURL + "simple/")
        let json = try SimpleProjectList(json: FixtureIndex.bytes("simple/index.json"), url: indexURL + "simple/")
        #expect(html.projects == json.projects)
        #expect(html.projects.map(\.name) == FixtureIndex.projects)
    }

    @Test func findLinksAndDirectoryListingAgree() throws {
        let root = try FixtureIndex.url()
        let page = FlatIndex.files(html: try FixtureIndex.bytes("find-links/index.html"), url: indexURL + "find-links/")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("files").path)
        let listing = FlatIndex.files(inDirectory: root.appendingPathComponent("files").path, filenames: names)
        #expect(page.map(\.filename).sorted() == listing.map(\.filename))
        #expect(page.count == 25)
        #expect(page.allSatisfy { $0.hashes.count == 1 && $0.url.hasPrefix(indexURL + "files/") })
        #expect(listing.allSatisfy { $0.url.hasPrefix("file:///") && $0.hashes.isEmpty })
    }
}
