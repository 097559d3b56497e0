import Glibc
import Build
import Cache
import Installer
import PackagingTypes
import PEP440
import PEP508
import Resolution
import SuvBasics

/// A local source tree ready to install: built now, built earlier (the wheel cache), or, for
/// `pip sync`, already installed from the same folder and unchanged since; its name, version
/// and requirements come from the wheel's (or the installed) metadata.
struct BuiltLocalTree: Sendable {
    enum State: Sendable {
        /// Built by this command (uv prints `Building`/`Built` and counts it as prepared).
        case built(UnpackedWheel)
        /// Built before, with the tree's build files unchanged since.
        case cached(UnpackedWheel)
        /// Installed from this folder (the same way) and unchanged since: nothing to do.
        case installed

        /// The wheel to install, unless the tree is installed already.
        var wheel: UnpackedWheel? {
            switch self {
            case .built(let wheel), .cached(let wheel): wheel
            case .installed: nil
            }
        }
    }

    let tree: LocalTreeRequirement
    let name: PackageName
    let version: PEP440.Version
    let state: State
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

/// Readies the local trees a `pip install` or `pip sync` names, before resolving (their
/// metadata comes from the built wheel), as uv does: `pip install` rebuilds a tree that is
/// installed from the same folder; otherwise a wheel built earlier is reused while the tree's
/// `pyproject.toml`, `setup.py` and `setup.cfg` are unchanged; `pip sync` keeps a tree installed
/// the same way and unchanged since.
struct PipLocalBuilder {
    let session: IndexSession
    let environment: PipEnvironment
    let context: CommandContext

    func prepare(_ trees: [LocalTreeRequirement], installed: PipSitePackages, rebuildsInstalled: Bool) async throws -> [BuiltLocalTree] {
        guard !trees.isEmpty else { return [] }
        let builder = SourceBuilder(
            interpreter: environment.interpreter, installer: IndexBuildRequirementsInstaller(session: session),
            scratch: session.cache.bucket(.builds), creator: .init(name: "suv", version: SuvVersion.current),
            environment: context.environment)
        let cache = WheelCache(store: session.cache)
        let builds = LocalTreeWheelCache(store: session.cache)
        var ready: [BuiltLocalTree] = []
        for tree in trees {
            let fromHere = installed.packages.filter { $0.directURL == tree.url }
            if !rebuildsInstalled, fromHere.count == 1, let current = fromHere.first, current.isEditable == tree.editable,
               Self.isUnchanged(current, since: tree), let metadata = current.metadata(), let version = PEP440.Version(current.version) {
                ready.append(BuiltLocalTree(tree: tree, name: current.name, version: version, state: .installed,
                                            requiresDist: metadata.requiresDist, requiresPython: metadata.requiresPython))
                continue
            }
            let state: BuiltLocalTree.State
            if !(rebuildsInstalled && !fromHere.isEmpty), let wheel = builds.cached(tree) {
                state = .cached(try await cache.unpack(wheelPath: wheel))
            } else {
                let stamp = LocalTreeWheelCache.stamp(tree)
                let output = try EnvironmentSync.temporaryFolder(in: session.cache.bucket(.builds))
                defer { _ = DirectoryListing.removeTree(output) }
                let built: String
                do {
                    built = try await builder.build(directory: tree.path, target: tree.editable ? .editable : .wheel, outputDirectory: output)
                } catch {
                    let name = tree.path.split(separator: "/").last.map(String.init) ?? tree.path
                    throw error.context("Failed to build `\(name) @ \(tree.url)`",
                                        hints: ["Build failures usually indicate a problem with the package or the build environment"])
                }
                state = .built(try await cache.unpack(wheelPath: try builds.keep(wheel: built, for: tree, stamp: stamp)))
            }
            guard let wheel = state.wheel else { continue }
            let metadata = try Self.metadata(of: wheel)
            ready.append(BuiltLocalTree(tree: tree, name: metadata.name, version: metadata.version, state: state,
                                        requiresDist: metadata.requiresDist, requiresPython: metadata.requiresPython))
        }
        return ready
    }

    /// Whether an install from the tree is newer than the tree's last change to its build
    /// files.
    static func isUnchanged(_ installed: PipInstalledPackage, since tree: LocalTreeRequirement) -> Bool {
        guard let changed = LocalTreeWheelCache.newestChange(tree) else { return true }
        var status = stat()
        guard stat(installed.distribution.path, &status) == 0 else { return false }
        return (status.st_mtim.tv_sec, status.st_mtim.tv_nsec) >= (changed.tv_sec, changed.tv_nsec)
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
