import PEP440
import PEP508

/// A package the resolver takes from a local source tree rather than an index: a workspace
/// member or a path dependency. It has exactly one version, and its requirements come from its
/// `pyproject.toml` (optional ones carry `extra == '…'` markers, as core metadata does).
public struct LocalDistribution: Sendable {
    public var version: Version
    public var requiresDist: [Requirement]
    public var requiresPython: VersionSpecifiers?

    public init(version: Version, requiresDist: [Requirement], requiresPython: VersionSpecifiers? = nil) {
        self.version = version
        self.requiresDist = requiresDist
        self.requiresPython = requiresPython
    }
}
