/// Where an archive's central directory is, as recorded by its end records.
public struct ZipCentralDirectoryLocation: Sendable, Equatable {
    /// Absolute offset of the first central-directory header (prefix included).
    public let offset: UInt64
    /// Size of the central directory in bytes.
    public let size: UInt64
    /// Number of entries the end record announces.
    public let entryCount: UInt64
    /// Bytes in front of the archive proper (a self-extractor stub, say); every offset recorded
    /// in the archive is shifted by this much.
    public let prefixLength: UInt64
    /// Whether the ZIP64 end records were used.
    public let isZip64: Bool
}

/// What the tail of a file says about its central directory.
public enum ZipTailAnalysis: Sendable, Equatable {
    /// The tail holds the whole central directory.
    case located(ZipCentralDirectoryLocation)
    /// More bytes are needed: fetch this range (it always ends where the tail starts, so the
    /// bytes can be prepended) and ask again with the longer tail.
    case needsBytes(Range<UInt64>)
}

/// Finds the end-of-central-directory record (and its ZIP64 form) in the last bytes of a file.
///
/// This is the planning step for reading a remote wheel with range requests: fetch the last
/// ``recommendedTailLength`` bytes, call ``analyze(tail:fileSize:)``, and fetch the range it
/// asks for, if any, before parsing the central directory. ``ZipArchive`` uses the same steps.
public enum ZipCentralDirectoryLocator {
    /// The end record is 22 bytes plus a comment of at most 65,535 bytes.
    public static let maxEndRecordDistance: UInt64 = 22 + 65_535
    /// A tail this long usually holds the end records and the whole central directory of a
    /// wheel, so one request suffices.
    public static let recommendedTailLength: UInt64 = 64 * 1024

    static let endSignature: UInt32 = 0x0605_4b50
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    static let zip64EndSignature: UInt32 = 0x0606_4b50
    static let centralHeaderSize: UInt64 = 46

    /// Analyzes `tail`, the last `tail.count` bytes of a file of `fileSize` bytes.
    public static func analyze(tail: [UInt8], fileSize: UInt64) throws(ZipError) -> ZipTailAnalysis {
        guard UInt64(tail.count) <= fileSize else {
            throw .invalidArchive(reason: "the tail is longer than the file")
        }
        guard fileSize >= 22 else { throw .notAZipFile }
        let tailStart = fileSize - UInt64(tail.count)
        guard let endIndex = findEndRecord(in: tail) else {
            if tailStart > 0, UInt64(tail.count) < maxEndRecordDistance {
                let start = fileSize > maxEndRecordDistance ? fileSize - maxEndRecordDistance : 0
                return .needsBytes(start..<tailStart)
            }
            throw .notAZipFile
        }
        let endOffset = tailStart + UInt64(endIndex)
        var reader = LittleEndianReader(tail, at: endIndex + 4, what: "the end of central directory record")
        let disk = try reader.u16()
        let directoryDisk = try reader.u16()
        _ = try reader.u16()
        var entryCount = UInt64(try reader.u16())
        var size = UInt64(try reader.u32())
        var offset = UInt64(try reader.u32())
        var endRecordsOffset = endOffset
        var isZip64 = false

        // A ZIP64 locator sits right before the end record.
        if endOffset >= 20 {
            let locatorOffset = endOffset - 20
            if locatorOffset < tailStart { return .needsBytes(locatorOffset..<tailStart) }
            let locatorIndex = Int(locatorOffset - tailStart)
            if LittleEndianReader.u32(tail, at: locatorIndex) == zip64LocatorSignature {
                var locator = LittleEndianReader(tail, at: locatorIndex + 8, what: "the ZIP64 end of central directory locator")
                let recordedOffset = try locator.u64()
                switch try findZip64Record(tail: tail, tailStart: tailStart, locatorOffset: locatorOffset, recordedOffset: recordedOffset) {
                case .needsBytes(let range):
                    return .needsBytes(range)
                case .found(let recordOffset):
                    var record = LittleEndianReader(tail, at: Int(recordOffset - tailStart) + 16, what: "the ZIP64 end of central directory record")
                    let disk64 = try record.u32()
                    let directoryDisk64 = try record.u32()
                    _ = try record.u64()
                    entryCount = try record.u64()
                    size = try record.u64()
                    offset = try record.u64()
                    guard disk64 == 0, directoryDisk64 == 0 else {
                        throw .invalidArchive(reason: "multi-disk archives are not supported")
                    }
                    endRecordsOffset = recordOffset
                    isZip64 = true
                }
            }
        }
        if !isZip64, disk != 0 || directoryDisk != 0 {
            throw .invalidArchive(reason: "multi-disk archives are not supported")
        }
        guard size <= endRecordsOffset, offset <= endRecordsOffset - size else {
            throw .invalidArchive(reason: "the central directory extends past the end record")
        }
        guard entryCount <= size / centralHeaderSize else {
            throw .invalidArchive(reason: "the end record announces \(entryCount) entries in \(size) bytes")
        }
        let start = endRecordsOffset - size
        if start < tailStart { return .needsBytes(start..<tailStart) }
        return .located(ZipCentralDirectoryLocation(
            offset: start, size: size, entryCount: entryCount,
            prefixLength: start - offset, isZip64: isZip64
        ))
    }

    /// The index of the end record in `tail`: the last signature whose comment ends exactly at
    /// the end of the file, else the last signature with room for its fixed fields.
    static func findEndRecord(in tail: [UInt8]) -> Int? {
        guard tail.count >= 22 else { return nil }
        let floor = max(0, tail.count - Int(maxEndRecordDistance))
        var fallback: Int?
        var index = tail.count - 22
        while index >= floor {
            if tail[index] == 0x50, LittleEndianReader.u32(tail, at: index) == endSignature {
                let commentLength = Int(tail[index + 20]) | Int(tail[index + 21]) << 8
                if index + 22 + commentLength == tail.count { return index }
                if fallback == nil { fallback = index }
            }
            index -= 1
        }
        return fallback
    }

    private enum Zip64Search {
        case found(UInt64)
        case needsBytes(Range<UInt64>)
    }

    /// The ZIP64 end record is normally the 56 bytes before the locator; otherwise it is where
    /// the locator says (both are tried, as archives with prepended data shift the latter).
    private static func findZip64Record(
        tail: [UInt8], tailStart: UInt64, locatorOffset: UInt64, recordedOffset: UInt64
    ) throws(ZipError) -> Zip64Search {
        if locatorOffset >= 56 {
            let adjacent = locatorOffset - 56
            if adjacent < tailStart { return .needsBytes(adjacent..<tailStart) }
            if LittleEndianReader.u32(tail, at: Int(adjacent - tailStart)) == zip64EndSignature {
                return .found(adjacent)
            }
        }
        guard recordedOffset + 56 <= locatorOffset else {
            throw .invalidArchive(reason: "the ZIP64 end of central directory record is missing")
        }
        if recordedOffset < tailStart { return .needsBytes(recordedOffset..<tailStart) }
        guard LittleEndianReader.u32(tail, at: Int(recordedOffset - tailStart)) == zip64EndSignature else {
            throw .invalidArchive(reason: "the ZIP64 end of central directory record is missing")
        }
        return .found(recordedOffset)
    }
}
