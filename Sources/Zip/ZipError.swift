import SuvBasics

/// Why a zip archive, or one of its entries, could not be read.
///
/// Parse failures are reported here; errors thrown by a ``ZipByteSource`` (I/O, HTTP) pass
/// through unchanged.
public enum ZipError: SuvError, Equatable {
    /// No end-of-central-directory record in the last 64 KiB: not a zip archive.
    case notAZipFile
    /// The archive ends (or a read returned fewer bytes) before a structure is complete.
    case truncated(what: String)
    /// A structure is present but inconsistent (bad signature, impossible offsets, ZIP64 fields
    /// missing); `reason` says which.
    case invalidArchive(reason: String)
    /// Two entries' data overlap (the shape of an overlapping-file zip bomb).
    case overlappingEntries(first: String, second: String)
    /// The entry is compressed with something other than stored (0) or deflate (8).
    case unsupportedCompressionMethod(entry: String, method: UInt16)
    /// The entry is encrypted.
    case encryptedEntry(entry: String)
    /// The local file header disagrees with the central directory.
    case localHeaderMismatch(entry: String, reason: String)
    /// The data inflated or copied does not have the CRC-32 the central directory records.
    case crcMismatch(entry: String, expected: UInt32, computed: UInt32)
    /// The data does not have the size the central directory records.
    case sizeMismatch(entry: String, expected: UInt64, actual: UInt64)
    /// The entry's uncompressed size is above ``ZipLimits/maxEntrySize``.
    case entryTooLarge(entry: String, size: UInt64, limit: UInt64)
    /// The entries' uncompressed sizes add up to more than ``ZipLimits/maxTotalSize``.
    case archiveTooLarge(size: UInt64, limit: UInt64)
    /// The entry's compression ratio is above ``ZipLimits/maxCompressionRatio``.
    case compressionRatioTooHigh(entry: String, compressedSize: UInt64, uncompressedSize: UInt64, limit: UInt64)
    /// zlib rejected the deflate stream.
    case corruptData(entry: String, reason: String)
    /// The entry's name would escape the extraction root (`../`, an absolute path, a NUL).
    case unsafePath(entry: String, problem: ZipPathProblem)
    /// No entry has this name.
    case entryNotFound(name: String)
    /// A wheel has no `<name>-<version>.dist-info/METADATA`.
    case missingDistInfo
    /// A wheel has more than one `*.dist-info/METADATA`.
    case multipleDistInfo(directories: [String])
    /// The wheel's `.dist-info` directory is for another package.
    case distInfoNameMismatch(directory: String, package: String)

    public var message: String {
        switch self {
        case .notAZipFile:
            "The file is not a zip archive: no end of central directory record found"
        case .truncated(let what):
            "The zip archive is truncated: \(what) is incomplete"
        case .invalidArchive(let reason):
            "The zip archive is invalid: \(reason)"
        case .overlappingEntries(let first, let second):
            "The zip archive is invalid: the data of `\(first)` and `\(second)` overlap"
        case .unsupportedCompressionMethod(let entry, let method):
            "The zip entry `\(entry)` uses an unsupported compression method (\(method)); files must be compressed with 'stored' or 'DEFLATE'"
        case .encryptedEntry(let entry):
            "The zip entry `\(entry)` is encrypted"
        case .localHeaderMismatch(let entry, let reason):
            "The local header of zip entry `\(entry)` does not match the central directory: \(reason)"
        case .crcMismatch(let entry, let expected, let computed):
            "Bad CRC (got \(Self.hex(computed)), expected \(Self.hex(expected))) for file: \(entry)"
        case .sizeMismatch(let entry, let expected, let actual):
            "The zip entry `\(entry)` has \(actual) bytes, but the central directory records \(expected)"
        case .entryTooLarge(let entry, let size, let limit):
            "The zip entry `\(entry)` is too large: \(size) bytes uncompressed (limit \(limit))"
        case .archiveTooLarge(let size, let limit):
            "The zip archive's entries add up to \(size) bytes uncompressed (limit \(limit)): refusing a possible zip bomb"
        case .compressionRatioTooHigh(let entry, let compressed, let uncompressed, let limit):
            "The zip entry `\(entry)` expands \(compressed) bytes into \(uncompressed) (more than \(limit) times): refusing a possible zip bomb"
        case .corruptData(let entry, let reason):
            "The zip entry `\(entry)` is corrupt: \(reason)"
        case .unsafePath(let entry, let problem):
            "The zip entry `\(entry)` has an unsafe path: \(problem.description)"
        case .entryNotFound(let name):
            "The zip archive has no entry `\(name)`"
        case .missingDistInfo:
            "No .dist-info directory found"
        case .multipleDistInfo(let directories):
            "Multiple .dist-info directories found: \(directories.joined(separator: ", "))"
        case .distInfoNameMismatch(let directory, let package):
            "The .dist-info directory `\(directory)` does not start with the normalized package name: \(package)"
        }
    }

    /// Eight lowercase hex digits, as uv prints CRCs.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
