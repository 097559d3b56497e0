/// How an entry's data is stored.
public enum ZipCompressionMethod: Sendable, Hashable {
    /// Method 0: the bytes as they are.
    case stored
    /// Method 8: raw deflate.
    case deflated
    /// Any other method (bzip2, lzma, zstd…), which this reader does not decode.
    case other(UInt16)

    public init(rawValue: UInt16) {
        switch rawValue {
        case 0: self = .stored
        case 8: self = .deflated
        default: self = .other(rawValue)
        }
    }

    public var rawValue: UInt16 {
        switch self {
        case .stored: 0
        case .deflated: 8
        case .other(let value): value
        }
    }
}

/// One file, directory or symlink recorded in an archive's central directory.
public struct ZipEntry: Sendable, Equatable {
    /// The path inside the archive, decoded as UTF-8 (flag bit 11) or else as code page 437,
    /// as Python's `zipfile` does.
    public let name: String
    /// The name exactly as stored.
    public let nameBytes: [UInt8]
    /// `version made by`: the high byte is the host system (3 = Unix, 19 = macOS).
    public let versionMadeBy: UInt16
    /// The general-purpose flags (bit 0 = encrypted, bit 3 = data descriptor, bit 11 = UTF-8).
    public let flags: UInt16
    public let compressionMethod: ZipCompressionMethod
    /// The CRC-32 of the uncompressed data.
    public let crc32: UInt32
    public let compressedSize: UInt64
    public let uncompressedSize: UInt64
    /// Absolute offset of the entry's local file header (the archive's prefix included).
    public let localHeaderOffset: UInt64
    /// External attributes: MS-DOS attributes in the low byte, a Unix mode in the high 16 bits
    /// when the entry was made on Unix.
    public let externalAttributes: UInt32
    /// The DOS date and time of last modification (`date << 16 | time`).
    public let dosDateTime: UInt32

    public init(
        name: String, nameBytes: [UInt8], versionMadeBy: UInt16, flags: UInt16,
        compressionMethod: ZipCompressionMethod, crc32: UInt32, compressedSize: UInt64,
        uncompressedSize: UInt64, localHeaderOffset: UInt64, externalAttributes: UInt32,
        dosDateTime: UInt32
    ) {
        self.name = name
        self.nameBytes = nameBytes
        self.versionMadeBy = versionMadeBy
        self.flags = flags
        self.compressionMethod = compressionMethod
        self.crc32 = crc32
        self.compressedSize = compressedSize
        self.uncompressedSize = uncompressedSize
        self.localHeaderOffset = localHeaderOffset
        self.externalAttributes = externalAttributes
        self.dosDateTime = dosDateTime
    }

    /// Whether the entry is a directory: its name ends in `/`, or the DOS directory bit is set.
    public var isDirectory: Bool {
        nameBytes.last == UInt8(ascii: "/") || externalAttributes & 0x10 != 0
    }

    /// The Unix mode (file type and permission bits), when the entry was made on a Unix-like
    /// host and records one.
    public var unixMode: UInt16? {
        let host = versionMadeBy >> 8
        guard host == 3 || host == 19 else { return nil }
        let mode = UInt16(truncatingIfNeeded: externalAttributes >> 16)
        return mode == 0 ? nil : mode
    }

    /// Whether the Unix mode marks a symbolic link (the data is the link target).
    public var isSymlink: Bool {
        guard let mode = unixMode else { return false }
        return mode & 0o170000 == 0o120000
    }

    /// Whether any execute bit is set in the Unix mode.
    public var isExecutable: Bool {
        guard let mode = unixMode else { return false }
        return mode & 0o111 != 0
    }

    /// Whether the entry is encrypted (flag bit 0); such entries cannot be read.
    public var isEncrypted: Bool { flags & 1 != 0 }

    /// Why the name would escape an extraction root, or `nil` when it is safe.
    public var pathProblem: ZipPathProblem? { ZipPathProblem.check(name) }
}
