/// Writes small zip archives for tests, byte by byte, with knobs for the corner cases the
/// reader must handle or reject (ZIP64 records, prepended data, wrong CRCs, lying sizes…).
struct ZipBuilder {
    struct Entry {
        var name: String
        var data: [UInt8] = []
        /// 0 = stored; 8 = deflate, written as uncompressed deflate blocks unless
        /// `compressed` is given.
        var method: UInt16 = 0
        /// Raw compressed bytes to store instead of encoding `data`.
        var compressed: [UInt8]?
        var unixMode: UInt16? = 0o100644
        var flags: UInt16 = 0
        var crc: UInt32?
        var uncompressedSize: UInt64?
        /// A different name in the local header.
        var localName: String?
        /// Name bytes to store instead of `name`'s UTF-8.
        var rawName: [UInt8]?
        /// Extra bytes in the local header's extra field.
        var localExtra: [UInt8] = []
        /// Overrides the local header offset recorded in the central directory.
        var offsetOverride: UInt64?
    }

    var entries: [Entry]
    var prefix: [UInt8] = []
    var comment: [UInt8] = []
    var zip64 = false

    init(_ entries: [Entry], prefix: [UInt8] = [], comment: [UInt8] = [], zip64: Bool = false) {
        self.entries = entries
        self.prefix = prefix
        self.comment = comment
        self.zip64 = zip64
    }

    /// `data` as a raw deflate stream of uncompressed blocks.
    static func storedDeflate(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final = offset + count == data.count
            output.append(final ? 1 : 0)
            output += le16(UInt16(count)) + le16(~UInt16(count))
            output += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        return output
    }

    func build() -> [UInt8] {
        var out = prefix
        var central: [UInt8] = []
        for entry in entries {
            let nameBytes = entry.rawName ?? Array(entry.name.utf8)
            let localNameBytes = entry.localName.map { Array($0.utf8) } ?? nameBytes
            let payload = entry.compressed ?? (entry.method == 8 ? Self.storedDeflate(entry.data) : entry.data)
            let crc = entry.crc ?? CRC32.checksum(entry.data)
            let size = entry.uncompressedSize ?? UInt64(entry.data.count)
            let offset = UInt64(out.count - prefix.count)
            let zip64Sizes = le64(size) + le64(UInt64(payload.count))
            let localExtra = (zip64 ? le16(1) + le16(16) + zip64Sizes : []) + entry.localExtra
            out += le32(0x0403_4b50) + le16(zip64 ? 45 : 20) + le16(entry.flags) + le16(entry.method)
            out += le16(0) + le16(0x5021) + le32(crc)
            out += zip64 ? le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) : le32(UInt32(payload.count)) + le32(UInt32(size))
            out += le16(UInt16(localNameBytes.count)) + le16(UInt16(localExtra.count)) + localNameBytes + localExtra + payload

            let recordedOffset = entry.offsetOverride ?? offset
            let centralExtra = zip64 ? le16(1) + le16(24) + zip64Sizes + le64(recordedOffset) : []
            let made: UInt16 = entry.unixMode == nil ? 20 : 0x0300 | 20
            central += le32(0x0201_4b50) + le16(made) + le16(zip64 ? 45 : 20) + le16(entry.flags) + le16(entry.method)
            central += le16(0) + le16(0x5021) + le32(crc)
            central += zip64 ? le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) : le32(UInt32(payload.count)) + le32(UInt32(size))
            central += le16(UInt16(nameBytes.count)) + le16(UInt16(centralExtra.count)) + le16(0) + le16(0) + le16(0)
            let directoryBit: UInt32 = entry.name.hasSuffix("/") ? 0x10 : 0
            central += le32(UInt32(entry.unixMode ?? 0) << 16 | directoryBit)
            central += zip64 ? le32(0xFFFF_FFFF) : le32(UInt32(recordedOffset))
            central += nameBytes + centralExtra
        }
        let centralOffset = UInt64(out.count - prefix.count)
        out += central
        if zip64 {
            let recordOffset = UInt64(out.count - prefix.count)
            out += le32(0x0606_4b50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            out += le64(UInt64(entries.count)) + le64(UInt64(entries.count)) + le64(UInt64(central.count)) + le64(centralOffset)
            out += le32(0x0706_4b50) + le32(0) + le64(recordOffset) + le32(1)
            out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF)
            out += le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
        } else {
            out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            out += le32(UInt32(central.count)) + le32(UInt32(centralOffset))
        }
        out += le16(UInt16(comment.count)) + comment
        return out
    }
}

func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

/// CRC-32 (IEEE), bitwise, for building test archives independently of zlib.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
