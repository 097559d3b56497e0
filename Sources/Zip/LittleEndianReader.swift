/// Reads little-endian integers and byte runs from a buffer, with bounds checks that throw
/// ``ZipError/truncated(what:)``.
struct LittleEndianReader {
    let bytes: [UInt8]
    var position: Int
    /// What is being read, for the error message.
    let what: String

    init(_ bytes: [UInt8], at position: Int = 0, what: String) {
        self.bytes = bytes
        self.position = position
        self.what = what
    }

    var remaining: Int { bytes.count - position }

    mutating func u16() throws(ZipError) -> UInt16 {
        try require(2)
        defer { position += 2 }
        return UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8
    }

    mutating func u32() throws(ZipError) -> UInt32 {
        try require(4)
        defer { position += 4 }
        return UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
            | UInt32(bytes[position + 2]) << 16 | UInt32(bytes[position + 3]) << 24
    }

    mutating func u64() throws(ZipError) -> UInt64 {
        let low = try u32()
        let high = try u32()
        return UInt64(low) | UInt64(high) << 32
    }

    mutating func bytes(_ count: Int) throws(ZipError) -> ArraySlice<UInt8> {
        try require(count)
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func skip(_ count: Int) throws(ZipError) {
        try require(count)
        position += count
    }

    private func require(_ count: Int) throws(ZipError) {
        guard count >= 0, position >= 0, remaining >= count else { throw .truncated(what: what) }
    }

    /// The little-endian `UInt32` at `offset` of `bytes`, or `nil` past the end.
    static func u32(_ bytes: [UInt8], at offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
