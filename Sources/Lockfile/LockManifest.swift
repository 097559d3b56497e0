import SuvBasics

/// `[manifest]`: workspace-level inputs recorded so staleness can be detected.
public struct LockManifest: Sendable, Equatable {
    /// Workspace member names, the root included (written sorted).
    public var members: [PackageName]
    /// Root requirements without a `[project]` (PEP 723 scripts).
    public var requirements: [LockRequirement]
    /// `constraint-dependencies`.
    public var constraints: [LockRequirement]
    /// `override-dependencies`.
    public var overrides: [LockRequirement]
    /// `exclude-dependencies` (package names).
    public var excludes: [String]
    /// `build-constraint-dependencies`.
    public var buildConstraints: [LockRequirement]
    /// Dependency groups of a virtual workspace root (`[manifest.dependency-groups]`), empty
    /// groups included (uv 0.13.9 writes `name = []`).
    public var dependencyGroups: [NamedRequirements]
    /// `tool.uv.dependency-metadata` entries (`[[manifest.dependency-metadata]]`).
    public var dependencyMetadata: [DependencyMetadata]

    /// Static metadata declared for a package in `tool.uv.dependency-metadata`.
    public struct DependencyMetadata: Sendable, Equatable {
        public var name: PackageName
        public var version: String?
        /// PEP 508 requirement strings, as declared.
        public var requiresDist: [String]
        public var requiresPython: String?
        public var providesExtras: [String]

        public init(name: PackageName, version: String? = nil, requiresDist: [String] = [], requiresPython: String? = nil, providesExtras: [String] = []) {
            self.name = name
            self.version = version
            self.requiresDist = requiresDist
            self.requiresPython = requiresPython
            self.providesExtras = providesExtras
        }
    }

    public init(
        members: [PackageName] = [],
        requirements: [LockRequirement] = [],
        constraints: [LockRequirement] = [],
        overrides: [LockRequirement] = [],
        excludes: [String] = [],
        buildConstraints: [LockRequirement] = [],
        dependencyGroups: [NamedRequirements] = [],
        dependencyMetadata: [DependencyMetadata] = []
    ) {
        self.members = members
        self.requirements = requirements
        self.constraints = constraints
        self.overrides = overrides
        self.excludes = excludes
        self.buildConstraints = buildConstraints
        self.dependencyGroups = dependencyGroups
        self.dependencyMetadata = dependencyMetadata
    }

    /// Whether there is nothing to record (no `[manifest]` table is written).
    public var isEmpty: Bool {
        members.isEmpty && requirements.isEmpty && constraints.isEmpty && overrides.isEmpty && excludes.isEmpty
            && buildConstraints.isEmpty && dependencyGroups.isEmpty && dependencyMetadata.isEmpty
    }
}
