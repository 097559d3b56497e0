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
    }

    public let source: any DistributionSource
    public let options: ResolutionOptions
    /// The environments every fork lies in (`tool.uv.environments`), besides Python.
    public let environments: NormalizedMarker

    public init(source: any DistributionSource, options: ResolutionOptions, environments: NormalizedMarker = .alwaysTrue) {
        self.source = source
        self.options = options
        self.environments = environments
    }

    /// Resolves for every Python from `lowestPython` up; the forks in uv's order.
    public func resolve(_ requirements: [Requirement], lowestPython: Version, constraints: [Requirement] = [],
                        overrides: [Requirement] = [], preferences: [PackageName: Version] = [:]) async throws -> [Fork] {
        var pending: [(lower: Version, upper: Version?, marker: NormalizedMarker)] =
            [(lowestPython, nil, try Self.pythonMarker(lower: lowestPython, upper: nil).and(environments))]
        var forks: [Fork] = []
        var preferred = preferences
        while !pending.isEmpty {
            let (lower, upper, marker) = pending.removeFirst()
            var python = VersionRanges.atLeast(lower)
            if let upper { python = python.intersection(.lessThan(upper)) }
            var forkOptions = options
            forkOptions.universe = marker
            forkOptions.pythonVersion = lower
            forkOptions.pythonUpperBound = upper
            forkOptions.tags = nil
            do {
                let graph = try await PackageResolution(source: source, options: forkOptions)
                    .resolve(requirements, constraints: constraints, overrides: overrides, preferences: preferred)
                forks.append(Fork(marker: marker, python: python, graph: graph))
                for package in graph.packages where preferred[package.name] == nil { preferred[package.name] = package.version }
            } catch let split as RequiresPythonFork {
                let above = try Self.pythonMarker(lower: split.boundary, upper: nil)
                pending.insert(contentsOf: [(split.boundary, upper, marker.and(above)), (lower, split.boundary, marker.and(above.negated))], at: 0)
            } catch let split as MarkerFork {
                var parts = [marker]
                for divider in split.markers {
                    parts = parts.flatMap { part in
                        [part.and(divider), part.and(divider.negated)].filter { !$0.isAlwaysFalse }
                    }
                }
                pending.insert(contentsOf: parts.map { (lower, upper, $0) }, at: 0)
            }
        }
        return forks
    }

    static func pythonMarker(lower: Version, upper: Version?) throws -> NormalizedMarker {
        var text = "python_full_version >= '\(lower)'"
        if let upper { text += " and python_full_version < '\(upper)'" }
        return NormalizedMarker(try MarkerTree(parsing: text))
    }
}

extension UniversalResolution {
    /// The forks' resolutions as one graph (a package may appear once per version), with the
    /// environments each package version is needed in: its reachability in every fork that
    /// chose it, restricted to that fork.
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
        let sorted = packages.values.sorted { ($0.name, $0.version) < ($1.name, $1.version) }
        return (ResolutionGraph(packages: sorted, dependents: dependents), markers)
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
}

extension MarkerFork {
    /// The markers the fork `universe` must split on so that, in every part, each of these
    /// requirements either always or never applies — when two requirements on one package
    /// differ; `nil` when no split is needed.
    static func needed(for requirements: [ExpandedRequirement], in universe: NormalizedMarker) -> MarkerFork? {
        var byName: [PackageName: [ExpandedRequirement]] = [:]
        for expanded in requirements { byName[PackageName(expanded.requirement.name), default: []].append(expanded) }
        var splits: [NormalizedMarker] = []
        for name in byName.keys.sorted() {
            guard let group = byName[name], group.count > 1 else { continue }
            let distinct = Set(group.map { "\($0.requirement.specifiers)|\($0.requirement.extras.sorted())" })
            guard distinct.count > 1 else { continue }
            for expanded in group {
                let inside = expanded.marker.and(universe)
                let covers = universe.and(expanded.marker.negated).isAlwaysFalse
                if !inside.isAlwaysFalse, !covers, !splits.contains(expanded.marker) { splits.append(expanded.marker) }
            }
        }
        return splits.isEmpty ? nil : MarkerFork(markers: splits)
    }
}
