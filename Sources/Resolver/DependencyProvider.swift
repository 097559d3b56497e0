import PEP440

/// What the solver asks about the package universe. Implementations do the I/O (index pages,
/// metadata) and may cache and prefetch; the solver calls them one request at a time.
///
/// Extras are modelled by the provider as virtual packages (see ``PackageID``).
public protocol DependencyProvider: Sendable {
    /// All known versions of `package`, highest first. An unknown package has no versions.
    func versions(of package: PackageID) async throws -> [Version]

    /// The version to try next for `package` within `ranges`: the provider's candidate selection
    /// (pre-release policy, resolution strategy, compatible files). The default picks the
    /// highest of ``versions(of:)`` in `ranges`.
    func chooseVersion(for package: PackageID, in ranges: VersionRanges) async throws -> VersionChoice

    /// The dependencies of one version, or why that version cannot be used.
    func dependencies(of package: PackageID, version: Version) async throws -> Dependencies

    /// A hint that `package` will need a version within `ranges` soon: a provider may start
    /// fetching what ``chooseVersion(for:in:)`` and ``dependencies(of:version:)`` will need.
    /// Must not block. The default does nothing.
    func prefetch(_ package: PackageID, in ranges: VersionRanges)
}

extension DependencyProvider {
    public func chooseVersion(for package: PackageID, in ranges: VersionRanges) async throws -> VersionChoice {
        guard let version = try await versions(of: package).first(where: ranges.contains) else { return .none }
        return .candidate(version)
    }

    public func prefetch(_ package: PackageID, in ranges: VersionRanges) {}
}

/// The provider's pick for the next decision about one package.
public enum VersionChoice: Sendable, Equatable {
    /// No version within the range can be considered.
    case none
    /// Try this version.
    case candidate(Version)
    /// This version is the next candidate but cannot be used (no compatible file, yanked, …);
    /// the solver records why and moves on.
    case unavailable(Version, UnavailableReason)
    /// No version of the package can be used, for a reason that concerns the package (not
    /// found in the registry, …).
    case packageUnavailable(UnavailableReason)
}

/// One dependency edge: a package and the versions of it that are acceptable.
public struct Dependency: Sendable, Hashable, CustomStringConvertible {
    public let package: PackageID
    public let ranges: VersionRanges

    public init(_ package: PackageID, _ ranges: VersionRanges) {
        self.package = package
        self.ranges = ranges
    }

    public var description: String { "\(package)\(ranges.specifierText)" }
}

/// A provider's answer to ``DependencyProvider/dependencies(of:version:)``.
public enum Dependencies: Sendable, Equatable {
    /// The version requires these packages, each within its ranges, in the order the metadata
    /// lists them (the order decides which package the solver looks at first, as in uv).
    case available([Dependency])
    /// The version cannot be used (yanked, unreadable metadata, …).
    case unavailable(UnavailableReason)
}
