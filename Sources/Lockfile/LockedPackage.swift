import SuvBasics

/// One `[[package]]` entry: a distribution at one version from one source.
public struct LockedPackage: Sendable, Equatable {
    public var name: PackageName
    /// The normalized PEP 440 version; `nil` for a source tree with a dynamic version.
    public var version: String?
    public var source: LockSource
    /// The forks this distribution is used in; written only when the name is locked more than once.
    public var resolutionMarkers: [String]
    public var dependencies: [LockEdge]
    public var sdist: LockArtifact?
    public var wheels: [LockArtifact]
    /// Edges per extra (`[package.optional-dependencies]`); empty lists are not written.
    public var optionalDependencies: [NamedEdges]
    /// Edges per dependency group (`[package.dev-dependencies]`); empty lists are not written.
    public var devDependencies: [NamedEdges]
    /// What the package declared, for staleness checks (source trees and archives only).
    public var metadata: LockMetadata?

    public init(
        name: PackageName,
        version: String?,
        source: LockSource,
        resolutionMarkers: [String] = [],
        dependencies: [LockEdge] = [],
        sdist: LockArtifact? = nil,
        wheels: [LockArtifact] = [],
        optionalDependencies: [NamedEdges] = [],
        devDependencies: [NamedEdges] = [],
        metadata: LockMetadata? = nil
    ) {
        self.name = name
        self.version = version
        self.source = source
        self.resolutionMarkers = resolutionMarkers
        self.dependencies = dependencies
        self.sdist = sdist
        self.wheels = wheels
        self.optionalDependencies = optionalDependencies
        self.devDependencies = devDependencies
        self.metadata = metadata
    }
}
