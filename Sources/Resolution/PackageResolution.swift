import PackagingTypes
import PEP440
import PEP508
import Resolver
import SuvBasics

/// Resolves requirements against package indexes for one target environment, as
/// `uv pip compile` does.
///
/// The solver runs on one child task; prefetch requests from the provider are served on
/// further child tasks of the same group, so index pages and metadata for every open package
/// download in parallel while the solver works through them one decision at a time.
public struct PackageResolution: Sendable {
    public let source: any DistributionSource
    public let options: ResolutionOptions
    /// Index files grouped by version, shared between resolutions of the same packages.
    public let groupedFiles: GroupedFilesCache

    public init(source: any DistributionSource, options: ResolutionOptions, groupedFiles: GroupedFilesCache = GroupedFilesCache()) {
        self.source = source
        self.options = options
        self.groupedFiles = groupedFiles
    }

    /// Resolves `requirements` with `constraints` and `overrides`; preferred versions (from an
    /// existing output file or lock) are tried first.
    public func resolve(_ requirements: [Requirement], constraints: [Requirement] = [], overrides: [Requirement] = [],
                        preferences: [PackageName: Version] = [:]) async throws -> ResolutionGraph {
        let expander = try RequirementExpander(scope: options.markerScope, constraints: constraints, overrides: overrides)
        let firstParty = requirements + constraints + overrides
        let selector = CandidateSelector(
            prerelease: options.prerelease, resolution: options.resolution,
            directPackages: Set(requirements.map { PackageName($0.name) }),
            explicitPrereleases: Self.explicitPrereleases(firstParty))
        let (stream, continuation) = AsyncStream<IndexDependencyProvider.PrefetchRequest>.makeStream()
        let provider = IndexDependencyProvider(
            source: source, options: options, selector: selector, expander: expander,
            allowedYanks: Self.allowedYanks(firstParty), groupedFiles: groupedFiles, prefetchRequests: continuation)
        let rootRequirements = try expander.rootRequirements(requirements)
        if let universe = options.universe, let fork = MarkerFork.needed(for: rootRequirements, in: universe, lowestPython: options.pythonVersion) { throw fork }
        let root = try expander.rootDependencies(requirements)
        var preferred: [PackageID: Version] = [:]
        for (name, version) in preferences { preferred[PackageID(name)] = version }
        let solver = Solver(provider: provider, preferences: preferred)

        let decisions: [PackageID: Version]
        do {
            decisions = try await solveWithPrefetching(solver: solver, root: root, provider: provider,
                                                       stream: stream, continuation: continuation)
        } catch ResolverError.noSolution(let failure) {
            let maps = await provider.allVersionMaps
            let context = ReportContext(wording: options.reportWording, knownVersions: failure.knownVersions,
                                        pythonTarget: options.pythonRequirementText, requirer: options.requirer)
            throw NoSolutionFound(
                report: DerivationReport(failure, context: context).text,
                hints: ResolutionHints(options: options, selector: selector, maps: maps).hints(for: failure))
        }
        return await graph(decisions, root: root, rootRequirements: rootRequirements, provider: provider)
    }

    private func solveWithPrefetching(
        solver: Solver<IndexDependencyProvider>, root: [Dependency], provider: IndexDependencyProvider,
        stream: AsyncStream<IndexDependencyProvider.PrefetchRequest>,
        continuation: AsyncStream<IndexDependencyProvider.PrefetchRequest>.Continuation
    ) async throws -> [PackageID: Version] {
        try await withThrowingTaskGroup(of: [PackageID: Version]?.self) { group in
            group.addTask {
                defer { continuation.finish() }
                return try await solver.solve(root)
            }
            for await request in stream {
                group.addTask {
                    await provider.warm(request)
                    return nil
                }
            }
            var solution: [PackageID: Version] = [:]
            while let result = try await group.next() {
                if let result {
                    solution = result
                    group.cancelAll()
                }
            }
            return solution
        }
    }

    private func graph(_ decisions: [PackageID: Version], root: [Dependency], rootRequirements: [ExpandedRequirement],
                       provider: IndexDependencyProvider) async -> ResolutionGraph {
        var extras: [PackageName: Set<PackageName>] = [:]
        for package in decisions.keys { if let extra = package.extra { extras[package.name, default: []].insert(extra) } }
        var dependents: [PackageName: Set<ResolutionGraph.Dependent>] = [:]
        for dependency in root where decisions[dependency.package] != nil {
            dependents[dependency.package.name, default: []].insert(.root)
        }
        let cache = await provider.dependencyCache
        for (package, version) in decisions {
            for dependency in cache[package]?[version] ?? [] where dependency.package.name != package.name {
                guard decisions[dependency.package] != nil else { continue }
                dependents[dependency.package.name, default: []].insert(.package(package.name))
            }
        }
        var packages: [ResolutionGraph.Package] = []
        let maps = await provider.allVersionMaps
        for (package, version) in decisions where package.extra == nil && !package.isPython {
            let file = await provider.distribution(of: package.name, version)?.file
            packages.append(ResolutionGraph.Package(name: package.name, version: version, file: file,
                                                    extras: extras[package.name] ?? [],
                                                    files: maps[package.name]?.files(for: version) ?? []))
        }
        let requirementCache = await provider.requirementCache
        var requirements: [PackageID: [ExpandedRequirement]] = [:]
        for (package, version) in decisions {
            if let expanded = requirementCache[package]?[version] { requirements[package] = expanded }
        }
        return ResolutionGraph(packages: packages, dependents: dependents, rootRequirements: rootRequirements,
                               requirements: requirements)
    }

    /// Packages that first-party requirements name with a pre-release specifier (`!=` does
    /// not count), for the `explicit` pre-release mode.
    static func explicitPrereleases(_ requirements: [Requirement]) -> Set<PackageName> {
        var names: Set<PackageName> = []
        for requirement in requirements
        where requirement.specifiers.specifiers.contains(where: \.namesPrerelease) {
            names.insert(PackageName(requirement.name))
        }
        return names
    }

    /// Versions pinned exactly (`==`, `===`) by first-party requirements, whose yanked files
    /// may be used.
    static func allowedYanks(_ requirements: [Requirement]) -> [PackageName: Set<Version>] {
        var allowed: [PackageName: Set<Version>] = [:]
        for requirement in requirements {
            for specifier in requirement.specifiers.specifiers
            where specifier.op == .equal || specifier.op == .arbitraryEqual {
                if let version = specifier.version, !specifier.isWildcard {
                    allowed[PackageName(requirement.name), default: []].insert(version)
                }
            }
        }
        return allowed
    }
}
