/// Pre-release handling (`prerelease`); uv 0.13's default is `if-necessary`.
public enum PrereleaseMode: String, Sendable, Equatable, CaseIterable {
    case disallow, allow
    case ifNecessary = "if-necessary"
    case explicit
    /// Deprecated alias kept for old configurations.
    case ifNecessaryOrExplicit = "if-necessary-or-explicit"
}

/// Which versions to prefer (`resolution`).
public enum ResolutionMode: String, Sendable, Equatable, CaseIterable {
    case highest, lowest
    case lowestDirect = "lowest-direct"
}

/// How multiple indexes are consulted (`index-strategy`).
public enum IndexStrategy: String, Sendable, Equatable, CaseIterable {
    case firstIndex = "first-index"
    case unsafeFirstMatch = "unsafe-first-match"
    case unsafeBestMatch = "unsafe-best-match"
}

/// How files get from the cache into an environment (`link-mode`).
public enum LinkMode: String, Sendable, Equatable, CaseIterable {
    case clone, copy, hardlink, symlink
}

/// Which bound `add` writes when none is given (`add-bounds`).
public enum AddBounds: String, Sendable, Equatable, CaseIterable {
    case lower, major, minor, exact
}

/// Forking preference in universal resolution (`fork-strategy`).
public enum ForkStrategy: String, Sendable, Equatable, CaseIterable {
    case fewest
    case requiresPython = "requires-python"
}
