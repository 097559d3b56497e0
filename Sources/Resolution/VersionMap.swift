import PackagingTypes
import PEP440
import SuvBasics

/// Why no file of a version can be used for the target.
public enum IncompatibleDistribution: Sendable, Hashable {
    case yanked(reason: String?)
    case requiresPython(String)
    case noMatchingWheelTag
    case noBinaryAndNoSource
    case noBuildAndNoWheel

    /// The predicate after `a==1.0` in an explanation.
    var phrase: String {
        switch self {
        case .yanked(let reason?): "was yanked (reason: \(reason))"
        case .yanked(nil): "was yanked"
        case .requiresPython(let specifier): "requires Python \(specifier)"
        case .noMatchingWheelTag: "has no wheels with a matching platform tag"
        case .noBinaryAndNoSource: "has no usable source distribution and wheels are disabled (`--no-binary`)"
        case .noBuildAndNoWheel: "has no usable wheels and building from source is disabled"
        }
    }

    /// Which reason to report when every file of a version is incompatible for several reasons.
    var precedence: Int {
        switch self {
        case .yanked: 5
        case .requiresPython: 4
        case .noBuildAndNoWheel: 3
        case .noBinaryAndNoSource: 2
        case .noMatchingWheelTag: 1
        }
    }
}

/// The file chosen for one version: the compatible wheel with the best tag, else the source
/// distribution, else the reason none can be used.
public enum PrioritizedDistribution: Sendable, Hashable {
    case wheel(IndexedFile, rank: Int)
    case source(IndexedFile)
    case incompatible(IncompatibleDistribution)

    /// The file to read metadata from, when the version is usable.
    public var file: IndexedFile? {
        switch self {
        case .wheel(let file, _), .source(let file): file
        case .incompatible: nil
        }
    }
}

/// All versions of one package an index offers, each with its prioritized distribution for
/// the target environment.
public struct VersionMap: Sendable {
    /// Versions, highest first.
    public let versions: [Version]
    private let distributions: [Version: PrioritizedDistribution]

    /// Groups `files` of `package` by version and picks each version's distribution.
    ///
    /// - Parameter allowedYanks: versions pinned with `==`/`===` by first-party requirements,
    ///   whose yanked files stay usable.
    public init(package: PackageName, files: [IndexedFile], options: ResolutionOptions, allowedYanks: Set<Version> = []) {
        var best: [Version: PrioritizedDistribution] = [:]
        for indexed in files {
            guard let distribution = indexed.file.distribution, distribution.name == package else { continue }
            let version: Version
            switch distribution {
            case .wheel(let wheel): version = wheel.version
            case .sdist(let sdist): version = sdist.version
            }
            let candidate = Self.classify(indexed, distribution, version: version, options: options,
                                          package: package, allowedYanks: allowedYanks)
            best[version] = best[version].map { Self.better($0, candidate) } ?? candidate
        }
        self.distributions = best
        self.versions = best.keys.sorted(by: >)
    }

    /// The distribution chosen for `version`, if the index offers that version.
    public func distribution(for version: Version) -> PrioritizedDistribution? { distributions[version] }

    private static func classify(_ indexed: IndexedFile, _ distribution: DistributionFilename, version: Version,
                                 options: ResolutionOptions, package: PackageName,
                                 allowedYanks: Set<Version>) -> PrioritizedDistribution {
        let file = indexed.file
        if file.yanked.isYanked, !allowedYanks.contains(version) {
            return .incompatible(.yanked(reason: file.yanked.reason))
        }
        if let requiresPython = file.requiresPython, let specifiers = requiresPython.specifiers,
           !specifiers.admitsPython(options.pythonVersion) {
            return .incompatible(.requiresPython(requiresPython.raw))
        }
        switch distribution {
        case .wheel(let wheel):
            if options.noBinary.contains(package) { return .incompatible(.noBinaryAndNoSource) }
            guard let tags = options.tags else { return .wheel(indexed, rank: 0) }
            guard let match = tags.bestMatch(among: wheel.tags) else { return .incompatible(.noMatchingWheelTag) }
            return .wheel(indexed, rank: match.rank)
        case .sdist:
            if options.noBuild.contains(package) { return .incompatible(.noBuildAndNoWheel) }
            return .source(indexed)
        }
    }

    /// The better of two distributions of one version: a wheel with a better tag, then any
    /// wheel, then a source distribution, then the more telling incompatibility; earlier
    /// indexes win ties.
    private static func better(_ a: PrioritizedDistribution, _ b: PrioritizedDistribution) -> PrioritizedDistribution {
        switch (a, b) {
        case (.wheel(let fa, let ra), .wheel(let fb, let rb)):
            if ra != rb { return ra < rb ? a : b }
            return fa.indexPosition <= fb.indexPosition ? a : b
        case (.wheel, _): return a
        case (_, .wheel): return b
        case (.source(let fa), .source(let fb)): return fa.indexPosition <= fb.indexPosition ? a : b
        case (.source, _): return a
        case (_, .source): return b
        case (.incompatible(let ia), .incompatible(let ib)):
            // A source distribution refused by `--only-binary` next to wheels that do not fit
            // the platform: the wheel tags are the interesting part.
            return ia.precedence >= ib.precedence ? a : b
        }
    }
}
