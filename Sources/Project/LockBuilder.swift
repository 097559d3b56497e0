import Lockfile
import PackagingTypes
import PEP440
import PEP508
import Resolution
import Resolver
import SuvBasics

/// Turns a universal resolution into a `uv.lock` model as uv writes it.
public struct LockBuilder: Sendable {
    public let workspace: WorkspaceInputs
    public let forks: [UniversalResolution.Fork]
    /// Resolver options that differ from uv's defaults (the lock's `[options]`).
    public let options: LockOptions
    private let requiresPythonRanges: VersionRanges
    /// Members and path dependencies by name.
    private let localProjects: [PackageName: ProjectInputs]
    /// Git and direct-URL packages by name.
    private let directDistributions: [PackageName: DirectDistribution]

    /// - Parameter excluded: per seed of the resolution, the conflicting extras and groups its
    ///   forks leave out (``WorkspaceInputs/seeds(environments:)``).
    public init(workspace: WorkspaceInputs, forks: [UniversalResolution.Fork], options: LockOptions = LockOptions(),
                excluded: [Set<ConflictItem>] = []) {
        self.workspace = workspace
        self.forks = forks
        self.options = options
        self.excluded = excluded
        self.requiresPythonRanges = workspace.requiresPython.ranges
        var locals: [PackageName: ProjectInputs] = [:]
        for project in workspace.localProjects where locals[project.name] == nil { locals[project.name] = project }
        self.localProjects = locals
        var direct: [PackageName: DirectDistribution] = [:]
        for distribution in workspace.directDistributions where direct[distribution.name] == nil { direct[distribution.name] = distribution }
        self.directDistributions = direct
        self.reachability = forks.map { $0.graph.reachability() }
        self.packagePositions = forks.map { fork in
            var positions: [PackageName: Int] = [:]
            for (position, package) in fork.graph.packages.enumerated() where positions[package.name] == nil {
                positions[package.name] = position
            }
            return positions
        }
    }

    /// Per fork, where each package name first appears in the fork's package list.
    private let packagePositions: [[PackageName: Int]]
    /// A package's reachability in one fork: the key of the unions ``reachableMarker(of:in:unions:)``
    /// remembers during one ``build()``.
    private struct ReachablePart: Hashable {
        let fork: Int
        let reach: NormalizedMarker
    }

    /// Where `package` is reached across the forks `present`: the union over them of its
    /// reachability within the fork's marker. Most packages of a large universal lock share one
    /// (reached everywhere in every fork), and the union of a dozen fork markers costs a
    /// millisecond to normalize, so `unions` keeps each one computed.
    private func reachableMarker(of package: PackageID, in present: [Int],
                                 unions: inout [[ReachablePart]: NormalizedMarker]) -> NormalizedMarker {
        let key = present.map { ReachablePart(fork: $0, reach: reachability[$0][package] ?? .alwaysFalse) }
        if let known = unions[key] { return known }
        let union = key.map { $0.reach.and(forks[$0.fork].marker) }.reduce(NormalizedMarker.alwaysFalse) { $0.or($1) }
        unions[key] = union
        return union
    }

    /// Per seed, the conflicting extras and groups left out.
    private let excluded: [Set<ConflictItem>]

    /// The forks in which `item` (an extra or group of a member) is resolved.
    private func forks(allowing item: ConflictItem) -> [Int] {
        forks.indices.filter { index in
            let seed = forks[index].seed
            return seed >= excluded.count || !excluded[seed].contains(item)
        }
    }

    /// Per fork, the environments each package is reached in.
    private let reachability: [[PackageID: NormalizedMarker]]

    /// A marker as written on a lock edge or in `resolution-markers`: simplified against
    /// `requires-python`, in uv's spelling; `nil` when always true.
    /// - Parameter reach: where the edge's parent is reached, when that is narrower than every
    ///   environment: values outside it are don't-care (``NormalizedMarker/simplified(within:)``).
    private func lockMarker(_ marker: NormalizedMarker, within python: VersionRanges? = nil, reach: NormalizedMarker? = nil) -> String? {
        var simplified = marker.canonical.simplified(requiresPython: python ?? requiresPythonRanges)
        if let reach { simplified = simplified.simplified(within: reach.canonical.simplified(requiresPython: requiresPythonRanges)) }
        return simplified.withPythonReleasesOnly.uvDescription
    }

    /// The Python versions the given forks cover (within `requires-python`): what an edge of a
    /// package used only in those forks is simplified against.
    private func pythonRange(of forkIndices: [Int]) -> VersionRanges {
        var covered = VersionRanges.empty
        for index in forkIndices {
            for clause in forks[index].marker.clauses {
                if case .versions(let ranges)? = clause.constraints[.python] {
                    covered = covered.union(ranges)
                } else {
                    covered = .full
                }
            }
        }
        return covered.intersection(requiresPythonRanges)
    }

    public func build() -> Lock {
        let memberNames = Set(workspace.members.map(\.name))
        // A version no environment reaches (required under a marker that its dependent's own
        // environments exclude) is left out: uv never resolves it.
        var reachable: [PackageName: Set<Version>] = [:]
        for fork in forks {
            for package in fork.graph.packages where reachable[package.name]?.contains(package.version) != true {
                if memberNames.contains(package.name) || isReachable(package.name, package.version) {
                    reachable[package.name, default: []].insert(package.version)
                }
            }
        }
        var packages: [LockedPackage] = workspace.members.map(memberPackage)
        var seen: Set<String> = []
        var reachableUnions: [[ReachablePart]: NormalizedMarker] = [:]
        for (forkIndex, fork) in forks.enumerated() {
            for package in fork.graph.packages where !memberNames.contains(package.name) && reachable[package.name]?.contains(package.version) == true
                && seen.insert("\(package.name)==\(package.version)").inserted {
                packages.append(lockedPackage(package, firstFork: forkIndex, ambiguous: (reachable[package.name]?.count ?? 0) > 1,
                                              reachableUnions: &reachableUnions))
            }
        }
        packages = Self.droppingEdges(to: reachable, in: packages)
        packages = Self.droppingEmptyExtras(packages)
        return lock(packages)
    }

    /// `previous` (built by ``build()`` from the same forks) with the members' entries, the
    /// manifest and the header drawn anew: the lock ``build()`` gives when only what the
    /// members declare changed, not the resolution (`suv add` writing bounds the locked
    /// versions satisfy), without drawing every package's edges again.
    public func rebuildingMembers(of previous: Lock) -> Lock {
        let memberNames = Set(workspace.members.map(\.name))
        var locked: [PackageName: Set<Version>] = [:]
        for package in previous.packages {
            locked[package.name, default: []].formUnion(package.version.flatMap(Version.init).map { [$0] } ?? [])
        }
        var packages = workspace.members.map(memberPackage)
        packages += previous.packages.filter { !memberNames.contains($0.name) }
        packages = Self.droppingEmptyExtras(Self.droppingEdges(to: locked, in: packages))
        return lock(packages)
    }

    /// A lock of `packages` under the header the workspace and the forks give.
    private func lock(_ packages: [LockedPackage]) -> Lock {
        Lock(
            requiresPython: workspace.lockRequiresPython,
            resolutionMarkers: forks.count > 1 ? Self.unique(forks.compactMap { lockMarker($0.marker) }) : [],
            supportedMarkers: supportedMarkers, requiredMarkers: requiredMarkers, conflicts: workspace.conflicts,
            options: options,
            manifest: declaredManifest,
            packages: packages)
    }

    /// Whether some fork that chose `name` at `version` reaches it in some environment.
    private func isReachable(_ name: PackageName, _ version: Version) -> Bool {
        forks(containing: name, version).contains { index in
            !(reachability[index][PackageID(name)] ?? .alwaysFalse).and(forks[index].marker).isAlwaysFalse
        }
    }

    /// `packages` without edges to versions that are not locked.
    private static func droppingEdges(to locked: [PackageName: Set<Version>], in packages: [LockedPackage]) -> [LockedPackage] {
        let local = Set(packages.filter { if case .registry = $0.source { false } else { true } }.map(\.name))
        func keeps(_ edge: LockEdge) -> Bool {
            if local.contains(edge.name) { return true }
            guard let versions = locked[edge.name] else { return false }
            guard let text = edge.version, let version = Version(text) else { return true }
            return versions.contains(version)
        }
        return packages.map { package in
            var package = package
            package.dependencies = package.dependencies.filter(keeps)
            package.optionalDependencies = package.optionalDependencies.map { NamedEdges($0.name, $0.edges.filter(keeps)) }
            package.devDependencies = package.devDependencies.map { NamedEdges($0.name, $0.edges.filter(keeps)) }
            return package
        }
    }

    /// `strings` without repeats, in first-seen order (forks that differ only in the conflicting
    /// extras they resolve have the same marker).
    private static func unique(_ strings: [String]) -> [String] {
        var seen: Set<String> = []
        return strings.filter { seen.insert($0).inserted }
    }

    /// `tool.uv.environments` as the lock records them (`supported-markers`).
    public var supportedMarkers: [String] { workspace.environments.compactMap(environmentMarker) }

    /// `tool.uv.required-environments` as the lock records them (`required-markers`).
    public var requiredMarkers: [String] { workspace.requiredEnvironments.compactMap(environmentMarker) }

    private func environmentMarker(_ text: String) -> String? {
        guard let tree = try? MarkerTree(parsing: text) else { return nil }
        return lockMarker(NormalizedMarker(tree))
    }

    /// Edges name only extras that add something to their target (as uv writes them): an
    /// extra whose dependencies all fall away in the lock's environments is left out.
    private static func droppingEmptyExtras(_ packages: [LockedPackage]) -> [LockedPackage] {
        var extrasWithEdges: [String: Set<String>] = [:]
        for package in packages {
            extrasWithEdges["\(package.name)==\(package.version ?? "")"] = Set(package.optionalDependencies.map(\.name))
        }
        var versions: [PackageName: [String]] = [:]
        for package in packages { versions[package.name, default: []].append(package.version ?? "") }
        func fixed(_ edge: LockEdge) -> LockEdge {
            guard !edge.extras.isEmpty else { return edge }
            let version = edge.version ?? versions[edge.name]?.first ?? ""
            var edge = edge
            edge.extras = edge.extras.filter { extrasWithEdges["\(edge.name)==\(version)"]?.contains($0) ?? true }
            return edge
        }
        return packages.map { package in
            var package = package
            package.dependencies = package.dependencies.map(fixed)
            package.optionalDependencies = package.optionalDependencies.map { NamedEdges($0.name, $0.edges.map(fixed)) }
            package.devDependencies = package.devDependencies.map { NamedEdges($0.name, $0.edges.map(fixed)) }
            return package
        }
    }

    // MARK: Forks

    /// The forks in which `name` resolved to `version`.
    private func forks(containing name: PackageName, _ version: Version) -> [Int] {
        forks.indices.filter { index in forks[index].graph.packages.contains { $0.name == name && $0.version == version } }
    }

    private func version(of name: PackageName, inFork index: Int) -> ResolutionGraph.Package? {
        packagePositions[index][name].map { forks[index].graph.packages[$0] }
    }

    /// Edges for `requirements` of something present in `parentForks`: one per target version
    /// (a target with several versions gets one edge per version, marked with the forks that
    /// chose it).
    private func edges(_ requirements: [(requirement: Requirement, marker: NormalizedMarker)], parentForks: [Int],
                       reach: NormalizedMarker? = nil) -> [LockEdge] {
        // Edges to the same target (name, version, extras) are one edge whose marker is the
        // union of theirs, as uv merges them.
        struct Target: Hashable {
            let name: PackageName
            let version: Version
            let extras: [String]
        }
        var order: [Target] = []
        var merged: [Target: (source: LockSource?, marker: NormalizedMarker)] = [:]
        for (requirement, marker) in requirements {
            let name = PackageName(requirement.name)
            // The forks holding each version of the target, in fork order.
            var forksByVersion: [Version: [Int]] = [:]
            for index in parentForks {
                guard let target = version(of: name, inFork: index) else { continue }
                forksByVersion[target.version, default: []].append(index)
            }
            // A version counts where the requirement can hold in one of its forks; the package
            // recorded is the one of the last such fork.
            var live: [(version: Version, package: ResolutionGraph.Package, forks: [Int])] = []
            for (version, indices) in forksByVersion {
                guard let last = indices.last(where: { !marker.and(forks[$0].marker).isAlwaysFalse }),
                      let target = self.version(of: name, inFork: last) else { continue }
                live.append((version, target, indices))
            }
            // One version: the edge carries the requirement's own marker, so the union of the
            // forks' markers (a dozen `or`s of normalized markers per edge) is not needed.
            var byVersion: [Version: (package: ResolutionGraph.Package, marker: NormalizedMarker)] = [:]
            for (version, target, indices) in live {
                guard live.count > 1 else {
                    byVersion[version] = (target, marker)
                    continue
                }
                var union = NormalizedMarker.alwaysFalse
                for index in indices {
                    let here = marker.and(forks[index].marker)
                    if here.isAlwaysFalse { continue }
                    union = union.or(here)
                }
                byVersion[version] = (target, union)
            }
            let ambiguous = byVersion.count > 1
            for (version, entry) in byVersion.sorted(by: { $0.key < $1.key }) {
                let target = Target(name: name, version: version, extras: requirement.extras.map(PackageName.normalize).sorted())
                let edgeMarker = ambiguous ? entry.marker : marker
                if let existing = merged[target] {
                    merged[target] = (existing.source, existing.marker.or(edgeMarker))
                } else {
                    order.append(target)
                    merged[target] = (entry.package.file.map { .registry($0.indexURL) }, edgeMarker)
                }
            }
        }
        let context = parentForks.count == forks.count ? requiresPythonRanges : pythonRange(of: parentForks)
        return order.compactMap { target in
            guard let entry = merged[target] else { return nil }
            return LockEdge(name: target.name, version: target.version.description, source: entry.source,
                            extras: target.extras, marker: lockMarker(entry.marker, within: context, reach: reach))
        }
    }

    // MARK: The workspace

    /// The lock's `[manifest]` as the workspace declares it.
    public var declaredManifest: LockManifest {
        LockManifest(
            members: workspace.recordsMembers ? workspace.members.map(\.name) : [],
            requirements: workspace.scriptRequirements.map { lockRequirement($0, sources: [:]) },
            constraints: workspace.constraints.map { lockRequirement($0, sources: [:]) },
            overrides: workspace.overrides.map { lockRequirement($0, sources: [:]) },
            dependencyGroups: workspace.rootDependencyGroups.map { group, requirements in
                NamedRequirements(PackageName.normalize(group), requirements.map { lockRequirement($0, sources: workspace.rootSources) })
            })
    }

    /// Whether `lock` still records what the workspace declares (uv's "up to date" check,
    /// without resolving): the same `requires-python`, options and manifest, every member and
    /// path dependency with the same version, source and metadata, and every edge pointing at
    /// a locked package. uv then keeps the lock as it is.
    public func isSatisfied(by lock: Lock) -> Bool {
        staleness(of: lock) == nil
    }

    /// Why `lock` no longer records what the workspace declares, or `nil` when it still does.
    public func staleness(of lock: Lock) -> String? {
        if lock.requiresPython != workspace.lockRequiresPython { return "requires-python changed" }
        if lock.options != options { return "resolver options changed" }
        if lock.manifest != declaredManifest { return "the manifest changed" }
        if lock.supportedMarkers != supportedMarkers || lock.requiredMarkers != requiredMarkers {
            return "the environments changed"
        }
        if lock.conflicts.map(Set.init) != workspace.conflicts.map(Set.init) { return "the conflicts changed" }
        for (index, project) in workspace.localProjects.enumerated() {
            let entries = lock.packages.filter { $0.name == project.name }
            guard entries.count == 1, let entry = entries.first else {
                // A path dependency no longer reached is caught by the edge check below.
                if index >= workspace.members.count { continue }
                return "`\(project.name)` is not locked"
            }
            if entry.version != project.version { return "the version of `\(project.name)` changed" }
            if entry.source != project.source { return "the source of `\(project.name)` changed" }
            // Dynamic requirements are only known after a build: the lock's are kept.
            if !project.dynamicDependencies, Self.canonicalText(entry.metadata) != Self.canonicalText(metadata(of: project)) {
                return "the requirements of `\(project.name)` changed"
            }
        }
        let locked = Set(lock.packages.map(\.name))
        for package in lock.packages {
            let edges = package.dependencies + package.optionalDependencies.flatMap(\.edges) + package.devDependencies.flatMap(\.edges)
            if let missing = edges.first(where: { !locked.contains($0.name) }) { return "`\(missing.name)` is not locked" }
        }
        return nil
    }

    /// Metadata as the lock writer orders and prints it, for comparing declared and recorded
    /// requirements regardless of their order.
    private static func canonicalText(_ metadata: LockMetadata?) -> String {
        let probe = LockedPackage(name: PackageName("probe"), version: nil, source: .virtual("."), metadata: metadata)
        return Lock(requiresPython: "", packages: [probe]).serialized()
    }

    /// A member: edges for everything it declares (dependencies, every extra, every group),
    /// drawn across all forks.
    private func memberPackage(_ project: ProjectInputs) -> LockedPackage {
        let all = Array(forks.indices)
        func plain(_ requirements: [Requirement]) -> [(requirement: Requirement, marker: NormalizedMarker)] {
            requirements.map { ($0, $0.marker.map { NormalizedMarker($0).assigningExtras([]) } ?? .alwaysTrue) }
        }
        let optional = project.optionalDependencies.compactMap { extra, requirements -> NamedEdges? in
            let name = PackageName.normalize(extra)
            let edges = edges(plain(requirements), parentForks: forks(allowing: ConflictItem(package: project.name, kind: .extra(name))))
            return edges.isEmpty ? nil : NamedEdges(name, edges)
        }
        let groups = project.dependencyGroups.compactMap { group, requirements -> NamedEdges? in
            let name = PackageName.normalize(group)
            let edges = edges(plain(requirements), parentForks: forks(allowing: ConflictItem(package: project.name, kind: .group(name))))
            return edges.isEmpty ? nil : NamedEdges(name, edges)
        }
        return LockedPackage(
            name: project.name, version: project.version, source: project.source,
            dependencies: edges(plain(project.dependencies), parentForks: all),
            optionalDependencies: optional, devDependencies: groups,
            metadata: metadata(of: project))
    }

    /// `[package.metadata]` of a local project: `requires-dist` (extras marked),
    /// `provides-extras`, and every dependency group in `requires-dev`.
    private func metadata(of project: ProjectInputs) -> LockMetadata? {
        var requiresDist = project.dependencies.map { lockRequirement($0, sources: project.sources) }
        for (extra, requirements) in project.optionalDependencies {
            for requirement in requirements {
                var marked = requirement
                let extraMarker = "extra == '\(PackageName.normalize(extra))'"
                let combined = requirement.marker.map { "(\($0)) and \(extraMarker)" } ?? extraMarker
                marked.marker = try? MarkerTree(parsing: combined)
                let entry = lockRequirement(marked, sources: project.sources)
                if !requiresDist.contains(entry) { requiresDist.append(entry) }
            }
        }
        let provides = project.optionalDependencies.isEmpty ? nil : project.optionalDependencies.map { PackageName.normalize($0.extra) }
        let groups = project.dependencyGroups.map { group, requirements in
            NamedRequirements(PackageName.normalize(group), requirements.map { lockRequirement($0, sources: project.sources) })
        }
        let metadata = LockMetadata(requiresDist: requiresDist, providesExtras: provides, requiresDev: groups)
        return metadata.isEmpty ? nil : metadata
    }

    /// A requirement as `[package.metadata]` and `[manifest]` record it: a local source
    /// replaces the specifier.
    private func lockRequirement(_ requirement: Requirement, sources: [PackageName: LockRequirement.Source]) -> LockRequirement {
        let name = PackageName(requirement.name)
        var source = sources[name] ?? .specifier(LockRequirement.lockSpecifier(requirement.specifiers))
        if case .index(let url, _) = source { source = .index(url, specifier: LockRequirement.lockSpecifier(requirement.specifiers)) }
        return LockRequirement(
            name: name,
            extras: requirement.extras.map(PackageName.normalize),
            marker: requirement.marker.flatMap { NormalizedMarker($0).withPythonReleasesOnly.uvDescription },
            source: source)
    }

    // MARK: Registry packages

    private func lockedPackage(_ package: ResolutionGraph.Package, firstFork: Int, ambiguous: Bool,
                               reachableUnions: inout [[ReachablePart]: NormalizedMarker]) -> LockedPackage {
        let present = forks(containing: package.name, package.version)
        let base = PackageID(package.name)
        // The same version has the same requirements in every fork; edges are drawn across
        // all of them so that a target with several versions gets per-fork markers.
        var requirements: [(requirement: Requirement, marker: NormalizedMarker)] = []
        var extraRequirements: [String: [(requirement: Requirement, marker: NormalizedMarker)]] = [:]
        for index in present {
            let graph = forks[index].graph
            for expanded in graph.requirements[base] ?? [] where !requirements.contains(where: { $0 == (expanded.requirement, expanded.marker) }) {
                requirements.append((expanded.requirement, expanded.marker))
            }
            let here = self.version(of: package.name, inFork: index).flatMap { $0.version == package.version ? $0 : nil }
            for extra in here?.extras ?? [] {
                for expanded in graph.requirements[PackageID(package.name, extra: extra)] ?? []
                where !(extraRequirements[extra.description]?.contains(where: { $0 == (expanded.requirement, expanded.marker) }) ?? false) {
                    extraRequirements[extra.description, default: []].append((expanded.requirement, expanded.marker))
                }
            }
        }
        let reachable = reachableMarker(of: base, in: present, unions: &reachableUnions)
        let dependencies = edges(requirements, parentForks: present, reach: reachable)
        var extras: [String: [LockEdge]] = [:]
        for (extra, list) in extraRequirements {
            let drawn = edges(list, parentForks: present, reach: reachable)
            if !drawn.isEmpty { extras[extra] = drawn }
        }
        if let local = localProjects[package.name] {
            return LockedPackage(
                name: package.name, version: local.version, source: local.source,
                dependencies: dependencies,
                optionalDependencies: extras.map { NamedEdges($0.key, $0.value) },
                metadata: metadata(of: local))
        }
        if let direct = directDistributions[package.name] {
            return LockedPackage(
                name: package.name, version: direct.version, source: direct.source,
                resolutionMarkers: ambiguous ? Self.unique(present.compactMap { lockMarker(forks[$0].marker) }) : [],
                dependencies: dependencies, sdist: direct.sdist, wheels: direct.wheels,
                optionalDependencies: extras.map { NamedEdges($0.key, $0.value) })
        }
        let filter = WheelFilter(requiresPython: requiresPythonRanges)
        var sdist: LockArtifact?
        var wheels: [LockArtifact] = []
        for indexed in package.files {
            let file = indexed.file
            let artifact = LockArtifact(
                location: .url(file.url),
                hash: Hash.strongest(file.hashes.map { "\($0.algorithm.name):\($0.value)" }),
                size: file.size,
                uploadTime: file.uploadTime.map(UploadTime.lockValue))
            switch file.distribution {
            case .sdist?: sdist = artifact
            case .wheel(let wheel)?:
                if filter.keeps(wheel, reachable: reachable) { wheels.append(artifact) }
            case nil: continue
            }
        }
        return LockedPackage(
            name: package.name, version: package.version.description,
            source: .registry(package.file?.indexURL ?? package.files.first?.indexURL ?? ""),
            resolutionMarkers: ambiguous ? Self.unique(present.compactMap { lockMarker(forks[$0].marker) }) : [],
            dependencies: dependencies, sdist: sdist, wheels: wheels,
            optionalDependencies: extras.map { NamedEdges($0.key, $0.value) })
    }
}
