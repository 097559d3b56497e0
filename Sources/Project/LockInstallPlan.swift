import Lockfile
import PackagingTypes
import PEP440
import PEP508
import SuvBasics

/// What `suv sync` installs from a lock for one environment: the workspace projects asked for,
/// followed through every edge whose marker holds there (with the extras the edge activates),
/// each package with the file to install, as uv's install target walks a lock.
public struct LockInstallPlan: Sendable {
    /// One distribution to have in the environment.
    public struct Item: Sendable, Equatable {
        public enum Artifact: Sendable, Equatable {
            /// The compatible wheel with the best tag.
            case wheel(LockArtifact)
            /// No wheel fits; the source distribution must be built.
            case sdist(LockArtifact)
            /// A local source tree installed editable (workspace members, `editable` sources).
            case editable(path: String)
            /// A local source tree built and installed (`directory` sources).
            case directory(path: String)
            /// A commit of a Git repository, built and installed.
            case git(GitSourceURL)
        }

        public let name: PackageName
        public let version: String?
        public let source: LockSource
        public let artifact: Artifact
    }

    /// In the lock's package order (by name, then version).
    public let items: [Item]

    /// Which of the lock's projects, extras and groups to install.
    public struct Selection: Sendable {
        /// The workspace projects to start from (their own entries and dependencies); empty:
        /// every member.
        public var projects: [PackageName]
        /// Extras of those projects (`--extra`), or all of them (`--all-extras`).
        public var extras: ExtrasSelection
        /// Dependency groups of those projects (`--group`, `default-groups`, `--no-dev`…).
        public var groups: Set<String>
        /// Leave out the projects' own dependencies (`--only-dev`, `--only-group`).
        public var onlyGroups: Bool
        /// Do not install the starting projects themselves (`--no-install-project`).
        public var installProjects: Bool

        public enum ExtrasSelection: Sendable, Equatable {
            case some(Set<String>)
            case all
            /// Every extra but these (`--all-extras --no-extra x`).
            case allExcept(Set<String>)
        }

        public init(projects: [PackageName] = [], extras: ExtrasSelection = .some([]), groups: Set<String> = [],
                    onlyGroups: Bool = false, installProjects: Bool = true) {
            self.projects = projects
            self.extras = extras
            self.groups = groups
            self.onlyGroups = onlyGroups
            self.installProjects = installProjects
        }

        /// A canonical text of the selection (sets sorted), for remembering what a sync
        /// installed: the same selection reads the same in every process.
        public var stateText: String {
            let extrasText: String
            switch extras {
            case .some(let names): extrasText = "some:" + names.sorted().joined(separator: ",")
            case .all: extrasText = "all"
            case .allExcept(let names): extrasText = "all-except:" + names.sorted().joined(separator: ",")
            }
            return "projects=" + projects.map(\.normalized).joined(separator: ",") + "|extras=" + extrasText
                + "|groups=" + groups.sorted().joined(separator: ",") + "|only-groups=\(onlyGroups)|install-projects=\(installProjects)"
        }
    }

    /// Walks `lock` for the environment `markers` (and its wheel `tags`).
    public init(lock: Lock, selection: Selection, markers: MarkerEnvironment, tags: SupportedTags) throws(LockInstallPlanError) {
        var byName: [PackageName: [LockedPackage]] = [:]
        for package in lock.packages { byName[package.name, default: []].append(package) }
        let starts: [LockedPackage]
        if selection.projects.isEmpty {
            starts = lock.packages.filter { package in
                switch package.source {
                case .editable, .virtual, .directory: lock.manifest.members.isEmpty ? package.source.value == "." : lock.manifest.members.contains(package.name)
                default: false
                }
            }
        } else {
            starts = try selection.projects.map { name throws(LockInstallPlanError) in
                guard let package = byName[name]?.first else { throw .unknownProject(name.description) }
                return package
            }
        }
        for start in starts {
            let declared = Set(start.optionalDependencies.map(\.name)).union(start.metadata?.providesExtras ?? [])
            if case .some(let extras) = selection.extras {
                for extra in extras.sorted() where !declared.contains(PackageName.normalize(extra)) {
                    throw .unknownExtra(extra, project: start.name.description)
                }
            }
        }

        // Keys are "name==version|source" so forked packages stay apart.
        func key(_ package: LockedPackage) -> String { "\(package.name)==\(package.version ?? "")|\(package.source.key):\(package.source.value)" }
        var chosen: [String: LockedPackage] = [:]
        var activatedExtras: [String: Set<String>] = [:]
        var queue: [(package: LockedPackage, extras: Set<String>)] = []
        let startKeys = Set(starts.map(key))

        func evaluate(_ marker: String?) throws(LockInstallPlanError) -> Bool {
            guard let marker else { return true }
            do {
                return try MarkerTree(parsing: marker).evaluate(markers)
            } catch {
                throw .invalidMarker(marker)
            }
        }

        func target(of edge: LockEdge) throws(LockInstallPlanError) -> LockedPackage {
            let candidates = byName[edge.name] ?? []
            let matching = candidates.filter { package in
                (edge.version == nil || package.version == edge.version) && (edge.source == nil || package.source == edge.source)
            }
            guard let package = matching.first ?? (candidates.count == 1 ? candidates.first : nil) else {
                throw .missingPackage(edge.name.description)
            }
            return package
        }

        func visit(_ edges: [LockEdge]) throws(LockInstallPlanError) {
            for edge in edges where try evaluate(edge.marker) {
                queue.append((try target(of: edge), Set(edge.extras)))
            }
        }

        for start in starts {
            chosen[key(start)] = start
            if !selection.onlyGroups {
                try visit(start.dependencies)
                let extras: [NamedEdges]
                switch selection.extras {
                case .all: extras = start.optionalDependencies
                case .allExcept(let names): extras = start.optionalDependencies.filter { !names.contains($0.name) }
                case .some(let names):
                    let wanted = Set(names.map(PackageName.normalize))
                    extras = start.optionalDependencies.filter { wanted.contains($0.name) }
                }
                for extra in extras { try visit(extra.edges) }
            }
            let groups = Set(selection.groups.map(PackageName.normalize))
            for group in start.devDependencies where groups.contains(group.name) { try visit(group.edges) }
        }
        // A script's lock has no project: its requirements are the roots.
        if starts.isEmpty, selection.projects.isEmpty {
            for requirement in lock.manifest.requirements where try evaluate(requirement.marker) {
                let candidates = byName[requirement.name] ?? []
                var forked: LockedPackage?
                for package in candidates where forked == nil {
                    if package.resolutionMarkers.isEmpty { forked = package; break }
                    for marker in package.resolutionMarkers where try evaluate(marker) { forked = package; break }
                }
                guard let package = forked ?? candidates.first else { throw .missingPackage(requirement.name.description) }
                queue.append((package, Set(requirement.extras)))
            }
        }
        while let (package, extras) = queue.popLast() {
            let id = key(package)
            let known = activatedExtras[id] ?? []
            let newExtras = extras.subtracting(known)
            if chosen[id] != nil && newExtras.isEmpty { continue }
            let firstVisit = chosen[id] == nil
            chosen[id] = package
            activatedExtras[id] = known.union(extras)
            if firstVisit { try visit(package.dependencies) }
            for extra in package.optionalDependencies where newExtras.contains(extra.name) { try visit(extra.edges) }
        }

        var items: [Item] = []
        for package in lock.packages where chosen[key(package)] != nil {
            if startKeys.contains(key(package)) && !selection.installProjects { continue }
            let artifact: Item.Artifact
            switch package.source {
            case .virtual: continue
            case .editable(let path): artifact = .editable(path: path)
            case .directory(let path): artifact = .directory(path: path)
            case .git(let text):
                guard let git = GitSourceURL(lockText: text), git.commit != nil else { throw .invalidGitSource(text) }
                artifact = .git(git)
            default:
                artifact = try Self.artifact(for: package, tags: tags)
            }
            items.append(Item(name: package.name, version: package.version, source: package.source, artifact: artifact))
        }
        self.items = items
    }

    /// The wheel whose best tag ranks highest for the environment, else the sdist.
    static func artifact(for package: LockedPackage, tags: SupportedTags) throws(LockInstallPlanError) -> Item.Artifact {
        var best: (artifact: LockArtifact, rank: Int)?
        for wheel in package.wheels {
            guard let rank = bestRank(ofWheel: wheel.filename, tags: tags) else { continue }
            if best.map({ rank < $0.rank }) ?? true { best = (wheel, rank) }
        }
        if let best { return .wheel(best.artifact) }
        if var sdist = package.sdist {
            // The sdist of a URL source is the source itself (`sdist = { hash = … }`).
            if sdist.location == .none, case .url(let url, _) = package.source { sdist.location = .url(url) }
            if sdist.location == .none, case .path(let path) = package.source { sdist.location = .path(path) }
            return .sdist(sdist)
        }
        throw .noCompatibleDistribution(name: package.name.description, version: package.version ?? "")
    }
}

extension LockInstallPlan {
    /// The best rank of a wheel's tags for the environment, from its file name's last three
    /// parts (`py3-none-any.whl`), without parsing the rest: a lock lists every platform's
    /// wheels and a sync looks at all of them.
    static func bestRank(ofWheel filename: String, tags: SupportedTags) -> Int? {
        guard filename.hasSuffix(".whl") else { return nil }
        // The last three `-`-separated parts, found from the end without splitting the name.
        let stem = filename.dropLast(4)
        guard let platformDash = stem.lastIndex(of: "-"),
              let abiDash = stem[..<platformDash].lastIndex(of: "-"),
              let interpreterDash = stem[..<abiDash].lastIndex(of: "-"),
              stem[..<interpreterDash].contains("-")
        else { return nil }
        let interpreterPart = stem[stem.index(after: interpreterDash)..<abiDash]
        let abiPart = stem[stem.index(after: abiDash)..<platformDash]
        let platformPart = stem[stem.index(after: platformDash)...]
        // Most wheels of a lock are for other interpreters, ABIs or platforms: answered without
        // building their tags.
        guard anyComponent(of: interpreterPart, in: tags.interpreters), anyComponent(of: abiPart, in: tags.abis),
              anyComponent(of: platformPart, in: tags.platforms)
        else { return nil }
        let interpreters = interpreterPart.split(separator: ".", omittingEmptySubsequences: false)
        let abis = abiPart.split(separator: ".", omittingEmptySubsequences: false)
        let platforms = platformPart.split(separator: ".", omittingEmptySubsequences: false)
        var candidates: [WheelTag] = []
        candidates.reserveCapacity(interpreters.count * abis.count * platforms.count)
        for interpreter in interpreters {
            for abi in abis {
                for platform in platforms {
                    candidates.append(WheelTag(interpreter: String(interpreter), abi: String(abi), platform: String(platform)))
                }
            }
        }
        return tags.bestMatch(among: candidates)?.rank
    }

    /// Whether a `.`-separated component of `part` is in `set` (without building an array).
    static func anyComponent(of part: Substring, in set: Set<String>) -> Bool {
        var start = part.startIndex
        while true {
            let end = part[start...].firstIndex(of: ".") ?? part.endIndex
            if set.contains(String(part[start..<end])) { return true }
            guard end < part.endIndex else { return false }
            start = part.index(after: end)
        }
    }
}

/// Why a lock cannot be installed into an environment.
public enum LockInstallPlanError: SuvError, Equatable {
    case unknownProject(String)
    case unknownExtra(String, project: String)
    case missingPackage(String)
    case invalidMarker(String)
    case noCompatibleDistribution(name: String, version: String)
    case invalidGitSource(String)

    public var message: String {
        switch self {
        case .unknownProject(let name): "Package `\(name)` not found in workspace"
        case .unknownExtra(let extra, let project): "Extra `\(extra)` is not defined in the project's `optional-dependencies` table (project: `\(project)`)"
        case .missingPackage(let name): "The lockfile is missing `\(name)`, which an edge points to; run `suv lock`"
        case .invalidMarker(let marker): "Invalid marker in the lockfile: `\(marker)`"
        case .noCompatibleDistribution(let name, let version):
            "Distribution `\(name)==\(version)` can't be installed because it doesn't have a source distribution or wheel for the current platform"
        case .invalidGitSource(let text): "Invalid Git source in the lockfile (no commit): `\(text)`"
        }
    }

    public var kind: ErrorKind { .failure }
}
