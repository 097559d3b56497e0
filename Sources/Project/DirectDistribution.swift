import Lockfile
import PEP440
import PEP508
import SuvBasics

/// A package taken from a Git repository or a direct URL rather than an index: exactly one
/// version, requirements from the fetched distribution's metadata, and the artifacts the lock
/// records for it (`wheels = [{ url, hash }]` for a wheel URL, `sdist = { hash }` for an archive
/// URL, nothing for Git, whose commit pins it).
public struct DirectDistribution: Sendable {
    public var name: PackageName
    public var version: String
    /// `.git("repo?rev=v1#commit")` or `.url(url, subdirectory:)`.
    public var source: LockSource
    public var sdist: LockArtifact?
    public var wheels: [LockArtifact]
    /// `Requires-Dist` of its metadata (optional ones carry `extra == '…'` markers).
    public var requiresDist: [Requirement]
    public var requiresPython: VersionSpecifiers?

    public init(name: PackageName, version: String, source: LockSource, sdist: LockArtifact? = nil, wheels: [LockArtifact] = [],
                requiresDist: [Requirement], requiresPython: VersionSpecifiers? = nil) {
        self.name = name
        self.version = version
        self.source = source
        self.sdist = sdist
        self.wheels = wheels
        self.requiresDist = requiresDist
        self.requiresPython = requiresPython
    }
}
