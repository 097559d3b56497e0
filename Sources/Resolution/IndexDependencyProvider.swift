import PackagingTypes
import PEP440
import PEP508
import Resolver
import SuvBasics

/// Thrown during a universal resolution when a fork must split at a Python version.
public struct RequiresPythonFork: Error, Sendable {
    public let boundary: Version
}

/// The solver's view of package indexes: versions from index pages, candidate selection by
/// ``CandidateSelector``, dependencies from core metadata for the target environment.
///
/// Index pages and metadata are fetched through a ``DistributionSource``. ``prefetch(_:in:)``
/// queues a request that ``PackageResolution`` serves on a background child task, so the page
/// and the likely candidate's metadata of every open package are on their way before the solver
/// asks for them.
public actor IndexDependencyProvider: DependencyProvider {
    let source: any DistributionSource
    let options: ResolutionOptions
    let selector: CandidateSelector
    let expander: RequirementExpander
    let allowedYanks: [PackageName: Set<Version>]
    /// Files grouped by version, shared with the other forks of a universal resolution.
    let groupedFiles: GroupedFilesCache
    nonisolated let prefetchRequests: AsyncStream<PrefetchRequest>.Continuation?

    private var versionMaps: [PackageName: VersionMap] = [:]
    /// Dependencies handed to the solver, kept to draw the resolution graph.
    private(set) var dependencyCache: [PackageID: [Version: [Dependency]]] = [:]
    /// The requirements behind them, with their markers (for lock files).
    private(set) var requirementCache: [PackageID: [Version: [ExpandedRequirement]]] = [:]
    /// Packages no index knows.
    private(set) var missingPackages: Set<PackageName> = []
    /// Prefetch requests served, and versions whose metadata was asked for.
    private var prefetchedRequests: Set<PrefetchKey> = []
    private var prefetchedVersions: Set<PackageVersionKey> = []

    private struct PrefetchKey: Hashable {
        let package: PackageID
        let ranges: VersionRanges
    }

    private struct PackageVersionKey: Hashable {
        let name: PackageName
        let version: Version
    }

    /// A package the solver will need soon.
    public struct PrefetchRequest: Sendable {
        let package: PackageID
        let ranges: VersionRanges
    }

    init(source: any DistributionSource, options: ResolutionOptions, selector: CandidateSelector,
         expander: RequirementExpander, allowedYanks: [PackageName: Set<Version>],
         groupedFiles: GroupedFilesCache = GroupedFilesCache(),
         prefetchRequests: AsyncStream<PrefetchRequest>.Continuation?) {
        self.groupedFiles = groupedFiles
        self.source = source
        self.options = options
        self.selector = selector
        self.expander = expander
        self.allowedYanks = allowedYanks
        self.prefetchRequests = prefetchRequests
    }

    // MARK: DependencyProvider

    public func versions(of package: PackageID) async throws -> [Version] {
        if package.isPython { return [options.pythonVersion] }
        if let local = options.localPackages[package.name] { return [local.version] }
        return try await versionMap(for: package.name).versions
    }

    public func chooseVersion(for package: PackageID, in ranges: VersionRanges) async throws -> VersionChoice {
        if package.isPython { return ranges.contains(options.pythonVersion) ? .candidate(options.pythonVersion) : .none }
        if let local = options.localPackages[package.name] { return ranges.contains(local.version) ? .candidate(local.version) : .none }
        let map = try await versionMap(for: package.name)
        if missingPackages.contains(package.name) {
            return .packageUnavailable(UnavailableReason("was not found in the package registry", packageWide: true))
        }
        let choice = selector.select(package.name, in: ranges, from: map, tags: options.tags)
        if case .candidate(let version) = choice, case .incompatible(.requiresPython(let specifiers))? = map.distribution(for: version) {
            try splitForRequiresPython(specifiers)
        }
        return choice
    }

    /// In a universal resolution, a candidate that needs a newer Python than the fork's lowest
    /// but one the fork still covers splits the fork there (uv's requires-python fork): the
    /// upper part can use the candidate, the lower part cannot.
    private func splitForRequiresPython(_ specifiers: VersionSpecifiers) throws {
        guard options.universe != nil, let boundary = specifiers.pythonLowerBoundVersion,
              boundary > options.pythonVersion else { return }
        if let upper = options.pythonUpperBound, boundary >= upper { return }
        throw RequiresPythonFork(boundary: boundary)
    }

    public func dependencies(of package: PackageID, version: Version) async throws -> Dependencies {
        if package.isPython { return .available([]) }
        if let local = options.localPackages[package.name] { return try localDependencies(of: package, version: version, local) }
        let map = try await versionMap(for: package.name)
        var dependencies: [Dependency] = []
        if package.extra != nil { dependencies.append(Dependency(package.base, .exactly(version))) }
        switch map.distribution(for: version) {
        case .incompatible(.requiresPython(let specifiers))?:
            // No file supports the target: the version depends on a Python it cannot have.
            return .available(dependencies + [Dependency(.python, specifiers.pythonLowerBound)])
        case .incompatible(let incompatibility)?:
            return .unavailable(incompatibility.reason(tags: options.tags))
        case nil:
            return .unavailable(UnavailableReason("is not offered by any index"))
        case .wheel(let file, _)?, .source(let file)?:
            let metadata = try await source.metadata(for: file, package: package.name)
            if let requiresPython = metadata.requiresPython, !requiresPython.admitsPython(options.pythonVersion) {
                try splitForRequiresPython(requiresPython)
                return .available(dependencies + [Dependency(.python, requiresPython.pythonLowerBound)])
            }
            if !options.noDependencies {
                let requirements = try expander.requirements(of: package, requiresDist: metadata.requiresDist)
                if let universe = options.universe, let fork = MarkerFork.needed(for: requirements, in: universe, lowestPython: options.pythonVersion) { throw fork }
                requirementCache[package, default: [:]][version] = requirements
                dependencies += try expander.edges(for: requirements)
            }
        }
        dependencyCache[package, default: [:]][version] = dependencies
        return .available(dependencies)
    }

    /// The dependencies of a workspace member or path dependency, from its `pyproject.toml`.
    private func localDependencies(of package: PackageID, version: Version, _ local: LocalDistribution) throws -> Dependencies {
        var dependencies: [Dependency] = []
        if package.extra != nil { dependencies.append(Dependency(package.base, .exactly(version))) }
        if let requiresPython = local.requiresPython, !requiresPython.admitsPython(options.pythonVersion) {
            try splitForRequiresPython(requiresPython)
            return .available(dependencies + [Dependency(.python, requiresPython.pythonLowerBound)])
        }
        if !options.noDependencies {
            let requirements = try expander.requirements(of: package, requiresDist: local.requiresDist)
            if let universe = options.universe, let fork = MarkerFork.needed(for: requirements, in: universe, lowestPython: options.pythonVersion) { throw fork }
            requirementCache[package, default: [:]][version] = requirements
            dependencies += try expander.edges(for: requirements)
        }
        dependencyCache[package, default: [:]][version] = dependencies
        return .available(dependencies)
    }

    public nonisolated func prefetch(_ package: PackageID, in ranges: VersionRanges) {
        guard !package.isRoot, options.localPackages[package.name] == nil else { return }
        prefetchRequests?.yield(PrefetchRequest(package: package, ranges: ranges))
    }

    // MARK: Fetching

    func versionMap(for name: PackageName) async throws -> VersionMap {
        if let map = versionMaps[name] { return map }
        let grouped: GroupedFiles
        if let known = groupedFiles.value(for: name) {
            grouped = known
        } else {
            let files = try await source.files(for: name)
            if let map = versionMaps[name] { return map }
            grouped = GroupedFiles(package: name, files: files)
            groupedFiles.store(grouped, for: name)
        }
        if grouped.isMissing { missingPackages.insert(name) }
        let map = VersionMap(package: name, grouped: grouped, options: options, allowedYanks: allowedYanks[name] ?? [])
        versionMaps[name] = map
        return map
    }

    /// Serves one prefetch request: the package's page, then the metadata of the version the
    /// selector would pick now. Failures are left for the solver's own request to report.
    func warm(_ request: PrefetchRequest) async {
        guard !options.noDependencies || request.package.extra != nil else { return }
        // The solver repeats its hints after every step; serve each (package, range) once.
        guard prefetchedRequests.insert(PrefetchKey(package: request.package, ranges: request.ranges)).inserted else { return }
        guard let map = try? await versionMap(for: request.package.name) else { return }
        guard case .candidate(let version) = selector.select(request.package.name, in: request.ranges, from: map),
              let file = map.distribution(for: version)?.file else { return }
        guard prefetchedVersions.insert(PackageVersionKey(name: request.package.name, version: version)).inserted else { return }
        _ = try? await source.metadata(for: file, package: request.package.name)
    }

    /// Every version map fetched so far, for hints.
    var allVersionMaps: [PackageName: VersionMap] { versionMaps }

    /// The distribution chosen for a resolved version.
    func distribution(of name: PackageName, _ version: Version) -> PrioritizedDistribution? {
        versionMaps[name]?.distribution(for: version)
    }
}
