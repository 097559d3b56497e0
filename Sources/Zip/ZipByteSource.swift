/// Random access to the bytes of a zip archive: a local file, a buffer, or a remote file read
/// with HTTP range requests.
///
/// ``ZipArchive`` asks for the tail first, then the central directory, then one range per
/// entry it reads, so a remote source costs two or three requests for a wheel's `METADATA`.
public protocol ZipByteSource: Sendable {
    /// The total size of the archive in bytes.
    var size: UInt64 { get }
    /// Exactly `length` bytes starting at `offset`; the range is always inside `0..<size`.
    func read(offset: UInt64, length: Int) async throws -> [UInt8]
}

/// A zip archive held in memory.
public struct ZipMemorySource: ZipByteSource {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var size: UInt64 { UInt64(bytes.count) }

    public func read(offset: UInt64, length: Int) async throws -> [UInt8] {
        guard length >= 0, offset <= size, UInt64(length) <= size - offset else {
            throw ZipError.truncated(what: "the requested range")
        }
        let start = Int(offset)
        return Array(bytes[start..<(start + length)])
    }
}
