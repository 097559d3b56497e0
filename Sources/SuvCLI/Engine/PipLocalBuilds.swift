import Build
import Cache
import Installer
import PackagingTypes
import PEP440
import PEP508
import Resolution
import SuvBasics

/// A local source tree built into a wheel (editable or not) and unpacked into the wheel cache:
/// its name, version and requirements come from the built wheel's `METADATA`.
struct BuiltLocalTree: Sendable {
    let tree: LocalTreeRequirement
    let name: PackageName
    let version: PEP440.Version
    let wheel: UnpackedWheel
    let requiresDist: [Requirement]
    let requiresPython: VersionSpecifiers?

    /// `proj @ file:///…`, as uv's `Building` lines name it.
    var label: String { "\(name) @ \(tree.url)" }

    /// What the resolver takes instead of asking an index.
    var localDistribution: LocalDistribution {
        LocalDistribution(version: version, requiresDist: requiresDist, requiresPython: requiresPython)
    }

    /// The root requirement that brings it into the resolution (with its extras).
    var requirement: Requirement {
        Requirement(name: name.description, extras: tree.extras, specifiers: VersionSpecifiers([]), url: nil, marker: nil)
    }

    /// `direct_url.json` for the install.
    var directURL: DirectURL { DirectURL(url: tree.url, kind: .directory(editable: tree.editable)) }
}

/// Builds the local trees a `pip install` names, before resolving: their metadata is only
/// known once built (uv reads it from the backend too), and the wheel is what gets installed.
struct PipLocalBuilder {
    let session: IndexSession
    let environment: PipEnvironment
    let context: CommandContext

    func build(_ trees: [LocalTreeRequirement]) async throws -> [BuiltLocalTree] {
        guard !trees.isEmpty else { return [] }
        let builder = SourceBuilder(
            interpreter: environment.interpreter, installer: IndexBuildRequirementsInstaller(session: session),
            scratch: session.cache.bucket(.builds), creator: .init(name: "suv", version: SuvVersion.current),
            environment: context.environment)
        let cache = WheelCache(store: session.cache)
        var built: [BuiltLocalTree] = []
        for tree in trees {
            let output = try EnvironmentSync.temporaryFolder(in: session.cache.bucket(.builds))
            defer { _ = DirectoryListing.removeTree(output) }
            let wheelPath: String
            do {
                wheelPath = try await builder.build(directory: tree.path, target: tree.editable ? .editable : .wheel, outputDirectory: output)
            } catch {
                let name = tree.path.split(separator: "/").last.map(String.init) ?? tree.path
                throw error.context("Failed to build `\(name) @ \(tree.url)`",
                                    hints: ["Build failures usually indicate a problem with the package or the build environment"])
            }
            let wheel = try await cache.unpack(wheelPath: wheelPath)
            let metadata = try Self.metadata(of: wheel)
            built.append(BuiltLocalTree(
                tree: tree, name: metadata.name, version: metadata.version, wheel: wheel,
                requiresDist: metadata.requiresDist, requiresPython: metadata.requiresPython))
        }
        return built
    }

    /// The `METADATA` of an unpacked wheel's `.dist-info`.
    static func metadata(of wheel: UnpackedWheel) throws -> CoreMetadata {
        for entry in (DirectoryListing.names(wheel.path) ?? []).sorted() where entry.hasSuffix(".dist-info") {
            if let bytes = try FileContents.contents(of: wheel.path + "/" + entry + "/METADATA") {
                return try CoreMetadata(parsing: bytes)
            }
        }
        throw SyncError.io(path: wheel.path + "/*.dist-info/METADATA", errno: 2)
    }
}
