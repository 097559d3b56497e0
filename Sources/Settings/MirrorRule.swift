/// "Files and pages under ``canonical`` are served by ``mirror``": one two-way prefix
/// rewrite. Fetching maps canonical URLs to the mirror; recording a lock maps the mirror's URLs
/// back, so the lock names the canonical index as if it had been used directly.
public struct MirrorRule: Sendable, Equatable, CustomStringConvertible {
    /// Where the lock says things are (`https://index.example/simple/`).
    public var canonical: MirrorPrefix
    /// Where they are fetched from (`https://mirror.corp.example/pypi/simple/`).
    public var mirror: MirrorPrefix
    /// Credentials written in the mirror's URL, sent only to the mirror (never recorded).
    public var mirrorCredentials: IndexCredentials?
    /// Where the rule was declared.
    public var origin: MirrorOrigin

    public init(canonical: MirrorPrefix, mirror: MirrorPrefix, mirrorCredentials: IndexCredentials? = nil, origin: MirrorOrigin) {
        self.canonical = canonical
        self.mirror = mirror
        self.mirrorCredentials = mirrorCredentials
        self.origin = origin
    }

    /// Whether the rule names one index (`mirror-of`) rather than a prefix: then the index
    /// URL itself maps to the other side exactly as written, trailing slash included. Under a
    /// prefix rule a URL keeps its own trailing slash (or its absence) in both directions.
    public var namesIndex: Bool {
        if case .index = origin { return true }
        return false
    }

    /// `canonical -> mirror (origin)`, for messages and `-v` output; never shows credentials.
    public var description: String { "\(canonical) -> \(mirror) (\(origin))" }
}

/// Where a mirror rule was declared, for messages.
public enum MirrorOrigin: Sendable, Hashable, CustomStringConvertible {
    /// `SUV_INDEX_MIRRORS`.
    case environment(variable: String)
    /// `mirror-of` on an index entry (`[[index]]`, `[[tool.uv.index]]`), or pip's `mirror-of`
    /// next to its `index-url`; the origin is the index's.
    case index(IndexOrigin)
    /// A `[[mirror]]` entry of suv's own `mirrors.toml` (user or system level).
    case mirrorsFile(path: String, level: ConfigurationLevel)

    public var description: String {
        switch self {
        case .environment(let variable): "from `\(variable)`"
        case .index(let origin): "`mirror-of` \(origin)"
        case .mirrorsFile(let path, _): "from `mirrors.toml` at \(path)"
        }
    }
}
