import Foundation
import SuvBasics
import SuvTestSupport
import Testing
import Zip

/// Every wheel of the packse scenario index (`../shared/packse/index/files`).
@Suite struct PackseWheelTests {
    static let files = RepositoryPaths.shared.appendingPathComponent("packse/index/files")

    @Test func readsEveryWheel() async throws {
        let wheels = try FileManager.default.contentsOfDirectory(atPath: Self.files.path).filter { $0.hasSuffix(".whl") }.sorted()
        #expect(wheels.count == 546)
        let clock = ContinuousClock()
        var entries = 0
        let elapsed = try await clock.measure {
            for wheel in wheels {
                let archive = try await ZipArchive(source: ZipFileSource(path: Self.files.appendingPathComponent(wheel).path))
                let name = PackageName(String(wheel.prefix { $0 != "-" }))
                let metadata = String(decoding: try await archive.wheelMetadata(for: name), as: UTF8.self)
                #expect(metadata.hasPrefix("Metadata-Version: "), "\(wheel)")
                #expect(metadata.contains("\nName: "), "\(wheel)")
                try archive.validatePaths()
                for entry in archive.entries {
                    _ = try await archive.contents(of: entry)
                    entries += 1
                }
            }
        }
        print("packse: read \(wheels.count) wheels, \(entries) entries, CRC checked, in \(elapsed)")
        #expect(entries >= wheels.count * 3)
    }

    @Test func readsTheVendoredBuildBackendWheels() async throws {
        let vendor = RepositoryPaths.shared.appendingPathComponent("packse/index/vendor")
        let wheels = try FileManager.default.contentsOfDirectory(atPath: vendor.path).filter { $0.hasSuffix(".whl") }
        #expect(wheels.count == 7)
        for wheel in wheels {
            let archive = try await ZipArchive(source: ZipFileSource(path: vendor.appendingPathComponent(wheel).path))
            let name = PackageName(String(wheel.prefix { $0 != "-" }))
            _ = try await archive.wheelMetadata(for: name)
            for entry in archive.entries { _ = try await archive.contents(of: entry) }
        }
    }
}
