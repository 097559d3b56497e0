#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SuvBasics

/// Why a tar archive (plain or gzip-compressed), or one of its members, could not be read.
///
/// Every message names the archive: `archive` is the name the caller gave the reader (for
/// ``SdistArchive``, the file name), `path` the path a file was opened at.
public enum TarballError: SuvError, Equatable {
    /// The file could not be opened or read; `errno` is the system's error number.
    case unreadable(path: String, errno: Int32)
    /// The file name ends in neither `.tar.gz`, `.tgz` nor `.tar`.
    case unsupportedFormat(archive: String)
    /// zlib rejected the gzip stream (bad magic, bad deflate data, bad CRC).
    case corruptGzip(archive: String, reason: String)
    /// The archive ends before `what` is complete.
    case truncated(archive: String, what: String)
    /// A tar header's checksum does not match its bytes.
    case badChecksum(archive: String, offset: UInt64, recorded: UInt64, computed: UInt64)
    /// A tar header field cannot be parsed (a number that is not octal, a malformed pax record).
    case invalidHeader(archive: String, offset: UInt64, reason: String)
    /// The archive has no member with this name.
    case memberMissing(archive: String, member: String)
    /// The member exists but is a directory or a link.
    case notARegularFile(archive: String, member: String)
    /// A source distribution whose entries do not all sit under one top-level directory.
    case notSingleTopLevelDirectory(archive: String, entries: [String])
    /// The decompressed stream grew beyond `limit` bytes: a possible decompression bomb.
    case tooLarge(archive: String, limit: UInt64)
    /// A member (or an extended header) is larger than `limit` bytes.
    case memberTooLarge(archive: String, member: String, size: UInt64, limit: UInt64)

    public var message: String {
        switch self {
        case .unreadable(let path, let code):
            "Failed to read `\(path)`: \(Self.describe(code))"
        case .unsupportedFormat(let archive):
            "The source distribution `\(archive)` is not a `.tar.gz`, `.tgz` or `.tar` archive"
        case .corruptGzip(let archive, let reason):
            "The archive `\(archive)` is not a valid gzip stream: \(reason)"
        case .truncated(let archive, let what):
            "The archive `\(archive)` is truncated: \(what) is incomplete"
        case .badChecksum(let archive, let offset, let recorded, let computed):
            "The archive `\(archive)` has a corrupt tar header at offset \(offset): checksum \(recorded) recorded, \(computed) computed"
        case .invalidHeader(let archive, let offset, let reason):
            "The archive `\(archive)` has an invalid tar header at offset \(offset): \(reason)"
        case .memberMissing(let archive, let member):
            "The source distribution `\(archive)` has no `\(member)` file"
        case .notARegularFile(let archive, let member):
            "The member `\(member)` of the source distribution `\(archive)` is not a regular file"
        case .notSingleTopLevelDirectory(let archive, let entries):
            "The source distribution `\(archive)` must contain a single top-level directory, but it contains \(entries.map { "`\($0)`" }.joined(separator: " and "))"
        case .tooLarge(let archive, let limit):
            "The archive `\(archive)` expands to more than \(limit) bytes: refusing a possible decompression bomb"
        case .memberTooLarge(let archive, let member, let size, let limit):
            "The member `\(member)` of the archive `\(archive)` is too large: \(size) bytes (limit \(limit))"
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
