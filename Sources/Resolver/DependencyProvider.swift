import PEP440

/// What the solver asks about the package universe. Implementations do the I/O (index pages,
/// metadata) and may cache and prefetch; the solver calls them one request at a time.
///
/// Extras are modelled by the provider as virtual packages (see ``PackageID``).
public protocol DependencyProvider: Sendable {
    /// All versions of `package` that may be selected, highest first. An unknown package has
    /// no versions.
    func versions(of package: PackageID) async throws -> [Version]

    /// The dependencies of one version, or why that version cannot be used.
    func dependencies(of package: PackageID, version: Version) async throws -> Dependencies
}

/// A provider's answer to ``DependencyProvider/dependencies(of:version:)``.
public enum Dependencies: Sendable, Equatable {
    /// The version requires these packages, each within its ranges.
    case available([PackageID: VersionRanges])
    /// The version cannot be used (yanked, unreadable metadata, …).
    case unavailable(UnavailableReason)
}
