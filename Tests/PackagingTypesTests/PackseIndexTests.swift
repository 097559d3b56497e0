import Foundation
import PackagingTypes
import SuvBasics
import SuvTestSupport
import Testing

/// The real static index of the packse scenarios (`../shared/packse/index`).
@Suite struct PackseIndexTests {
    static let index = RepositoryPaths.shared.appendingPathComponent("packse/index")

    @Test func parsesEveryProjectPage() throws {
        let simple = Self.index.appendingPathComponent("simple")
        let names = try FileManager.default.contentsOfDirectory(atPath: simple.path)
            .filter { !$0.hasSuffix(".html") }.sorted()
        #expect(names.count == 273)
        let pages = try names.map { name in
            (name, [UInt8](try Data(contentsOf: simple.appendingPathComponent("\(name)/index.html"))))
        }
        let clock = ContinuousClock()
        var parsed: [SimpleProjectPage] = []
        let elapsed = try clock.measure {
            parsed = try pages.map { name, bytes in
                try SimpleProjectPage(html: bytes, url: "http://127.0.0.1/simple/\(name)/", name: PackageName(name))
            }
        }
        let bytes = pages.reduce(0) { $0 + $1.1.count }
        print("packse: parsed \(pages.count) pages (\(bytes) bytes) in \(elapsed)")

        var files = 0
        var yanked = 0
        for page in parsed {
            #expect(!page.files.isEmpty)
            #expect(page.apiVersion == "1.1")
            for file in page.files {
                files += 1
                if file.yanked.isYanked { yanked += 1 }
                #expect(file.distribution?.name == page.name, "\(file.filename) on the page of \(page.name)")
                #expect(file.hashes.first?.algorithm == .sha256)
                #expect(file.url.hasPrefix("http://127.0.0.1/files/"))
                #expect(file.requiresPython.map { $0.specifiers != nil } ?? true)
            }
        }
        #expect(files == 1054)
        #expect(yanked == 20)

        let list = try SimpleProjectList(
            html: [UInt8](try Data(contentsOf: simple.appendingPathComponent("index.html"))), url: "http://127.0.0.1/simple/"
        )
        #expect(Set(list.projects.map(\.name)) == Set(names))
    }

    @Test func parsesTheVendorFindLinksPage() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.index.appendingPathComponent("vendor/index.html")))
        let files = FlatIndex.files(html: bytes, url: "http://127.0.0.1/vendor/")
        #expect(files.count == 7)
        #expect(files.contains { $0.distribution?.name == PackageName("hatchling") })
    }
}
