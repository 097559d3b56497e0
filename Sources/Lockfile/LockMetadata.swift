/// `[package.metadata]`: what a source tree or archive declared, for staleness checks.
public struct LockMetadata: Sendable, Equatable {
    /// `requires-dist`: runtime and optional requirements (optional ones carry `extra == '...'`).
    public var requiresDist: [LockRequirement]
    /// `provides-extras` in declaration order; `nil` (or empty) when not written.
    public var providesExtras: [String]?
    /// `[package.metadata.requires-dev]`: every dependency group, empty ones included.
    public var requiresDev: [NamedRequirements]

    public init(requiresDist: [LockRequirement] = [], providesExtras: [String]? = nil, requiresDev: [NamedRequirements] = []) {
        self.requiresDist = requiresDist
        self.providesExtras = providesExtras
        self.requiresDev = requiresDev
    }

    /// Whether uv writes the table at all: only when one of its parts is non-empty.
    public var isEmpty: Bool {
        requiresDist.isEmpty && (providesExtras ?? []).isEmpty && requiresDev.isEmpty
    }
}
