import Foundation
import Lockfile
import PackagingTypes
import PEP508
import Project
import SuvBasics
import SuvTestSupport
import Testing

/// What `suv sync` takes from a lock for one environment, on the golden locks uv wrote.
@Suite struct LockInstallPlanTests {
    static func environment(python: String, platform: String) -> MarkerEnvironment {
        MarkerEnvironment(
            implementationName: "cpython", implementationVersion: python, osName: platform == "win32" ? "nt" : "posix",
            platformMachine: "x86_64", platformPythonImplementation: "CPython", platformRelease: "6.8.0",
            platformSystem: platform == "win32" ? "Windows" : "Linux", platformVersion: "#1", pythonFullVersion: python,
            pythonVersion: python.split(separator: ".").prefix(2).joined(separator: "."), sysPlatform: platform)
    }

    static let tags = TagEnvironment(
        implementation: .cpython, pythonMajor: 3, pythonMinor: 12, abis: ["cp312"],
        platform: .manylinux(glibcMajor: 2, glibcMinor: 36, arch: "x86_64")).supportedTags()

    func lock(_ name: String) throws -> Lock {
        let url = RepositoryPaths.fixtures.appendingPathComponent("locks/\(name)/uv.lock")
        return try Lock(parsing: String(decoding: try Data(contentsOf: url), as: UTF8.self), fileName: "uv.lock")
    }

    func plan(_ name: String, _ selection: LockInstallPlan.Selection, python: String = "3.12.1", platform: String = "linux") throws -> [String] {
        try LockInstallPlan(lock: try lock(name), selection: selection, markers: Self.environment(python: python, platform: platform), tags: Self.tags)
            .items.map { item in
                switch item.artifact {
                case .wheel: "\(item.name)==\(item.version ?? "") wheel"
                case .sdist: "\(item.name)==\(item.version ?? "") sdist"
                case .editable(let path): "\(item.name) editable \(path)"
                case .directory(let path): "\(item.name) directory \(path)"
                case .git(let source): "\(item.name) git \(source.lockText)"
                }
            }
    }

    /// What a sync remembers must not depend on a set's iteration order (seeded per process).
    @Test func selectionStateTextIsCanonical() {
        let one = LockInstallPlan.Selection(extras: .some(["b", "a", "c"]), groups: ["docs", "dev", "test", "lint"])
        let two = LockInstallPlan.Selection(extras: .some(["c", "a", "b"]), groups: ["lint", "test", "dev", "docs"])
        #expect(one.stateText == two.stateText)
        #expect(one.stateText == "projects=|extras=some:a,b,c|groups=dev,docs,lint,test|only-groups=false|install-projects=true")
        #expect(LockInstallPlan.Selection(extras: .all).stateText != LockInstallPlan.Selection().stateText)
    }

    @Test func defaultGroupsAndTheProjectItself() throws {
        #expect(try plan("extras-groups", .init(groups: ["dev"])) == [
            "alpha==1.1 wheel", "beta==2.0 wheel", "epsilon==1.0 wheel", "extras-groups editable .",
        ])
    }

    @Test func extrasActivateTheirEdgesAndTheTargetsExtras() throws {
        // `fast` pulls `alpha[speedups]`, whose `delta` has only a source distribution.
        #expect(try plan("extras-groups", .init(extras: .some(["fast"]))) == [
            "alpha==1.1 wheel", "beta==2.0 wheel", "delta==1.0 sdist", "extras-groups editable .",
        ])
        #expect(try plan("extras-groups", .init(extras: .all, installProjects: false)) == [
            "alpha==1.1 wheel", "beta==2.0 wheel", "delta==1.0 sdist", "eta==1.0 wheel",
        ])
    }

    @Test func onlyGroupsLeaveTheDependenciesOut() throws {
        #expect(try plan("extras-groups", .init(groups: ["dev"], onlyGroups: true, installProjects: false)) == ["epsilon==1.0 wheel"])
    }

    @Test func markersAreEvaluatedForTheEnvironment() throws {
        // A virtual root is not installed; its dependencies are.
        #expect(try plan("markers", .init(), python: "3.12.1", platform: "linux") == ["alpha==1.1 wheel", "beta==2.0 wheel", "gamma==1.0 wheel"])
        #expect(try plan("markers", .init(), python: "3.9.18", platform: "win32") == [
            "alpha==1.1 wheel", "delta==1.0 sdist", "epsilon==1.0 wheel", "gamma==1.0 wheel",
        ])
    }

    @Test func forkedPackagesFollowTheirEdgesVersions() throws {
        let old = try plan("workspace", .init(projects: [PackageName("lib")]), python: "3.11.7")
        let new = try plan("workspace", .init(projects: [PackageName("lib")]), python: "3.12.1")
        #expect(old == ["lib editable packages/lib", "zeta==0.9 wheel"])
        #expect(new == ["lib editable packages/lib", "zeta==1.0 wheel"])
    }

    @Test func workspaceMembersReachedByEdgesAreEditable() throws {
        #expect(try plan("workspace", .init(projects: [PackageName("workspace-root")]), python: "3.12.1") == [
            "alpha==1.1 wheel", "app editable packages/app", "beta==2.0 wheel", "lib editable packages/lib",
            "workspace-root editable .", "zeta==1.0 wheel",
        ])
    }

    @Test func anUnknownExtraIsAnError() throws {
        #expect(throws: LockInstallPlanError.unknownExtra("nope", project: "extras-groups")) {
            try plan("extras-groups", .init(extras: .some(["nope"])))
        }
    }

    @Test func aPackageWithoutAFittingFileIsNamed() throws {
        var lock = try lock("simple-app")
        let index = try #require(lock.packages.firstIndex { $0.name == PackageName("alpha") })
        lock.packages[index].sdist = nil
        lock.packages[index].wheels = lock.packages[index].wheels.map { wheel in
            var wheel = wheel
            wheel.location = .url("https://index.example/files/alpha-1.1-cp27-cp27m-win32.whl")
            return wheel
        }
        #expect(throws: LockInstallPlanError.noCompatibleDistribution(name: "alpha", version: "1.1")) {
            try LockInstallPlan(lock: lock, selection: .init(), markers: Self.environment(python: "3.12.1", platform: "linux"), tags: Self.tags)
        }
    }
}
