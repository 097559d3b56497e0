/// A forward-only stream of bytes: a file, a buffer, or a decoder over another stream.
///
/// Conformers may be non-copyable (they own a file descriptor or a zlib stream).
public protocol ByteInput: ~Copyable {
    /// Returns the next bytes, at most `maxCount` (which is positive) and at least one unless the
    /// stream has ended; an empty array means the end.
    mutating func read(upTo maxCount: Int) throws(TarballError) -> [UInt8]
}

/// Bytes already in memory, handed out in order.
public struct MemoryInput: ByteInput, Sendable {
    private let bytes: [UInt8]
    private var position = 0

    /// A stream over `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public mutating func read(upTo maxCount: Int) throws(TarballError) -> [UInt8] {
        let end = min(bytes.count, position + max(0, maxCount))
        defer { position = end }
        return Array(bytes[position..<end])
    }
}
