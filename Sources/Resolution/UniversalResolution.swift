import PEP440
import PEP508
import Resolver
import SuvBasics

/// A universal resolution: one resolution per fork of the Python range, as uv forks it.
///
/// Resolution starts with one fork covering every allowed Python version. When the best
/// candidate of some package needs a newer Python than the fork's lowest (but one the fork
/// still covers), the fork splits there and both halves are resolved again from the start: the
/// upper half first (newer Python, as uv orders forks), then the lower half, preferring the
/// versions the upper half chose so that the forks differ only where they must.
public struct UniversalResolution: Sendable {
    /// One fork and its resolution.
    public struct Fork: Sendable {
        /// The environments of this fork (its Python range and the universe).
        public let marker: NormalizedMarker
        /// The fork's Python range.
        public let python: VersionRanges
        public let graph: ResolutionGraph
        /// The seed the fork grew from (its position in the seeds given to ``resolve(seeds:lowestPython:constraints:overrides:preferences:)``).
        public let seed: Int
    }

    /// Where forks start: a part of the environments and the requirements resolved there. One
    /// seed per `tool.uv.environments` entry and per way of choosing among conflicting extras
    /// and groups (`tool.uv.conflicts`), as uv starts its forks.
    public struct Seed: Sendable {
        public var marker: NormalizedMarker
        public var requirements: [Requirement]

        public init(marker: NormalizedMarker, requirements: [Requirement]) {
            self.marker = marker
            self.requirements = requirements
        }
    }

    public let source: any DistributionSource
    public let options: ResolutionOptions
    /// The environments every fork lies in (`tool.uv.environments`), besides Python.
    public let environments: NormalizedMarker
    /// Told of every fork (and restart of a fork) as its resolution starts, for `-v` output.
    public var onFork: (@Sendable (String) -> Void)?

    public init(source: any DistributionSource, options: ResolutionOptions, environments: NormalizedMarker = .alwaysTrue) {
        self.source = source
        self.options = options
        self.environments = environments
    }

    /// Resolves for every Python from `lowestPython` up; the forks in uv's order.
    public func resolve(_ requirements: [Requirement], lowestPython: Version, constraints: [Requirement] = [],
                        overrides: [Requirement] = [], preferences: [PackageName: Version] = [:]) async throws -> [Fork] {
        try await resolve(seeds: [Seed(marker: environments, requirements: requirements)], lowestPython: lowestPython,
                          constraints: constraints, overrides: overrides, preferences: preferences)
    }

    /// Resolves each seed for every Python from `lowestPython` up; the forks in uv's order
    /// (seeds in the order given, each split as its requirements demand).
    ///
    /// - Parameter initialForks: the forks of an existing lock (its `resolution-markers`), which
    ///   uv starts from instead of discovering them again, so that a re-resolution keeps the
    ///   lock's forks (and their order): each seed is split along them at once, the parts
    ///   solved highest Python first, otherwise in the lock's order.
    public func resolve(seeds: [Seed], lowestPython: Version, constraints: [Requirement] = [],
                        overrides: [Requirement] = [], preferences: [PackageName: Version] = [:],
                        initialForks: [NormalizedMarker] = []) async throws -> [Fork] {
        var pending: [(lower: Version, upper: Version?, marker: NormalizedMarker, seed: Int)] = []
        for (index, seed) in seeds.enumerated() {
            let marker = try Self.pythonMarker(lower: lowestPython, upper: nil).and(seed.marker).and(environments)
            if marker.isAlwaysFalse { continue }
            guard !initialForks.isEmpty else {
                pending.append((MarkerFork.pythonLowerBound(marker).map { max($0, lowestPython) } ?? lowestPython, nil, marker, index))
                continue
            }
            var parts: [(lower: Version, upper: Version?, marker: NormalizedMarker, seed: Int)] = []
            for fork in initialForks {
                let part = marker.and(fork).withPythonReleasesOnly
                if part.isAlwaysFalse { continue }
                parts.append((MarkerFork.pythonLowerBound(part).map { max($0, lowestPython) } ?? lowestPython,
                              MarkerFork.pythonUpperBound(part), part, index))
            }
            pending += parts.enumerated().sorted { left, right in
                left.element.lower != right.element.lower ? left.element.lower > right.element.lower : left.offset < right.offset
            }.map(\.element)
        }
        var forks: [Fork] = []
        var preferred = preferences
        let groupedFiles = GroupedFilesCache()
        while !pending.isEmpty {
            let (lower, upper, marker, seed) = pending.removeFirst()
            onFork?("Solving split (markers: \(marker.exactDescription ?? "true"))")
            let requirements = seeds[seed].requirements
            var python = VersionRanges.atLeast(lower)
            if let upper { python = python.intersection(.lessThan(upper)) }
            var forkOptions = options
            forkOptions.universe = marker
            forkOptions.pythonVersion = lower
            forkOptions.pythonUpperBound = upper
            forkOptions.tags = nil
            do {
                let graph = try await PackageResolution(source: source, options: forkOptions, groupedFiles: groupedFiles)
                    .resolve(requirements, constraints: constraints, overrides: overrides, preferences: preferred)
                forks.append(Fork(marker: marker, python: python, graph: graph, seed: seed))
                for package in graph.packages where preferred[package.name] == nil { preferred[package.name] = package.version }
            } catch let split as RequiresPythonFork {
                let above = try Self.pythonMarker(lower: split.boundary, upper: nil)
                let parts = [(split.boundary, upper, marker.and(above).withPythonReleasesOnly, seed),
                             (lower, split.boundary, marker.and(above.negated).withPythonReleasesOnly, seed)]
                pending.insert(contentsOf: parts.filter { !$0.2.isAlwaysFalse }, at: 0)
            } catch let split as MarkerFork {
                // uv's order: each marker splits a part into (not marker, marker); the parts are
                // sorted by their lowest Python, then by how many of their requirements have an
                // upper bound, and resolved last-first (newest Python first, then the most
                // capped part, whose choices later parts then prefer).
                var parts = [marker]
                for divider in split.markers {
                    parts = parts.flatMap { part -> [NormalizedMarker] in
                        if part.isDisjoint(with: divider) { return [part] }
                        // Parts holding no Python release (only pre-releases between bounds) are
                        // no environment at all, as uv sees Python versions.
                        return [part.and(divider.negated).withPythonReleasesOnly, part.and(divider).withPythonReleasesOnly]
                            .filter { !$0.isAlwaysFalse }
                    }
                }
                guard parts.count > 1 else { throw ResolutionError.forkDidNotSplit(marker.exactDescription ?? "true") }
                let ordered = parts.enumerated().map { ($0.offset, $0.element, split.upperBoundedCount(in: $0.element)) }.sorted { left, right in
                    let a = MarkerFork.pythonLowerBound(left.1) ?? lower
                    let b = MarkerFork.pythonLowerBound(right.1) ?? lower
                    if a != b { return a < b }
                    if left.2 != right.2 { return left.2 < right.2 }
                    return left.0 < right.0
                }.map(\.1)
                pending.insert(contentsOf: ordered.reversed().map { part in
                    (MarkerFork.pythonLowerBound(part).map { max($0, lower) } ?? lower, upper, part, seed)
                }, at: 0)
            }
        }
        return forks
    }

    /// `python_full_version >= lower` (and `< upper`).
    public static func pythonMarker(lower: Version, upper: Version?) throws -> NormalizedMarker {
        var text = "python_full_version >= '\(lower)'"
        if let upper { text += " and python_full_version < '\(upper)'" }
        return NormalizedMarker(try MarkerTree(parsing: text))
    }
}

extension UniversalResolution {
    /// The forks' resolutions as one graph (a package may appear once per version), with the
    /// environments each package version is needed in: its reachability in every fork that
    /// chose it, restricted to that fork. Versions reached in no environment are left out.
    public static func merge(_ forks: [Fork]) -> (graph: ResolutionGraph, markers: [PackageVersionKey: NormalizedMarker]) {
        var packages: [PackageVersionKey: ResolutionGraph.Package] = [:]
        var markers: [PackageVersionKey: NormalizedMarker] = [:]
        var dependents: [PackageName: Set<ResolutionGraph.Dependent>] = [:]
        for fork in forks {
            let reach = fork.graph.reachability()
            for package in fork.graph.packages {
                let key = PackageVersionKey(name: package.name, version: package.version)
                if let existing = packages[key] {
                    packages[key] = ResolutionGraph.Package(name: existing.name, version: existing.version, file: existing.file,
                                                            extras: existing.extras.union(package.extras), files: existing.files)
                } else {
                    packages[key] = package
                }
                let here = (reach[PackageID(package.name)] ?? .alwaysFalse).and(fork.marker)
                markers[key] = (markers[key] ?? .alwaysFalse).or(here)
            }
            for (name, set) in fork.graph.dependents { dependents[name, default: []].formUnion(set) }
        }
        // A version no environment reaches (required under a marker its dependent's own
        // environments exclude) is left out, as uv never resolves it.
        let sorted = packages.values
            .filter { !(markers[PackageVersionKey(name: $0.name, version: $0.version)] ?? .alwaysFalse).isAlwaysFalse }
            .sorted { ($0.name, $0.version) < ($1.name, $1.version) }
        return (ResolutionGraph(packages: sorted, dependents: dependents), markers.mapValues(\.canonical))
    }
}

/// A package at one version.
public struct PackageVersionKey: Hashable, Sendable {
    public let name: PackageName
    public let version: Version
}

/// Thrown during a universal resolution when requirements on one package differ under markers
/// that only part of the current fork satisfies: the fork splits along those markers.
public struct MarkerFork: Error, Sendable {
    public let markers: [NormalizedMarker]
    /// The requirements that asked for the split (each part keeps those its marker allows).
    public var requirements: [ExpandedRequirement] = []

    /// How many of the requirements a part keeps cap their versions from above: uv resolves
    /// such parts first among parts of equal Python (`numpy<=2` before `numpy>=1`, since the
    /// former's choice may also suit the latter).
    func upperBoundedCount(in part: NormalizedMarker) -> Int {
        requirements.count { expanded in
            guard !expanded.marker.and(part).withPythonReleasesOnly.isAlwaysFalse else { return false }
            guard let last = expanded.requirement.specifiers.ranges.segments.last else { return false }
            if case .unbounded = last.upper { return false }
            return true
        }
    }
}

extension MarkerFork {
    /// uv's forking rule for one package's (or the root's) requirements in the fork
    /// `universe`: requirements are grouped by name; a name required once does not fork unless
    /// its marker raises the fork's lowest Python; a name required several times under one
    /// marker does not fork; otherwise every marker that only part of the fork satisfies
    /// splits it. `nil` when no split is needed.
    static func needed(for requirements: [ExpandedRequirement], in universe: NormalizedMarker,
                       lowestPython: Version) -> MarkerFork? {
        var byName: [PackageName: [ExpandedRequirement]] = [:]
        for expanded in requirements { byName[PackageName(expanded.requirement.name), default: []].append(expanded) }
        var splits: [NormalizedMarker] = []
        for name in byName.keys.sorted() {
            guard let group = byName[name], let first = group.first else { continue }
            let sameMarker = group.allSatisfy { $0.marker == first.marker }
            if sameMarker {
                guard let bound = pythonLowerBound(first.marker), bound > lowestPython else { continue }
            }
            for expanded in group {
                // Python as uv sees it (releases only): a marker that differs from the fork only
                // in pre-releases of some Python does not split it.
                let inside = expanded.marker.and(universe).withPythonReleasesOnly
                let covers = universe.and(expanded.marker.negated).withPythonReleasesOnly.isAlwaysFalse
                if !inside.isAlwaysFalse, !covers, !splits.contains(expanded.marker) { splits.append(expanded.marker) }
            }
        }
        return splits.isEmpty ? nil : MarkerFork(markers: splits, requirements: requirements)
    }

    /// The lowest Python a marker allows, when every one of its clauses bounds Python from below.
    /// The exclusive Python upper bound every clause of `marker` keeps below (the highest of
    /// them), or `nil` when some clause has none.
    static func pythonUpperBound(_ marker: NormalizedMarker) -> Version? {
        var highest: Version?
        for clause in marker.clauses {
            guard case .versions(let ranges)? = clause.constraints[.python], let upper = ranges.segments.last?.upper else { return nil }
            let bound: Version
            switch upper {
            case .excluded(let version): bound = version
            case .included, .unbounded: return nil
            }
            if highest.map({ bound > $0 }) ?? true { highest = bound }
        }
        return highest
    }

    static func pythonLowerBound(_ marker: NormalizedMarker) -> Version? {
        var lowest: Version?
        for clause in marker.clauses {
            guard case .versions(let ranges)? = clause.constraints[.python],
                  let lower = ranges.segments.first?.lower else { return nil }
            let bound: Version
            switch lower {
            case .included(let version), .excluded(let version): bound = version
            case .unbounded: return nil
            }
            if lowest.map({ bound < $0 }) ?? true { lowest = bound }
        }
        return lowest
    }
}
