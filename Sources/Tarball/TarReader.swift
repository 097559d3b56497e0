/// Reads the members of a tar archive (ustar, GNU and pax) front to back from a ``ByteInput``.
///
/// Names come from pax `path` records, GNU `L` long names, or the ustar `prefix` and `name`
/// fields; sizes from pax `size` records or the octal/base-256 size field. Every header's
/// checksum is verified. Regular files, directories, symbolic and hard links are reported;
/// other types (devices, FIFOs, pax globals, GNU extensions) are skipped. Reading stops at the
/// first all-zero block (the end-of-archive marker) or at the end of the input after a whole
/// member.
///
/// ```swift
/// var reader = TarReader(input: MemoryInput(bytes), archive: "foo-1.0.tar")
/// while let entry = try reader.next() {
///     if entry.name == "foo-1.0/PKG-INFO" { return try reader.readContents() }
/// }
/// ```
public struct TarReader<Input: ByteInput & ~Copyable>: ~Copyable {
    /// The archive's name, for error messages.
    public let archive: String
    /// The largest member ``readContents()`` reads into memory.
    public let maxMemberSize: UInt64
    /// The bytes of the archive consumed so far.
    public private(set) var offset: UInt64 = 0

    private var input: Input
    private var buffer: [UInt8] = []
    private var position = 0
    private var inputEnded = false
    /// The current member's name and the data and padding bytes not yet consumed.
    private var currentName = ""
    private var remaining: UInt64 = 0
    private var padding: UInt64 = 0
    private var sawHeader = false
    private var ended = false

    private static var chunkSize: Int { 64 * 1024 }

    /// A reader over `input`; `archive` names it in errors.
    public init(input: consuming Input, archive: String, maxMemberSize: UInt64 = TarballLimits.defaultSizeLimit) {
        self.input = input
        self.archive = archive
        self.maxMemberSize = maxMemberSize
    }

    /// The next member, or `nil` at the end of the archive. Skips whatever is left of the
    /// previous member's data.
    public mutating func next() throws(TarballError) -> TarEntry? {
        guard !ended else { return nil }
        try skipCurrent()
        var longName: String?
        var longLink: String?
        var pax: [String: String] = [:]
        while true {
            let headerOffset = offset
            let block = try take(TarHeader.blockSize)
            if block.isEmpty {
                guard sawHeader else { throw .truncated(archive: archive, what: "the first tar header") }
                guard longName == nil, longLink == nil, pax.isEmpty else {
                    throw .truncated(archive: archive, what: "the member after the extended header")
                }
                ended = true
                return nil
            }
            guard block.count == TarHeader.blockSize else {
                throw .truncated(archive: archive, what: "the tar header at offset \(headerOffset)")
            }
            sawHeader = true
            if TarHeader.isZero(block) {
                ended = true
                return nil
            }
            let header = try TarHeader(block: block, offset: headerOffset, archive: archive)
            switch header.typeFlag {
            case UInt8(ascii: "L"), UInt8(ascii: "K"), UInt8(ascii: "x"):
                let data = try readExtendedHeader(size: header.size, offset: headerOffset)
                if header.typeFlag == UInt8(ascii: "L") {
                    longName = TarHeader.string(data[...])
                } else if header.typeFlag == UInt8(ascii: "K") {
                    longLink = TarHeader.string(data[...])
                } else {
                    do throws(TarNumberError) {
                        pax.merge(try PaxRecords.parse(data)) { $1 }
                    } catch {
                        throw .invalidHeader(archive: archive, offset: headerOffset, reason: "the pax header \(error.description)")
                    }
                }
                continue
            default:
                break
            }
            var size = header.size
            if let text = pax["size"] {
                guard let value = UInt64(text) else {
                    throw .invalidHeader(archive: archive, offset: headerOffset, reason: "the pax size `\(text)` is not a number")
                }
                size = value
            }
            let name = pax["path"] ?? longName ?? header.name
            let link = pax["linkpath"] ?? longLink ?? header.linkName
            longName = nil
            longLink = nil
            pax = [:]
            let kind: TarEntry.Kind?
            switch header.typeFlag {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"): kind = .file
            case UInt8(ascii: "1"): kind = .hardlink
            case UInt8(ascii: "2"): kind = .symlink
            case UInt8(ascii: "5"): kind = .directory
            default: kind = nil  // devices, FIFOs, pax globals, GNU sparse files, ...
            }
            let dataSize = Self.hasNoData(header.typeFlag) ? 0 : size
            currentName = name
            remaining = dataSize
            padding = Self.padding(for: dataSize)
            guard let kind else {
                try skipCurrent()
                continue
            }
            return TarEntry(name: name, size: dataSize, kind: kind, linkTarget: kind == .symlink || kind == .hardlink ? link : "")
        }
    }

    /// The data of the member ``next()`` returned last; empty once read (or for directories
    /// and links). Throws when the member is larger than ``maxMemberSize``.
    public mutating func readContents() throws(TarballError) -> [UInt8] {
        guard remaining > 0 else { return [] }
        guard remaining <= maxMemberSize else {
            throw .memberTooLarge(archive: archive, member: currentName, size: remaining, limit: maxMemberSize)
        }
        let data = try take(Int(remaining))
        guard data.count == Int(remaining) else {
            throw .truncated(archive: archive, what: "the data of `\(currentName)`")
        }
        remaining = 0
        return data
    }

    /// Types whose size field does not count data (links, devices, directories, FIFOs), as
    /// Python's `tarfile` reads them.
    private static func hasNoData(_ type: UInt8) -> Bool {
        Array("123456".utf8).contains(type)
    }

    /// The zero bytes after `size` bytes of data up to the next block boundary.
    private static func padding(for size: UInt64) -> UInt64 {
        let block = UInt64(TarHeader.blockSize)
        return (block - size % block) % block
    }

    /// Reads the data of a GNU long name or pax header (bounded) and its padding.
    private mutating func readExtendedHeader(size: UInt64, offset headerOffset: UInt64) throws(TarballError) -> [UInt8] {
        guard size <= TarballLimits.maxExtendedHeaderSize else {
            throw .invalidHeader(
                archive: archive, offset: headerOffset,
                reason: "the extended header has \(size) bytes (limit \(TarballLimits.maxExtendedHeaderSize))"
            )
        }
        let what = "the extended header at offset \(headerOffset)"
        let data = try take(Int(size))
        guard data.count == Int(size) else { throw .truncated(archive: archive, what: what) }
        let padding = Self.padding(for: size)
        guard try skip(padding) == padding else { throw .truncated(archive: archive, what: what) }
        return data
    }

    /// Consumes what is left of the current member's data and padding.
    private mutating func skipCurrent() throws(TarballError) {
        let total = remaining + padding
        guard total > 0 else { return }
        let skipped = try skip(total)
        // The last member's padding may be missing at the very end of some archives.
        guard skipped >= remaining else {
            throw .truncated(archive: archive, what: "the data of `\(currentName)`")
        }
        remaining = 0
        padding = 0
    }

    // MARK: - Buffered input

    /// Makes sure the buffer has unread bytes unless the input has ended.
    private mutating func fill() throws(TarballError) {
        guard position == buffer.count, !inputEnded else { return }
        buffer = try input.read(upTo: Self.chunkSize)
        position = 0
        if buffer.isEmpty { inputEnded = true }
    }

    /// The next `count` bytes, or fewer at the end of the input.
    private mutating func take(_ count: Int) throws(TarballError) -> [UInt8] {
        var result: [UInt8] = []
        while result.count < count {
            try fill()
            guard position < buffer.count else { break }
            let length = min(count - result.count, buffer.count - position)
            result.append(contentsOf: buffer[position..<(position + length)])
            position += length
        }
        offset += UInt64(result.count)
        return result
    }

    /// Discards up to `count` bytes; returns how many there were.
    private mutating func skip(_ count: UInt64) throws(TarballError) -> UInt64 {
        var skipped: UInt64 = 0
        while skipped < count {
            try fill()
            guard position < buffer.count else { break }
            let length = Int(min(count - skipped, UInt64(buffer.count - position)))
            position += length
            skipped += UInt64(length)
        }
        offset += skipped
        return skipped
    }
}
