import PEP440

/// Whether a file was yanked (PEP 592), and why.
public enum Yanked: Hashable, Sendable {
    case notYanked
    /// Yanked; the reason is `nil` when the index gave none (`data-yanked=""`, `"yanked": true`).
    case yanked(reason: String?)

    public var isYanked: Bool { self != .notYanked }

    public var reason: String? {
        if case .yanked(let reason) = self { return reason }
        return nil
    }
}

/// Whether the index serves the file's core metadata separately at `<url>.metadata`
/// (PEP 658, renamed by PEP 714), and the digests of that metadata file.
public enum CoreMetadataAvailability: Hashable, Sendable {
    case unavailable
    /// Available; `hashes` may be empty (`data-core-metadata="true"`).
    case available(hashes: [HashDigest])

    public var isAvailable: Bool { self != .unavailable }

    public var hashes: [HashDigest] {
        if case .available(let hashes) = self { return hashes }
        return []
    }
}

/// A `Requires-Python` value from an index: the text as served and, parsed on demand, its
/// specifiers. An unparseable value does not fail the page; ``specifiers`` is then `nil`.
public struct RequiresPython: Hashable, Sendable, CustomStringConvertible {
    /// The value as served (entities already decoded).
    public let raw: String

    public init(_ raw: String) {
        self.raw = raw
    }

    /// The parsed specifiers, or `nil` when ``raw`` is not a valid specifier set.
    ///
    /// Parsed at each access; callers that test many versions should keep the result.
    public var specifiers: VersionSpecifiers? {
        try? VersionSpecifiers(parsing: raw)
    }

    public var description: String { raw }
}

/// One downloadable file of a project, from a simple-API page or a find-links source.
public struct SimpleFile: Hashable, Sendable {
    /// The file name (from JSON `filename`, or the link's last path segment, percent-decoded).
    public let filename: String
    /// The absolute URL to download, resolved against the page, without the `#hash` fragment.
    public let url: String
    /// Every recognized digest the index gave, one per algorithm, strongest first.
    public let hashes: [HashDigest]
    public let requiresPython: RequiresPython?
    public let yanked: Yanked
    public let coreMetadata: CoreMetadataAvailability
    /// The size in bytes (PEP 700, JSON only).
    public let size: UInt64?
    /// The upload time as served (RFC 3339, precision kept: `2024-01-01T00:00:00.123456Z`).
    public let uploadTime: String?
    /// The parsed wheel or sdist file name, or `nil` when it is neither.
    public let distribution: DistributionFilename?

    public init(
        filename: String, url: String, hashes: [HashDigest] = [], requiresPython: RequiresPython? = nil,
        yanked: Yanked = .notYanked, coreMetadata: CoreMetadataAvailability = .unavailable,
        size: UInt64? = nil, uploadTime: String? = nil, distribution: DistributionFilename? = nil
    ) {
        self.filename = filename
        self.url = url
        self.hashes = hashes
        self.requiresPython = requiresPython
        self.yanked = yanked
        self.coreMetadata = coreMetadata
        self.size = size
        self.uploadTime = uploadTime
        self.distribution = distribution
    }

    /// The strongest digest, the one uv records in `uv.lock`.
    public var strongestHash: HashDigest? { hashes.first }

    /// The URL of the PEP 658 metadata file (`<url>.metadata`).
    public var metadataURL: String { url + ".metadata" }
}
