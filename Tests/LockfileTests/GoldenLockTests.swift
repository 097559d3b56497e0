import Foundation
import Testing
import SuvBasics
import SuvTestSupport
@testable import Lockfile

/// Every lock under `fixtures/locks/` was written by uv 0.13.9 (see `regenerate.sh` there):
/// it must parse, and serializing the parsed model must give the file back byte for byte.
@Suite struct GoldenLockTests {
    static let folder = RepositoryPaths.fixtures.appendingPathComponent("locks")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("uv.lock").path) }.sorted()
    }()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name).appendingPathComponent("uv.lock"), encoding: .utf8)
    }

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 8)
    }

    @Test(arguments: cases)
    func roundTripsByteForByte(name: String) throws {
        let text = try Self.text(name)
        let lock = try Lock(parsing: text)
        let written = lock.serialized()
        if written != text {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            let actual = written.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
            Issue.record("\(name): first difference at line \(line + 1): expected \(line < expected.count ? String(expected[line]) : "<end>") got \(line < actual.count ? String(actual[line]) : "<end>")")
        }
        #expect(try Lock(parsing: written) == lock)
    }

    @Test(arguments: cases)
    func roundTripsFromShuffledModel(name: String) throws {
        let text = try Self.text(name)
        var lock = try Lock(parsing: text)
        lock.packages.reverse()
        for index in lock.packages.indices {
            lock.packages[index].dependencies.reverse()
            lock.packages[index].wheels.reverse()
            lock.packages[index].optionalDependencies.reverse()
            lock.packages[index].devDependencies.reverse()
            lock.packages[index].metadata?.requiresDist.reverse()
            lock.packages[index].metadata?.requiresDev.reverse()
        }
        lock.manifest.members.reverse()
        lock.manifest.constraints.reverse()
        #expect(lock.serialized() == text)
    }

    @Test func pythonForkResolvesBareEdgesAndKeepsForks() throws {
        let lock = try Lock(parsing: try Self.text("python-fork"))
        #expect(lock.resolutionMarkers == ["python_full_version >= '3.12'", "python_full_version < '3.12'"])
        #expect(lock.packages(named: PackageName("zeta")).map(\.version) == ["0.9", "1.0"])
        let root = try #require(lock.packages.first { $0.name == PackageName("python-fork") })
        #expect(root.source == .virtual("."))
        #expect(root.dependencies.map(\.version) == ["0.9", "1.0"])
    }

    @Test func simpleAppHasNoSizeOrUploadTime() throws {
        let lock = try Lock(parsing: try Self.text("simple-app"))
        let beta = try #require(lock.packages.first { $0.name == PackageName("beta") })
        #expect(beta.sdist?.size == nil)
        #expect(beta.wheels.first?.uploadTime == nil)
        // The bare edge `{ name = "alpha" }` is resolved to the unique alpha.
        #expect(beta.dependencies == [LockEdge(name: PackageName("alpha"), version: "1.1", source: .registry("https://index.example/simple/"))])
    }

    @Test func readsEveryPart() throws {
        let conflicts = try Lock(parsing: try Self.text("conflicts"))
        #expect(conflicts.supportedMarkers == ["sys_platform == 'linux'", "sys_platform == 'darwin'"])
        #expect(conflicts.requiredMarkers == ["sys_platform == 'linux'"])
        #expect(conflicts.conflicts == [[
            ConflictItem(package: PackageName("conflicts"), kind: .extra("new")),
            ConflictItem(package: PackageName("conflicts"), kind: .extra("old")),
        ]])
        let options = try Lock(parsing: try Self.text("options")).options
        #expect(options == LockOptions(resolutionMode: "lowest-direct", prereleaseMode: "allow", forkStrategy: "fewest", excludeNewer: "2024-01-01T12:00:00Z"))
        let workspace = try Lock(parsing: try Self.text("virtual-workspace"))
        #expect(workspace.manifest.members == [PackageName("one"), PackageName("two")])
        #expect(workspace.manifest.dependencyGroups.map(\.name) == ["dev", "empty"])
        let local = try Lock(parsing: try Self.text("local-sources"))
        let edit = try #require(local.packages.first { $0.name == PackageName("localedit") })
        #expect(edit.metadata == LockMetadata(requiresDev: [NamedRequirements("test", [LockRequirement(name: PackageName("gamma"))])]))
        let dir = try #require(local.packages.first { $0.name == PackageName("localdir") })
        #expect(dir.source == .directory("deps/localdir"))
        #expect(dir.metadata?.providesExtras == ["extra"])
    }

    /// The dependency-graph scope (what `suv tree` reads) is the whole lock minus artifacts.
    @Test(arguments: cases)
    func dependencyGraphScopeDropsOnlyArtifacts(name: String) throws {
        let bytes = Array(try Self.text(name).utf8)
        var whole = try Lock(parsing: bytes)
        let graph = try Lock(parsing: bytes, scope: .dependencyGraph)
        #expect(graph.packages.allSatisfy { $0.sdist == nil && $0.wheels.isEmpty })
        for index in whole.packages.indices {
            whole.packages[index].sdist = nil
            whole.packages[index].wheels = []
        }
        #expect(graph == whole)
    }

    /// Artifacts skipped for the dependency graph are still read for errors: a broken or
    /// repeated `wheels` fails both scopes with the same message.
    @Test(arguments: [
        "wheels = [\n    { url = \"https://f.example/a-1.0-py3-none-any.whl\", size = 1 ]\n",
        "wheels = []\nwheels = []\n",
        "sdist = { url = \"https://f.example/a-1.0.tar.gz\", url = \"x\" }\n",
        "wheels = [{ url = \"bad \\q escape\" }]\n",
    ])
    func skippedArtifactsAreStillChecked(artifacts: String) throws {
        let text = "version = 1\nrevision = 3\nrequires-python = \">=3.12\"\n\n[[package]]\nname = \"a\"\nversion = \"1.0\"\nsource = { registry = \"https://i.example/simple\" }\n" + artifacts
        let whole = Result { try Lock(parsing: Array(text.utf8)) }
        let graph = Result { try Lock(parsing: Array(text.utf8), scope: .dependencyGraph) }
        guard case .failure(let expected) = whole, case .failure(let actual) = graph else {
            Issue.record("both scopes should fail: \(whole), \(graph)")
            return
        }
        #expect("\(actual)" == "\(expected)")
    }
}
