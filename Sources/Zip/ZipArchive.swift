/// A zip archive opened for reading: its central directory parsed, its entries read on demand
/// through a ``ZipByteSource``.
///
/// Opening reads the tail of the source (and, if the central directory starts before it, the
/// missing range); reading an entry costs one more read for small entries. Nothing is
/// extracted to disk here; names that would escape a root are reported by
/// ``ZipEntry/pathProblem`` and ``validatePaths()``.
public struct ZipArchive: Sendable {
    /// Where the bytes come from.
    public let source: any ZipByteSource
    /// The entries in central-directory order.
    public let entries: [ZipEntry]
    /// Where the central directory was found.
    public let location: ZipCentralDirectoryLocation
    /// The largest read made while streaming an entry.
    public let readChunkSize: Int
    private let indexByName: [String: Int]

    /// Opens an archive.
    ///
    /// - Parameters:
    ///   - tail: the last bytes of the source, if the caller already fetched them (say with
    ///     the first range request); otherwise the last 64 KiB are read.
    ///   - readChunkSize: how much compressed data to read at once when streaming an entry.
    public init(source: any ZipByteSource, tail: [UInt8]? = nil, readChunkSize: Int = 1 << 20) async throws {
        let size = source.size
        var tail = tail ?? []
        if tail.isEmpty {
            let length = min(size, ZipCentralDirectoryLocator.recommendedTailLength)
            tail = try await Self.read(source, offset: size - length, length: Int(length), what: "the end of the archive")
        }
        var location: ZipCentralDirectoryLocation?
        for _ in 0..<4 {
            switch try ZipCentralDirectoryLocator.analyze(tail: tail, fileSize: size) {
            case .located(let found):
                location = found
            case .needsBytes(let range):
                let extra = try await Self.read(source, offset: range.lowerBound, length: Int(range.count), what: "the central directory")
                tail = extra + tail
                continue
            }
            break
        }
        guard let location else { throw ZipError.invalidArchive(reason: "the end records point at each other") }
        let tailStart = size - UInt64(tail.count)
        let start = Int(location.offset - tailStart)
        let directory = Array(tail[start..<(start + Int(location.size))])
        let entries = try CentralDirectoryParser.parse(directory, location: location)
        try Self.checkLayout(entries, directoryOffset: location.offset)
        var indexByName: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where indexByName[entry.name] == nil {
            indexByName[entry.name] = index
        }
        self.source = source
        self.entries = entries
        self.location = location
        self.readChunkSize = max(readChunkSize, 4096)
        self.indexByName = indexByName
    }

    /// The first entry with this exact name.
    public func entry(named name: String) -> ZipEntry? {
        indexByName[name].map { entries[$0] }
    }

    /// Throws ``ZipError/unsafePath(entry:problem:)`` for the first entry whose name would
    /// escape the extraction root.
    public func validatePaths() throws(ZipError) {
        for entry in entries {
            if let problem = entry.pathProblem { throw .unsafePath(entry: entry.name, problem: problem) }
        }
    }

    /// The whole uncompressed data of `entry`, size and CRC-32 checked.
    public func contents(of entry: ZipEntry, limits: ZipLimits = .default) async throws -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 26)))
        try await read(entry, limits: limits) { data.append(contentsOf: $0) }
        return data
    }

    /// The data of the entry named `name`.
    public func contents(ofEntryNamed name: String, limits: ZipLimits = .default) async throws -> [UInt8] {
        guard let entry = entry(named: name) else { throw ZipError.entryNotFound(name: name) }
        return try await contents(of: entry, limits: limits)
    }

    /// Streams `entry`'s uncompressed data to `body` in runs; the size and CRC-32 are checked
    /// as the data flows, and the last check happens after the last run.
    public func read(
        _ entry: ZipEntry, limits: ZipLimits = .default, into body: ([UInt8]) async throws -> Void
    ) async throws {
        if entry.isEncrypted { throw ZipError.encryptedEntry(entry: entry.name) }
        try limits.check(entry)
        let decoder = try ZipEntryDecoder(entry: entry)
        let size = source.size
        let fixed = UInt64(30 + entry.nameBytes.count)
        guard entry.localHeaderOffset <= size, fixed <= size - entry.localHeaderOffset else {
            throw ZipError.truncated(what: "the local header of `\(entry.name)`")
        }
        // One read for the header, a guess at its extra field, and small data.
        var first = fixed + 128
        if entry.compressedSize <= UInt64(readChunkSize) { first += entry.compressedSize }
        first = min(first, size - entry.localHeaderOffset)
        let head = try await Self.read(source, offset: entry.localHeaderOffset, length: Int(first), what: "the local header of `\(entry.name)`")
        let extraLength = try LocalFileHeader.validate(head, against: entry)
        let dataOffset = entry.localHeaderOffset + fixed + UInt64(extraLength)
        guard dataOffset <= size, entry.compressedSize <= size - dataOffset else {
            throw ZipError.truncated(what: "the data of `\(entry.name)`")
        }
        var remaining = entry.compressedSize
        var position = dataOffset
        let headStart = Int(fixed) + extraLength
        if headStart < head.count {
            let take = Int(min(UInt64(head.count - headStart), remaining))
            let output = try decoder.feed(head[headStart..<(headStart + take)])
            if !output.isEmpty { try await body(output) }
            remaining -= UInt64(take)
            position += UInt64(take)
        }
        while remaining > 0 {
            let length = Int(min(remaining, UInt64(readChunkSize)))
            let chunk = try await Self.read(source, offset: position, length: length, what: "the data of `\(entry.name)`")
            let output = try decoder.feed(chunk[...])
            if !output.isEmpty { try await body(output) }
            remaining -= UInt64(length)
            position += UInt64(length)
        }
        try decoder.finish()
    }

    /// Reads from the source and checks the length it returned.
    static func read(_ source: any ZipByteSource, offset: UInt64, length: Int, what: String) async throws -> [UInt8] {
        guard length > 0 else { return [] }
        let bytes = try await source.read(offset: offset, length: length)
        guard bytes.count == length else { throw ZipError.truncated(what: what) }
        return bytes
    }

    /// Rejects entries whose data would overlap another entry's or the central directory
    /// (the shape of overlapping-file zip bombs).
    static func checkLayout(_ entries: [ZipEntry], directoryOffset: UInt64) throws(ZipError) {
        let ordered = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (index, entry) in ordered.enumerated() {
            let (end, overflow) = entry.localHeaderOffset.addingReportingOverflow(
                30 + UInt64(entry.nameBytes.count) + entry.compressedSize
            )
            guard !overflow, end <= directoryOffset else {
                throw .invalidArchive(reason: "the data of `\(entry.name)` runs into the central directory")
            }
            if index + 1 < ordered.count, end > ordered[index + 1].localHeaderOffset {
                throw .overlappingEntries(first: entry.name, second: ordered[index + 1].name)
            }
        }
    }
}
