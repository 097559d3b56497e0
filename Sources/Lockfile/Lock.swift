import SuvBasics

/// A `uv.lock` file: the universal resolution of a workspace, in uv 0.13.9's schema (version 1).
///
/// The model keeps what uv writes, as uv writes it: markers and specifiers are the normalized
/// strings uv prints. ``serialized()`` sorts packages, edges, wheels and keys itself, so the
/// order of the arrays given here does not matter for the output.
public struct Lock: Sendable, Equatable {
    /// The schema version; uv reads and writes only `1`.
    public var version: Int
    /// The backwards-compatible sub-revision; uv 0.13.9 writes `5`. Not written when `0`.
    public var revision: Int
    /// The workspace's normalized `requires-python` (`">=3.9"`, `">=3.9.2, <4"`).
    public var requiresPython: String
    /// The forks of the universal resolution, in the order the resolver visited them.
    public var resolutionMarkers: [String]
    /// `tool.uv.environments`, simplified against `requires-python`.
    public var supportedMarkers: [String]
    /// `tool.uv.required-environments`, simplified against `requires-python`.
    public var requiredMarkers: [String]
    /// `tool.uv.conflicts`: sets of extras/groups/projects that cannot be installed together.
    public var conflicts: [[ConflictItem]]
    /// Resolver options that differ from their defaults.
    public var options: LockOptions
    /// Workspace-level inputs (members, constraints, overrides...).
    public var manifest: LockManifest
    /// Every locked distribution, the workspace's own projects included.
    public var packages: [LockedPackage]

    /// The schema version this module reads and writes.
    public static let supportedVersion = 1
    /// The revision uv 0.13.9 writes.
    public static let currentRevision = 5

    public init(
        version: Int = Lock.supportedVersion,
        revision: Int = Lock.currentRevision,
        requiresPython: String,
        resolutionMarkers: [String] = [],
        supportedMarkers: [String] = [],
        requiredMarkers: [String] = [],
        conflicts: [[ConflictItem]] = [],
        options: LockOptions = LockOptions(),
        manifest: LockManifest = LockManifest(),
        packages: [LockedPackage] = []
    ) {
        self.version = version
        self.revision = revision
        self.requiresPython = requiresPython
        self.resolutionMarkers = resolutionMarkers
        self.supportedMarkers = supportedMarkers
        self.requiredMarkers = requiredMarkers
        self.conflicts = conflicts
        self.options = options
        self.manifest = manifest
        self.packages = packages
    }

    /// The packages locked under `name` (more than one when the resolution forked).
    public func packages(named name: PackageName) -> [LockedPackage] {
        packages.filter { $0.name == name }
    }
}
