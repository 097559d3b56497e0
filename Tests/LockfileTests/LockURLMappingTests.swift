import Foundation
import SuvBasics
import Testing
@testable import Lockfile

/// `Lock.mappingURLs`: the pure rewrite behind mirror-transparent locks.
@Suite struct LockURLMappingTests {
    static let canonical = "https://index.example/"
    static let mirror = "https://mirror.corp.example/pypi/"

    static func swap(_ url: String, _ from: String, _ to: String) -> String {
        url.hasPrefix(from) ? to + url.dropFirst(from.count) : url
    }

    static func mapped(_ lock: Lock, from: String, to: String) -> Lock {
        lock.mappingURLs(index: { swap($0, from, to) }, file: { _, _, url in swap(url, from, to) })
    }

    /// Every golden lock, sent to a mirror and back: the mirror form is the text with the
    /// prefix replaced (nothing else moves), and the way back gives uv's bytes again.
    @Test(arguments: GoldenLockTests.cases)
    func roundTripsThroughAMirror(name: String) throws {
        let text = try GoldenLockTests.text(name)
        let lock = try Lock(parsing: text)
        let there = Self.mapped(lock, from: Self.canonical, to: Self.mirror)
        #expect(there.serialized() == text.replacingOccurrences(of: Self.canonical, with: Self.mirror))
        #expect(Self.mapped(there, from: Self.mirror, to: Self.canonical).serialized() == text)
    }

    @Test func mapsEveryIndexReferenceAndOnlyRegistryFiles() throws {
        let index = "https://mirror.corp.example/simple/"
        let lock = Lock(
            requiresPython: ">=3.9",
            manifest: LockManifest(constraints: [LockRequirement(name: PackageName("beta"), source: .index(index, specifier: "<3"))]),
            packages: [
                LockedPackage(
                    name: PackageName("app"), version: "0.1.0", source: .virtual("."),
                    dependencies: [LockEdge(name: PackageName("beta"), version: "2.0", source: .registry(index))],
                    devDependencies: [NamedEdges("dev", [LockEdge(name: PackageName("beta"), version: "2.0", source: .registry(index))])],
                    metadata: LockMetadata(
                        requiresDist: [LockRequirement(name: PackageName("beta"), source: .index(index, specifier: nil))],
                        requiresDev: [NamedRequirements("dev", [LockRequirement(name: PackageName("beta"), source: .index(index, specifier: nil))])])),
                LockedPackage(
                    name: PackageName("beta"), version: "2.0", source: .registry(index),
                    sdist: LockArtifact(location: .url("https://mirror.corp.example/files/beta-2.0.tar.gz"), hash: "sha256:00"),
                    wheels: [LockArtifact(location: .url("https://mirror.corp.example/files/beta-2.0-py3-none-any.whl"), hash: "sha256:11")]),
                LockedPackage(
                    name: PackageName("direct"), version: "1.0",
                    source: .url("https://mirror.corp.example/files/direct-1.0.tar.gz", subdirectory: nil),
                    wheels: [LockArtifact(location: .filename("direct-1.0-py3-none-any.whl"))]),
                LockedPackage(
                    name: PackageName("local"), version: "1.0", source: .registry("wheels"),
                    wheels: [LockArtifact(location: .path("wheels/local-1.0-py3-none-any.whl"))]),
            ])
        var seen: [String] = []
        let result = lock.mappingURLs(
            index: { $0 == index ? "https://index.example/simple/" : $0 },
            file: { package, artifact, url in
                seen.append("\(package.name) \(package.source.value) \(artifact.hash ?? "")")
                return url.replacingOccurrences(of: "https://mirror.corp.example/files/", with: "https://files.example/")
            })
        #expect(seen == ["beta \(index) sha256:00", "beta \(index) sha256:11"])
        let text = result.serialized()
        #expect(!text.contains("mirror.corp.example/simple"))
        #expect(text.contains("sdist = { url = \"https://files.example/beta-2.0.tar.gz\", hash = \"sha256:00\" }"))
        #expect(text.contains("source = { url = \"https://mirror.corp.example/files/direct-1.0.tar.gz\" }"))
        #expect(text.contains("path = \"wheels/local-1.0-py3-none-any.whl\""))
        #expect(result.manifest.constraints.first?.source == .index("https://index.example/simple/", specifier: "<3"))
        #expect(result.packages[0].dependencies.first?.source == .registry("https://index.example/simple/"))
        #expect(result.packages[0].devDependencies.first?.edges.first?.source == .registry("https://index.example/simple/"))
        #expect(result.packages[0].metadata?.requiresDist.first?.source == .index("https://index.example/simple/", specifier: nil))
        #expect(result.packages[0].metadata?.requiresDev.first?.requirements.first?.source == .index("https://index.example/simple/", specifier: nil))
        #expect(result.packages[3].source == .registry("wheels"))
    }

    struct Refused: Error, Equatable {
        let url: String
    }

    @Test func aFailingFileMappingStopsTheRewrite() throws {
        let lock = try Lock(parsing: try GoldenLockTests.text("simple-app"))
        let error = #expect(throws: Refused.self) {
            try lock.mappingURLs(index: { url throws(Refused) in url }, file: { _, _, url throws(Refused) in throw Refused(url: url) })
        }
        #expect(error?.url == "https://index.example/files/alpha-1.1.tar.gz")
    }
}
