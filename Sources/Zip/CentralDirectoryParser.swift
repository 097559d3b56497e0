/// Parses the central directory: one 46-byte header per entry, then its name, extra fields and
/// comment. ZIP64 sizes and offsets come from the `0x0001` extra field when the 32-bit fields
/// hold `0xFFFFFFFF`.
enum CentralDirectoryParser {
    static let signature: UInt32 = 0x0201_4b50

    /// The entries of `bytes`, which hold exactly the central directory found at `location`.
    static func parse(_ bytes: [UInt8], location: ZipCentralDirectoryLocation) throws(ZipError) -> [ZipEntry] {
        var reader = LittleEndianReader(bytes, what: "the central directory")
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(min(location.entryCount, 1 << 20)))
        for _ in 0..<location.entryCount {
            entries.append(try parseEntry(&reader, prefixLength: location.prefixLength))
        }
        return entries
    }

    private static func parseEntry(_ reader: inout LittleEndianReader, prefixLength: UInt64) throws(ZipError) -> ZipEntry {
        guard try reader.u32() == signature else {
            throw .invalidArchive(reason: "bad central directory header signature")
        }
        let versionMadeBy = try reader.u16()
        _ = try reader.u16()
        let flags = try reader.u16()
        let method = try reader.u16()
        let time = try reader.u16()
        let date = try reader.u16()
        let crc = try reader.u32()
        var compressedSize = UInt64(try reader.u32())
        var uncompressedSize = UInt64(try reader.u32())
        let nameLength = Int(try reader.u16())
        let extraLength = Int(try reader.u16())
        let commentLength = Int(try reader.u16())
        let diskStart = try reader.u16()
        _ = try reader.u16()
        let externalAttributes = try reader.u32()
        var localHeaderOffset = UInt64(try reader.u32())
        let nameBytes = Array(try reader.bytes(nameLength))
        let extra = try reader.bytes(extraLength)
        try reader.skip(commentLength)
        let name = ZipNameDecoding.decode(nameBytes, isUTF8: flags & 0x0800 != 0)

        let needsUncompressed = uncompressedSize == 0xFFFF_FFFF
        let needsCompressed = compressedSize == 0xFFFF_FFFF
        let needsOffset = localHeaderOffset == 0xFFFF_FFFF
        if needsUncompressed || needsCompressed || needsOffset {
            guard let field = extraField(0x0001, in: extra) else {
                throw .invalidArchive(reason: "`\(name)` lacks its ZIP64 extra field")
            }
            var zip64 = LittleEndianReader(Array(field), what: "the ZIP64 extra field of `\(name)`")
            if needsUncompressed { uncompressedSize = try zip64.u64() }
            if needsCompressed { compressedSize = try zip64.u64() }
            if needsOffset { localHeaderOffset = try zip64.u64() }
        } else if diskStart != 0 && diskStart != 0xFFFF {
            throw .invalidArchive(reason: "multi-disk archives are not supported")
        }
        let (absoluteOffset, overflow) = localHeaderOffset.addingReportingOverflow(prefixLength)
        guard !overflow else { throw .invalidArchive(reason: "`\(name)` has an impossible offset") }
        return ZipEntry(
            name: name, nameBytes: nameBytes, versionMadeBy: versionMadeBy, flags: flags,
            compressionMethod: ZipCompressionMethod(rawValue: method), crc32: crc,
            compressedSize: compressedSize, uncompressedSize: uncompressedSize,
            localHeaderOffset: absoluteOffset, externalAttributes: externalAttributes,
            dosDateTime: UInt32(date) << 16 | UInt32(time)
        )
    }

    /// The data of the first extra field with `id`, if any.
    static func extraField(_ id: UInt16, in extra: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var index = extra.startIndex
        while index + 4 <= extra.endIndex {
            let fieldID = UInt16(extra[index]) | UInt16(extra[index + 1]) << 8
            let size = Int(extra[index + 2]) | Int(extra[index + 3]) << 8
            let dataStart = index + 4
            guard dataStart + size <= extra.endIndex else { return nil }
            if fieldID == id { return extra[dataStart..<(dataStart + size)] }
            index = dataStart + size
        }
        return nil
    }
}

/// Entry names: UTF-8 when flag bit 11 says so, else code page 437 (Python's `zipfile` rule).
enum ZipNameDecoding {
    /// Code page 437 for bytes 0x80–0xFF.
    static let cp437High: [Character] = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}"
    )

    static func decode(_ bytes: [UInt8], isUTF8: Bool) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if isUTF8 { return String(decoding: bytes, as: UTF8.self) }
        var result = ""
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result.append(cp437High[Int(byte - 0x80)])
            }
        }
        return result
    }
}
