/// The 30-byte header in front of each entry's data, with its own copy of the name and an
/// extra field whose length may differ from the central directory's.
enum LocalFileHeader {
    static let signature: UInt32 = 0x0403_4b50

    /// Checks the header at the start of `bytes` against the central directory's `entry` and
    /// returns the length of its extra field (the data starts after it).
    static func validate(_ bytes: [UInt8], against entry: ZipEntry) throws(ZipError) -> Int {
        var reader = LittleEndianReader(bytes, what: "the local header of `\(entry.name)`")
        guard try reader.u32() == signature else {
            throw .localHeaderMismatch(entry: entry.name, reason: "bad signature")
        }
        _ = try reader.u16()
        _ = try reader.u16()
        let method = try reader.u16()
        try reader.skip(16)
        let nameLength = Int(try reader.u16())
        let extraLength = Int(try reader.u16())
        guard method == entry.compressionMethod.rawValue else {
            throw .localHeaderMismatch(entry: entry.name, reason: "compression method \(method)")
        }
        guard nameLength == entry.nameBytes.count, try reader.bytes(nameLength).elementsEqual(entry.nameBytes) else {
            throw .localHeaderMismatch(entry: entry.name, reason: "the file name differs")
        }
        return extraLength
    }
}
