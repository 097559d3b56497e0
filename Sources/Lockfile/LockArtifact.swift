/// An sdist or wheel of a locked package: `{ url = "...", hash = "...", size = 1, upload-time = "..." }`.
public struct LockArtifact: Sendable, Equatable {
    /// Where the artifact is; which key uv writes first.
    public enum Location: Sendable, Equatable {
        /// A remote file (`url = "..."`).
        case url(String)
        /// A file relative to a local index or the workspace (`path = "..."`).
        case path(String)
        /// Only the file name (`filename = "..."`: wheels of a local archive source).
        case filename(String)
        /// No location: the sdist of a `path`/`url` source is the source itself.
        case none
    }

    /// A zstandard-compressed variant of a wheel (`zstd = { hash = ..., size = ... }`).
    public struct Zstd: Sendable, Equatable {
        public var hash: String?
        public var size: UInt64?
        public init(hash: String? = nil, size: UInt64? = nil) {
            self.hash = hash
            self.size = size
        }
    }

    public var location: Location
    /// `"<algorithm>:<hex>"`; one per artifact (see ``Hash/strongest(_:)``).
    public var hash: String?
    /// The byte count the index advertised.
    public var size: UInt64?
    /// The index's upload time in lock precision (see ``UploadTime/lockValue(_:)``).
    public var uploadTime: String?
    /// Rare: the compressed variant of a wheel.
    public var zstd: Zstd?

    public init(location: Location, hash: String? = nil, size: UInt64? = nil, uploadTime: String? = nil, zstd: Zstd? = nil) {
        self.location = location
        self.hash = hash
        self.size = size
        self.uploadTime = uploadTime
        self.zstd = zstd
    }

    /// The file name: the last path component of the URL or path, or the name itself.
    public var filename: String {
        switch location {
        case .url(let text), .path(let text):
            let bytes = text.utf8
            let end = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex
            let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
            return String(text[start..<end])
        case .filename(let name): return name
        case .none: return ""
        }
    }
}
