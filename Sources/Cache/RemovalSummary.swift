/// What a removal took away: files (symbolic links included), folders, and disk space.
///
/// Space is counted as uv 0.13.9 reports it: the blocks a file occupies (`st_blocks × 512`),
/// and nothing for a file that still has another hard link when it is removed. So a 2-byte file
/// counts as 4.0KiB on a 4 KiB-block filesystem, and a wheel file hard-linked into a virtual
/// environment frees nothing.
public struct RemovalSummary: Sendable, Equatable {
    /// Files and symbolic links removed.
    public var files: Int
    /// Folders removed.
    public var directories: Int
    /// Disk space freed, in bytes.
    public var bytes: UInt64

    /// A summary of the given counts (zero by default).
    public init(files: Int = 0, directories: Int = 0, bytes: UInt64 = 0) {
        self.files = files
        self.directories = directories
        self.bytes = bytes
    }

    /// Whether nothing was removed.
    public var isEmpty: Bool { files == 0 && directories == 0 }

    /// Adds another summary's counts to this one.
    public static func += (lhs: inout RemovalSummary, rhs: RemovalSummary) {
        lhs.files += rhs.files
        lhs.directories += rhs.directories
        lhs.bytes += rhs.bytes
    }

    /// The summary line uv prints after `cache clean` and `cache prune`:
    /// `Removed 12 files (1.4MiB)`, `Removed 1 file (4.0KiB)`, `Removed 3 directories (0B)`, or
    /// `emptyMessage` when nothing was removed.
    ///
    /// - Parameters:
    ///   - emptyMessage: `No cache entries found` for `clean`, `No unused entries found` for
    ///     `prune`.
    ///   - size: styles the size (uv prints it green).
    public func summaryLine(emptyMessage: String, size: (String) -> String = { $0 }) -> String {
        let counted: String
        switch (files, directories) {
        case (0, 0): return emptyMessage
        case (0, 1): counted = "Removed 1 directory"
        case let (0, count): counted = "Removed \(count) directories"
        case (1, _): counted = "Removed 1 file"
        case let (count, _): counted = "Removed \(count) files"
        }
        return "\(counted) (\(size(ByteSize.humanReadable(bytes))))"
    }
}
