import Lockfile
import PEP508
import SuvBasics

/// Small locks written in code for the tree and export tests.
enum SyntheticLock {
    static let index = LockSource.registry("https://index.example/simple/")

    /// A registry package with one wheel (hash from `name`, size 1153 unless given).
    static func package(_ name: String, _ version: String, _ dependencies: [LockEdge] = [], extras: [String: [LockEdge]] = [:],
                        groups: [String: [LockEdge]] = [:], size: UInt64? = 1153, sdist: Bool = false) -> LockedPackage {
        let digest = String(repeating: String(name.first ?? "0"), count: 4)
        return LockedPackage(
            name: PackageName(name), version: version, source: index, dependencies: dependencies,
            sdist: sdist ? LockArtifact(location: .url("https://index.example/files/\(name)-\(version).tar.gz"), hash: "sha256:ff\(digest)") : nil,
            wheels: [LockArtifact(location: .url("https://index.example/files/\(name)-\(version)-py3-none-any.whl"),
                                  hash: "sha256:aa\(digest)", size: size)],
            optionalDependencies: extras.sorted { $0.key < $1.key }.map { NamedEdges($0.key, $0.value) },
            devDependencies: groups.sorted { $0.key < $1.key }.map { NamedEdges($0.key, $0.value) })
    }

    /// The workspace's root project (editable at `.`).
    static func project(_ name: String, _ dependencies: [LockEdge] = [], extras: [String: [LockEdge]] = [:],
                        groups: [String: [LockEdge]] = [:], source: LockSource = .editable(".")) -> LockedPackage {
        LockedPackage(name: PackageName(name), version: "0.1.0", source: source, dependencies: dependencies,
                      optionalDependencies: extras.sorted { $0.key < $1.key }.map { NamedEdges($0.key, $0.value) },
                      devDependencies: groups.sorted { $0.key < $1.key }.map { NamedEdges($0.key, $0.value) })
    }

    static func edge(_ name: String, _ marker: String? = nil, extras: [String] = [], version: String? = nil) -> LockEdge {
        LockEdge(name: PackageName(name), version: version, source: version == nil ? nil : index, extras: extras, marker: marker)
    }

    static func lock(_ packages: [LockedPackage], requiresPython: String = ">=3.9", members: [String] = [],
                     supported: [String] = [], groups: [NamedRequirements] = [], conflicts: [[ConflictItem]] = []) -> Lock {
        Lock(requiresPython: requiresPython, supportedMarkers: supported, conflicts: conflicts,
             manifest: LockManifest(members: members.map(PackageName.init), dependencyGroups: groups),
             packages: packages)
    }

    static func environment(python: String = "3.12.1", platform: String = "linux") -> MarkerEnvironment {
        MarkerEnvironment(
            implementationName: "cpython", implementationVersion: python, osName: platform == "win32" ? "nt" : "posix",
            platformMachine: "x86_64", platformPythonImplementation: "CPython", platformRelease: "6.8.0",
            platformSystem: platform == "win32" ? "Windows" : "Linux", platformVersion: "#1", pythonFullVersion: python,
            pythonVersion: python.split(separator: ".").prefix(2).joined(separator: "."), sysPlatform: platform)
    }
}
