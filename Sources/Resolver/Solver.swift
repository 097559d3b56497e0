import PEP440
import SuvBasics

/// PubGrub version solving: finds one version per required package such that every dependency
/// holds, or proves that none exists.
///
/// The loop alternates two steps until every required package has a version:
///
/// 1. **Unit propagation.** An incompatibility whose terms are all satisfied but one forces the
///    negation of that term. When one is fully satisfied (a conflict), *conflict resolution*
///    combines it with the incompatibilities that caused its terms until it finds a learned
///    incompatibility that would have prevented the conflict, backjumps to the decision level
///    where that one becomes almost satisfied, and records it so the mistake is never repeated.
///    Resolving down to `{root}` means there is no solution.
/// 2. **Decision making.** Pick the undecided package with the highest priority (uv's order, see
///    ``PackagePriorities``), then its preferred version if it is still allowed, otherwise the
///    provider's choice within the allowed range; record the version's dependencies as
///    incompatibilities, and decide it unless that would immediately conflict.
///
/// Packages that keep conflicting are reprioritized as uv does: after five conflicts a package
/// whose versions were rejected is decided earlier, and one whose versions caused rejections is
/// decided later (and its decision undone).
///
/// The solver is deterministic and sequential; all I/O is behind ``DependencyProvider``, which
/// is told after each propagation which packages are still open so it can fetch ahead.
public struct Solver<Provider: DependencyProvider>: Sendable {
    public let provider: Provider
    /// Versions to try first when they are allowed (from a lockfile or installed packages).
    public let preferences: [PackageID: Version]

    public init(provider: Provider, preferences: [PackageID: Version] = [:]) {
        self.provider = provider
        self.preferences = preferences
    }

    /// Resolves `requirements` (the root's dependencies, in order) to one version per package.
    /// The root is not in the result.
    ///
    /// Throws ``ResolverError/noSolution(_:)`` when the requirements are unsatisfiable, and
    /// rethrows the provider's errors.
    public func solve(_ requirements: [Dependency]) async throws -> [PackageID: Version] {
        var state = SolverState(requirements: requirements, preferences: preferences)
        state.add(Incompatibility([Term(.root, .full, isPositive: false)], cause: .root))
        var next = PackageID.root
        // What each package was last prefetched for: a hint goes out again only when its range
        // changed.
        var prefetched: [PackageID: VersionRanges] = [:]
        while true {
            try Task.checkCancellation()
            try state.propagate(from: next)
            // Only terms that changed can need a new hint.
            for package in state.takeChangedPackages() {
                guard let term = state.solution.accumulated[package], term.isPositive, state.solution.decisions[package] == nil,
                      prefetched[package] != term.ranges else { continue }
                prefetched[package] = term.ranges
                provider.prefetch(package, in: term.ranges)
            }
            state.reprioritizeConflicts()
            guard let package = state.highestPriorityUndecided() else { break }
            next = package
            try await state.makeDecision(package, provider: provider)
        }
        var result = state.solution.decisions
        result[.root] = nil
        return result
    }

    /// Resolves requirements given as a dictionary, taken in package order.
    public func solve(_ requirements: [PackageID: VersionRanges]) async throws -> [PackageID: Version] {
        try await solve(requirements.sorted { $0.key < $1.key }.map { Dependency($0.key, $0.value) })
    }
}

/// The mutable state of one ``Solver/solve(_:)`` call.
struct SolverState: Sendable {
    /// After this many conflicts a package is reprioritized (uv's threshold).
    static let conflictThreshold = 5

    let requirements: [Dependency]
    let preferences: [PackageID: Version]
    /// Every incompatibility, external or derived: the arena of the derivation graph.
    private(set) var incompatibilities: [Incompatibility] = []
    /// The incompatibilities that propagation consults, per package they mention.
    private var byPackage: [PackageID: [IncompatibilityID]] = [:]
    private(set) var solution = PartialSolution()

    /// See ``PartialSolution/takeChanged()``.
    mutating func takeChangedPackages() -> [PackageID] {
        solution.takeChanged()
    }
    private var versionCache: [PackageID: [Version]] = [:]
    /// ``versionCache``'s lists in ascending order, made on first need (``gapRange``).
    private var sortedVersionCache: [PackageID: [Version]] = [:]
    private var priorities = PackagePriorities()
    /// The package decided (or attempted) last.
    private var next = PackageID.root
    private var affectedCounts: [PackageID: Int] = [:]
    private var culpritCounts: [PackageID: Int] = [:]
    private var toPrioritize: [PackageID] = []
    private var toDeprioritize: [PackageID] = []
    /// Dependency incompatibilities per (depender, dependency), for merging.
    private var mergedDependencies: [DependencyKey: [IncompatibilityID]] = [:]

    private struct DependencyKey: Hashable {
        let depender: PackageID
        let dependency: PackageID
    }

    init(requirements: [Dependency], preferences: [PackageID: Version]) {
        self.requirements = requirements
        self.preferences = preferences
    }

    // MARK: Incompatibilities

    /// Stores an incompatibility in the arena without making propagation see it.
    private mutating func store(_ incompatibility: Incompatibility) -> IncompatibilityID {
        incompatibilities.append(incompatibility)
        return incompatibilities.count - 1
    }

    private mutating func index(_ id: IncompatibilityID) {
        for term in incompatibilities[id].terms { byPackage[term.package, default: []].append(id) }
    }

    @discardableResult
    mutating func add(_ incompatibility: Incompatibility) -> IncompatibilityID {
        let id = store(incompatibility)
        index(id)
        return id
    }

    /// Adds "`package` in `versions` depends on `dependency`", merged as PubGrub-rs merges them:
    /// when an earlier incompatibility says the same package depends on the same dependency
    /// range, the two become one over the union of the depender's versions (which is how
    /// explanations come to say "all versions of a depend on b"). The earlier one stops
    /// taking part in propagation.
    @discardableResult
    mutating func addDependency(_ package: PackageID, _ versions: VersionRanges, _ dependency: Dependency) -> IncompatibilityID {
        let key = DependencyKey(depender: package, dependency: dependency.package)
        let fresh = Incompatibility([Term(package, versions), Term(dependency.package, dependency.ranges, isPositive: false)],
                                    cause: .dependency)
        for (position, past) in (mergedDependencies[key] ?? []).enumerated() {
            let earlier = incompatibilities[past]
            guard earlier.terms.count == 2, earlier.terms[1] == fresh.terms[1] else { continue }
            let union = earlier.terms[0].ranges.union(versions)
            let merged = store(Incompatibility([Term(package, union), fresh.terms[1]], cause: .dependency))
            for term in earlier.terms { byPackage[term.package]?.removeAll { $0 == past } }
            mergedDependencies[key]?[position] = merged
            index(merged)
            return merged
        }
        let id = store(fresh)
        mergedDependencies[key, default: []].append(id)
        index(id)
        return id
    }

    // MARK: Unit propagation

    mutating func propagate(from package: PackageID) throws(ResolverError) {
        var changed: [PackageID] = [package]
        while let current = changed.popLast() {
            for id in (byPackage[current] ?? []).reversed() {
                switch solution.relation(to: incompatibilities[id]) {
                case .satisfied:
                    let learned = try resolveConflict(id)
                    guard case .almostSatisfied(let term) = solution.relation(to: incompatibilities[learned]) else {
                        throw .invariantViolated("a learned incompatibility is not almost satisfied after backjumping")
                    }
                    solution.derive(term.negated, cause: learned)
                    recordConflict(affected: term.package, learned)
                    changed = [term.package]
                case .almostSatisfied(let term):
                    solution.derive(term.negated, cause: id)
                    changed.append(term.package)
                    continue
                case .contradicted, .inconclusive:
                    continue
                }
                break
            }
        }
    }

    // MARK: Conflict resolution

    /// Derives from the satisfied incompatibility `conflict` one that forces progress after a
    /// backjump, and performs the backjump; throws when the derivation reaches `{root}`.
    private mutating func resolveConflict(_ conflict: IncompatibilityID) throws(ResolverError) -> IncompatibilityID {
        var current = conflict
        var isNew = false
        while !incompatibilities[current].isFailure {
            var satisfiers: [(term: Term, index: Int)] = []
            for term in incompatibilities[current].terms {
                guard let index = solution.satisfierIndex(of: term) else {
                    throw .invariantViolated("a term of a conflict has no satisfier")
                }
                satisfiers.append((term, index))
            }
            guard let recent = satisfiers.max(by: { $0.index < $1.index }) else {
                throw .invariantViolated("a conflict without terms")
            }
            let recentTerm: Term? = recent.term
            let recentIndex = recent.index
            // As PubGrub-rs finds it: the level of the latest satisfier of any other term, and
            // of the earliest assignment that, together with the satisfier's own term, already
            // satisfies the recent term.
            var previousLevel = 1
            for other in satisfiers where other.index != recentIndex {
                previousLevel = max(previousLevel, solution.assignments[other.index].decisionLevel)
            }
            previousLevel = max(previousLevel, solution.previousSatisfierLevel(of: recent.term, satisfier: recentIndex))
            let rest = solution.assignments[recentIndex].term.difference(recent.term)
            let difference: Term? = rest.isEmpty ? nil : rest
            guard let term = recentTerm else { throw .invariantViolated("a conflict without terms") }
            let satisfier = solution.assignments[recentIndex]
            guard let cause = satisfier.cause, previousLevel >= satisfier.decisionLevel else {
                solution.backtrack(to: previousLevel)
                if isNew { index(current) }
                return current
            }
            var terms = incompatibilities[current].terms.filter { $0 != term }
            terms += incompatibilities[cause].terms.filter { $0.package != satisfier.term.package }
            if let difference { terms.append(difference.negated) }
            current = store(Incompatibility(terms, cause: .conflict(current, cause)))
            isNew = true
        }
        throw .noSolution(ResolutionFailure(incompatibilities: incompatibilities, root: current, knownVersions: versionCache))
    }

    // MARK: Decision making

    /// The undecided package to decide next, or `nil` when every required package has a version.
    func highestPriorityUndecided() -> PackageID? {
        var best: (package: PackageID, key: (PackagePriorities.Priority, Int))?
        // Equal keys go to the smaller package, as if the terms were visited in name order.
        solution.forEachUndecided { term in
            let key = priorities.key(term.package)
            if let current = best {
                if key < current.key { return }
                if !(current.key < key), !(term.package < current.package) { return }
            }
            best = (term.package, key)
        }
        return best?.package
    }

    /// Chooses a version of `package` and records its dependencies; decides it unless that
    /// would immediately conflict. Without a usable version, records why.
    mutating func makeDecision(_ package: PackageID, provider: some DependencyProvider) async throws {
        next = package
        guard let term = solution.accumulated[package] else { return }
        if !package.isRoot { _ = try await versions(of: package, provider: provider) }
        let choice: VersionChoice
        if package.isRoot {
            choice = .candidate(.root)
        } else if let preferred = preferences[package], term.ranges.contains(preferred),
                  try await isKnown(preferred, of: package, provider: provider) {
            choice = .candidate(preferred)
        } else {
            choice = try await provider.chooseVersion(for: package, in: term.ranges)
        }
        let version: Version
        switch choice {
        case .none:
            add(Incompatibility([term], cause: .noVersions))
            return
        case .packageUnavailable(let reason):
            add(Incompatibility([term], cause: .unavailable(reason)))
            return
        case .unavailable(let rejected, let reason):
            let pin = try await exactPin(package, rejected, provider: provider)
            add(Incompatibility([Term(package, pin)], cause: .unavailable(reason)))
            return
        case .candidate(let chosen):
            version = chosen
        }
        let pin = package.isRoot ? VersionRanges.full : try await gapRange(package, version, provider: provider)
        let dependencies: Dependencies = package.isRoot
            ? .available(requirements)
            : try await provider.dependencies(of: package, version: version)
        switch dependencies {
        case .unavailable(let reason):
            add(Incompatibility([Term(package, try await exactPin(package, version, provider: provider))], cause: .unavailable(reason)))
        case .available(let dependencies):
            var conflict: IncompatibilityID?
            for dependency in dependencies where dependency.package != package {
                priorities.insert(dependency.package, dependency.ranges)
                // A dependency on Python marks this one version as unusable (uv 0.13 does not
                // widen it to the gap around the version).
                let range = dependency.package.isPython ? try await exactPin(package, version, provider: provider) : pin
                let id = addDependency(package, range, dependency)
                if conflict == nil, incompatibilities[id].terms.allSatisfy({ term in
                    term.package == package || solution.accumulated[term.package].map(term.isSatisfied(by:)) == true
                }) {
                    conflict = id
                }
            }
            if let conflict {
                recordConflict(affected: package, conflict)
            } else {
                solution.decide(package, version)
            }
        }
    }

    // MARK: Conflict tracking

    /// Counts a conflict: the other packages of `incompatibility` were its culprits, and the
    /// package decided last was affected (as uv counts them).
    private mutating func recordConflict(affected: PackageID, _ incompatibility: IncompatibilityID) {
        var culpritIsReal = false
        for term in incompatibilities[incompatibility].terms
        where term.package != affected && (term.package.isRoot || term.package.name != affected.name) {
            culpritIsReal = true
            culpritCounts[term.package, default: 0] += 1
            if culpritCounts[term.package] == Self.conflictThreshold { toDeprioritize.append(term.package) }
        }
        guard culpritIsReal else { return }
        affectedCounts[next, default: 0] += 1
        if affectedCounts[next] == Self.conflictThreshold { toPrioritize.append(next) }
    }

    /// Applies the reprioritizations earned by recent conflicts; a package moved late has its
    /// decision undone.
    mutating func reprioritizeConflicts() {
        for package in toPrioritize where !package.isRoot {
            _ = priorities.markConflictEarly(package)
        }
        toPrioritize = []
        for package in toDeprioritize where !package.isRoot {
            if priorities.markConflictLate(package), let level = solution.decisionLevel(of: package) {
                solution.backtrack(to: level - 1)
            }
        }
        toDeprioritize = []
    }

    private mutating func versions(of package: PackageID, provider: some DependencyProvider) async throws -> [Version] {
        if package.isRoot { return [.root] }
        if let cached = versionCache[package] { return cached }
        let versions = try await provider.versions(of: package)
        versionCache[package] = versions
        return versions
    }

    /// The range a dependency incompatibility names for `version`: the gap between its
    /// neighbours among the known versions, as uv widens it, so that a run of versions with the
    /// same dependency makes one contiguous range (and explanations read `a<=1.0` rather than
    /// one line per version). No other known version lies in the gap.
    private mutating func gapRange(_ package: PackageID, _ version: Version,
                                   provider: some DependencyProvider) async throws -> VersionRanges {
        if package.isPython { return .exactly(version) }
        let sorted = try await sortedVersions(of: package, provider: provider)
        let start = Self.firstIndex(notBelow: version, in: sorted)
        guard start < sorted.count, sorted[start] == version else { return .exactly(version) }
        var after = start
        while after < sorted.count, !(version < sorted[after]) { after += 1 }
        var gap = VersionRanges.full
        if start > 0 { gap = gap.intersection(.greaterThan(sorted[start - 1])) }
        if after < sorted.count { gap = gap.intersection(.lessThan(sorted[after])) }
        return gap
    }

    /// The package's known versions in ascending order, sorted once.
    private mutating func sortedVersions(of package: PackageID, provider: some DependencyProvider) async throws -> [Version] {
        if let cached = sortedVersionCache[package] { return cached }
        let versions = try await versions(of: package, provider: provider)
        // Providers give versions highest first: reversing is enough when they keep to it.
        let descending = zip(versions, versions.dropFirst()).allSatisfy { $0 > $1 }
        let sorted = descending ? Array(versions.reversed()) : versions.sorted()
        sortedVersionCache[package] = sorted
        return sorted
    }

    /// Whether `version` is one of the package's known versions (a binary search: packages
    /// with thousands of versions meet these questions at every step).
    private mutating func isKnown(_ version: Version, of package: PackageID, provider: some DependencyProvider) async throws -> Bool {
        let sorted = try await sortedVersions(of: package, provider: provider)
        let index = Self.firstIndex(notBelow: version, in: sorted)
        return index < sorted.count && sorted[index] == version
    }

    /// The position of the first version of `sorted` that is not below `version`.
    private static func firstIndex(notBelow version: Version, in sorted: [Version]) -> Int {
        var start = 0
        var end = sorted.count
        while start < end {
            let middle = (start + end) / 2
            if sorted[middle] < version { start = middle + 1 } else { end = middle }
        }
        return start
    }

    /// The range an unavailability names for `version`: `==version` (which also covers local
    /// versions such as `1.0+cpu`) unless the package has local variants of that version, which
    /// may differ; then exactly `version`.
    private mutating func exactPin(_ package: PackageID, _ version: Version,
                                   provider: some DependencyProvider) async throws -> VersionRanges {
        if package.isPython { return .exactly(version) }
        let all = try await versions(of: package, provider: provider)
        let hasLocals = version.isLocal || all.contains { $0 != version && $0.publicVersion == version }
        return hasLocals ? .exactly(version) : VersionSpecifier(.equal, version).ranges
    }

}
