import PackagingTypes
import Synchronization
import PEP440
import Resolver
import SuvBasics

/// Why no file of a version can be used for the target.
public enum IncompatibleDistribution: Sendable, Hashable {
    case yanked(reason: String?)
    /// The files' `Requires-Python` excludes the target (the version then depends on Python).
    case requiresPython(VersionSpecifiers)
    /// No wheel's Python tag matches, and there is no usable source distribution.
    case noMatchingPythonTag
    /// No wheel's ABI tag matches, and there is no usable source distribution.
    case noMatchingABITag
    /// No wheel's platform tag matches, and there is no usable source distribution.
    case noMatchingPlatformTag
    /// Wheels are disabled (`--no-binary`) and there is no source distribution.
    case noSourceDistribution
    /// Builds are disabled (`--only-binary`, `--no-build`) and there is no usable wheel.
    case noUsableWheels

    /// The reason as the solver reports it, singular and plural ("was yanked", "were yanked"),
    /// with an example of what the target accepts for tag mismatches (uv's context).
    func reason(tags: SupportedTags?) -> UnavailableReason {
        let plain = reason
        let example: String?
        switch self {
        case .noMatchingPythonTag: example = tags?.tags.first?.interpreter
        case .noMatchingABITag: example = tags?.tags.first?.abi
        case .noMatchingPlatformTag:
            let platforms = tags?.tags.map(\.platform) ?? []
            example = platforms.first { $0.hasPrefix("manylinux_2_17_") } ?? platforms.first
        default: example = nil
        }
        guard let example else { return plain }
        return UnavailableReason(plain.phrase + " (e.g., `\(example)`)", plural: plain.pluralPhrase + " (e.g., `\(example)`)")
    }

    /// The reason as the solver reports it, singular and plural ("was yanked", "were yanked").
    var reason: UnavailableReason {
        switch self {
        case .yanked(let reason?):
            let text = String(reason.trimmingPythonWhitespace.reversed().drop { $0 == "." }.reversed())
            return UnavailableReason("was yanked (reason: \(text))", plural: "were yanked (reason: \(text))")
        case .yanked(nil):
            return UnavailableReason("was yanked", plural: "were yanked")
        case .requiresPython(let specifiers):
            return UnavailableReason("requires Python \(specifiers)", plural: "require Python \(specifiers)")
        case .noMatchingPythonTag:
            return UnavailableReason("has no wheels with a matching Python implementation tag",
                                     plural: "have no wheels with a matching Python implementation tag")
        case .noMatchingABITag:
            return UnavailableReason("has no wheels with a matching Python ABI tag",
                                     plural: "have no wheels with a matching Python ABI tag")
        case .noMatchingPlatformTag:
            return UnavailableReason("has no wheels with a matching platform tag",
                                     plural: "have no wheels with a matching platform tag")
        case .noSourceDistribution:
            return UnavailableReason("has no source distribution", plural: "have no source distribution")
        case .noUsableWheels:
            return UnavailableReason("has no usable wheels", plural: "have no usable wheels")
        }
    }

    /// Which reason to report when every file of a version is incompatible for several reasons.
    var precedence: Int {
        switch self {
        case .yanked: 7
        case .requiresPython: 6
        case .noUsableWheels: 5
        case .noSourceDistribution: 4
        case .noMatchingPlatformTag: 3
        case .noMatchingABITag: 2
        case .noMatchingPythonTag: 1
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
    /// Every file of each version.
    private let filesByVersion: [Version: [IndexedFile]]
    private let package: PackageName
    private let options: ResolutionOptions
    private let allowedYanks: Set<Version>
    /// Distributions already chosen, shared by copies of this map.
    private let chosen = DistributionMemo()
    /// Parsed `requires-python` values, shared by every fork's map of the package.
    private let requiresPythonMemo: RequiresPythonMemo

    /// Groups `files` of `package` by version. Each version's distribution is chosen when asked
    /// for (``distribution(for:)``): resolution usually looks at one or two versions of a
    /// package with hundreds.
    ///
    /// - Parameter allowedYanks: versions pinned with `==`/`===` by first-party requirements,
    ///   whose yanked files stay usable.
    public init(package: PackageName, files: [IndexedFile], options: ResolutionOptions, allowedYanks: Set<Version> = []) {
        self.init(package: package, grouped: GroupedFiles(package: package, files: files), options: options, allowedYanks: allowedYanks)
    }

    /// A map over files already grouped by version (shared by the forks of a universal
    /// resolution, which differ only in the options).
    public init(package: PackageName, grouped: GroupedFiles, options: ResolutionOptions, allowedYanks: Set<Version> = []) {
        self.filesByVersion = grouped.filesByVersion
        self.versions = grouped.versions
        self.requiresPythonMemo = grouped.requiresPython
        self.package = package
        self.options = options
        self.allowedYanks = allowedYanks
    }

    /// Every file offered for `version`.
    public func files(for version: Version) -> [IndexedFile] { filesByVersion[version] ?? [] }

    /// The distribution chosen for `version` (the compatible wheel with the best tag, else the
    /// source distribution, else why none fits), if the index offers that version.
    public func distribution(for version: Version) -> PrioritizedDistribution? {
        if let known = chosen.value(for: version) { return known }
        guard let files = filesByVersion[version] else { return nil }
        let result = choose(version, files)
        if let result { chosen.store(result, for: version) }
        return result
    }

    private func choose(_ version: Version, _ files: [IndexedFile]) -> PrioritizedDistribution? {
        var best: PrioritizedDistribution?
        for indexed in files {
            guard let distribution = indexed.file.distribution else { continue }
            let specifiers = indexed.file.requiresPython.flatMap(requiresPythonMemo.specifiers)
            let candidate = Self.classify(indexed, distribution, version: version, requiresPython: specifiers,
                                          options: options, package: package, allowedYanks: allowedYanks)
            best = best.map { Self.better($0, candidate) } ?? candidate
        }
        return best
    }

    private static func classify(_ indexed: IndexedFile, _ distribution: DistributionFilename, version: Version,
                                 requiresPython: VersionSpecifiers?, options: ResolutionOptions, package: PackageName,
                                 allowedYanks: Set<Version>) -> PrioritizedDistribution {
        let file = indexed.file
        if file.yanked.isYanked, !allowedYanks.contains(version) {
            return .incompatible(.yanked(reason: file.yanked.reason))
        }
        if let specifiers = requiresPython, !specifiers.admitsPython(options.pythonVersion) {
            return .incompatible(.requiresPython(specifiers))
        }
        switch distribution {
        case .wheel(let wheel):
            if options.noBinary.contains(package) { return .incompatible(.noSourceDistribution) }
            guard let tags = options.tags else { return .wheel(indexed, rank: 0) }
            guard let match = tags.bestMatch(among: wheel.tags) else { return .incompatible(Self.tagMismatch(wheel, tags)) }
            return .wheel(indexed, rank: match.rank)
        case .sdist:
            if options.noBuild.contains(package) { return .incompatible(.noUsableWheels) }
            return .source(indexed)
        }
    }

    /// Which part of a wheel's tags rules it out: its Python tag, else its ABI, else its platform.
    private static func tagMismatch(_ wheel: WheelFilename, _ tags: SupportedTags) -> IncompatibleDistribution {
        guard wheel.tags.contains(where: { tags.interpreters.contains($0.interpreter) }) else { return .noMatchingPythonTag }
        guard wheel.tags.contains(where: { tags.interpreters.contains($0.interpreter) && tags.abis.contains($0.abi) }) else {
            return .noMatchingABITag
        }
        return .noMatchingPlatformTag
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

/// One package's files grouped by version, highest version first; files of other projects
/// (a misfiled wheel) are left out.
public struct GroupedFiles: Sendable {
    public let versions: [Version]
    let filesByVersion: [Version: [IndexedFile]]
    /// Whether the index offered no file at all (the package is missing).
    public let isMissing: Bool
    /// `requires-python` values parsed once for every fork (a page repeats a handful of them
    /// over thousands of files).
    let requiresPython = RequiresPythonMemo()

    public init(package: PackageName, files: [IndexedFile]) {
        var filesByVersion: [Version: [IndexedFile]] = [:]
        for indexed in files {
            guard let distribution = indexed.file.distribution, distribution.name == package else { continue }
            switch distribution {
            case .wheel(let wheel): filesByVersion[wheel.version, default: []].append(indexed)
            case .sdist(let sdist): filesByVersion[sdist.version, default: []].append(indexed)
            }
        }
        self.filesByVersion = filesByVersion
        self.versions = filesByVersion.keys.sorted(by: >)
        self.isMissing = files.isEmpty
    }
}

/// Parsed `requires-python` values by their text.
final class RequiresPythonMemo: Sendable {
    private let storage = Mutex<[String: VersionSpecifiers?]>([:])

    func specifiers(_ value: RequiresPython) -> VersionSpecifiers? {
        if let known = storage.withLock({ $0[value.raw] }) { return known }
        let parsed = value.specifiers
        storage.withLock { $0[value.raw] = parsed }
        return parsed
    }
}

/// Grouped files per package, kept for the whole of a universal resolution so that each fork
/// (and each restart after a split) does not regroup thousands of files again.
public final class GroupedFilesCache: Sendable {
    private let storage = Mutex<[PackageName: GroupedFiles]>([:])

    public init() {}

    func value(for name: PackageName) -> GroupedFiles? {
        storage.withLock { $0[name] }
    }

    func store(_ grouped: GroupedFiles, for name: PackageName) {
        storage.withLock { $0[name] = grouped }
    }
}

/// The distributions a ``VersionMap`` has chosen so far (a version map is a value, shared
/// between the provider's cache and the selector; the choice is the same for every copy).
final class DistributionMemo: Sendable {
    private let storage = Mutex<[Version: PrioritizedDistribution]>([:])

    func value(for version: Version) -> PrioritizedDistribution? {
        storage.withLock { $0[version] }
    }

    func store(_ distribution: PrioritizedDistribution, for version: Version) {
        storage.withLock { $0[version] = distribution }
    }
}
