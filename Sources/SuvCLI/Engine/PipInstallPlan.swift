import PEP440
import Resolution
import SuvBasics

/// What a `pip install` or `pip sync` changes, from a resolution and what is installed, as uv's
/// planner decides it: a resolved package already installed once at the resolved version stays
/// (whatever installed it, as uv's pip interface accepts), unless it is to be reinstalled; local
/// trees are always rebuilt and reinstalled; with `exact`, everything the resolution does not
/// name goes.
struct PipInstallPlan: Sendable {
    /// One distribution to install.
    struct Item: Sendable {
        enum Source: Sendable {
            /// A file from an index (a wheel, or a source distribution to build).
            case index(IndexedFile)
            /// A local tree, already built.
            case local(BuiltLocalTree)
        }

        let name: PackageName
        let version: PEP440.Version
        let source: Source
        /// Whether it must be fetched again even when cached (`--reinstall`).
        let refresh: Bool

        /// `==1.0`, or `==0.1.0 (from file:///…)`: the change-list suffix.
        var changeSuffix: String {
            switch source {
            case .index: "==\(version)"
            case .local(let built): "==\(version) (from \(built.tree.url))"
            }
        }
    }

    /// Which packages to reinstall: all, or some by name.
    enum Reinstall: Sendable {
        case all
        case packages(Set<PackageName>)

        func contains(_ name: PackageName) -> Bool {
            switch self {
            case .all: true
            case .packages(let names): names.contains(name)
            }
        }

        var isEmpty: Bool {
            if case .packages(let names) = self { return names.isEmpty }
            return false
        }
    }

    /// To install, by name.
    var installs: [Item] = []
    /// To remove first: replaced versions, reinstalls and (with `exact`) extraneous packages.
    var removals: [PipInstalledPackage] = []
    /// How many packages the resolution has.
    var resolved = 0

    var isEmpty: Bool { installs.isEmpty && removals.isEmpty }

    /// `refresh`: the packages whose cached files must be fetched again (uv revalidates what
    /// `--reinstall`, `--upgrade` and `--refresh` name, and counts it as prepared).
    ///
    /// With `exact`, `pip`, `setuptools`, `wheel` and `uv` stay when `keepsSeeds` (uv keeps
    /// them unless it made the environment without seeding it).
    init(graph: ResolutionGraph, locals: [BuiltLocalTree], installed: PipSitePackages, reinstall: Reinstall,
         refresh: Reinstall, exact: Bool, keepsSeeds: Bool = true) throws {
        var localsByName: [PackageName: BuiltLocalTree] = [:]
        for built in locals { localsByName[built.name] = built }
        resolved = graph.packages.count
        var named: Set<PackageName> = []
        for package in graph.packages {
            named.insert(package.name)
            let existing = installed.named(package.name)
            let source: Item.Source
            if let local = localsByName[package.name] {
                if case .installed = local.state { continue }
                source = .local(local)
            } else if let file = package.file {
                source = .index(file)
                if existing.count == 1, let current = existing.first, !current.distribution.isBroken,
                   PEP440.Version(current.version) == package.version, !reinstall.contains(package.name) {
                    continue
                }
            } else {
                throw PipPlanError.noDistribution(name: package.name.description, version: package.version.description)
            }
            removals += existing
            installs.append(Item(name: package.name, version: package.version, source: source,
                                 refresh: refresh.contains(package.name)))
        }
        if exact {
            let seeds = keepsSeeds ? Set(["pip", "setuptools", "wheel", "uv"].map(PackageName.init)) : []
            removals += installed.packages.filter { !named.contains($0.name) && !seeds.contains($0.name) }
        }
    }
}

/// A resolved package suv has nothing to install from.
enum PipPlanError: SuvError, Equatable {
    case noDistribution(name: String, version: String)

    var message: String {
        switch self {
        case .noDistribution(let name, let version):
            "Distribution `\(name)==\(version)` can't be installed because it doesn't have a source distribution or wheel for the current platform"
        }
    }

    var kind: ErrorKind { .failure }
}
