import Foundation
import SuvBasics
import Testing
import Zip
import SuvTestSupport

/// The wheels `fixtures/packages/build.py` writes, read through the Zip module.
@Suite struct FixtureWheelTests {
    private func open(_ filename: String) async throws -> (ZipArchive, PackageName) {
        let path = try FixtureIndex.url().appendingPathComponent("files/\(filename)").path
        let name = PackageName(String(filename.prefix { $0 != "-" }))
        return (try await ZipArchive(source: ZipFileSource(path: path)), name)
    }

    @Test func buildsTheWholeUniverse() throws {
        #expect(try FixtureIndex.wheels().count == 12)
    }

    @Test(arguments: try FixtureIndex.wheels())
    func metadataMatchesThePEP658File(filename: String) async throws {
        let (archive, name) = try await open(filename)
        let metadata = try await archive.wheelMetadata(for: name)
        let separate = [UInt8](try Data(contentsOf: try FixtureIndex.url().appendingPathComponent("files/\(filename).metadata")))
        #expect(metadata == separate)
        try archive.validatePaths()
    }

    @Test(arguments: try FixtureIndex.wheels())
    func recordHashesAndSizesVerify(filename: String) async throws {
        let (archive, name) = try await open(filename)
        let distInfo = try archive.wheelDistInfo(for: name)
        let record = String(decoding: try await archive.contents(ofEntryNamed: distInfo.directory + "/RECORD"), as: UTF8.self)
        var listed = Set<String>()
        for line in record.split(separator: "\n") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 3)
            listed.insert(fields[0])
            if fields[0] == distInfo.directory + "/RECORD" {
                #expect(fields[1].isEmpty && fields[2].isEmpty)
                continue
            }
            let data = try await archive.contents(ofEntryNamed: fields[0])
            #expect(fields[1] == "sha256=" + SHA256.recordDigest(data), "\(filename): \(fields[0])")
            #expect(fields[2] == String(data.count))
        }
        #expect(listed == Set(archive.entries.map(\.name)), "RECORD lists every file and nothing else")
    }

    @Test func etaHasAConsoleScriptAndADataScript() async throws {
        let (archive, _) = try await open("eta-1.0-py3-none-any.whl")
        let entryPoints = String(decoding: try await archive.contents(ofEntryNamed: "eta-1.0.dist-info/entry_points.txt"), as: UTF8.self)
        #expect(entryPoints == "[console_scripts]\neta = eta:main\n")
        let script = try #require(archive.entry(named: "eta-1.0.data/scripts/eta-helper"))
        #expect(script.isExecutable)
        #expect(try await archive.contents(of: script).starts(with: Array("#!python\n".utf8)))
        #expect(archive.entry(named: "eta-1.0.dist-info/WHEEL") != nil)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.recordDigest([]) == "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU")
    }
}
