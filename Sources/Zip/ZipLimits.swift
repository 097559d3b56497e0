/// Ceilings applied before and while an entry is read, against corrupt archives and zip bombs.
///
/// Sizes come from the central directory and are enforced on the bytes actually produced, so
/// an entry that lies about its size stops as soon as it overflows the recorded size.
public struct ZipLimits: Sendable, Equatable {
    /// The largest uncompressed size accepted for one entry.
    public var maxEntrySize: UInt64
    /// The largest `uncompressed / compressed` ratio accepted for entries of at least
    /// ``ratioCheckThreshold`` bytes. Deflate cannot exceed about 1032:1.
    public var maxCompressionRatio: UInt64
    /// Entries smaller than this are exempt from the ratio check (tiny files of zeros are fine).
    public var ratioCheckThreshold: UInt64
    /// The largest sum of the entries' uncompressed sizes accepted for one archive (many
    /// entries, each under the other limits, can still add up to a bomb).
    public var maxTotalSize: UInt64

    public init(maxEntrySize: UInt64, maxCompressionRatio: UInt64, ratioCheckThreshold: UInt64, maxTotalSize: UInt64 = 32 << 30) {
        self.maxEntrySize = maxEntrySize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
        self.maxTotalSize = maxTotalSize
    }

    /// 4 GiB per entry; ratio 200:1 checked from 16 MiB up; 32 GiB in all (the largest wheels
    /// published, GPU libraries, unpack to a few GiB).
    public static let `default` = ZipLimits(
        maxEntrySize: 4 << 30, maxCompressionRatio: 200, ratioCheckThreshold: 16 << 20
    )

    /// For `METADATA`, `RECORD` and similar text files: 64 MiB, ratio 200:1 from 1 MiB up.
    public static let metadata = ZipLimits(
        maxEntrySize: 64 << 20, maxCompressionRatio: 200, ratioCheckThreshold: 1 << 20
    )

    /// Throws when the entries' recorded uncompressed sizes add up to more than
    /// ``maxTotalSize``.
    public func checkTotal(_ entries: some Sequence<ZipEntry>) throws(ZipError) {
        var total: UInt64 = 0
        for entry in entries {
            let (sum, overflow) = total.addingReportingOverflow(entry.uncompressedSize)
            total = overflow ? .max : sum
        }
        if total > maxTotalSize { throw .archiveTooLarge(size: total, limit: maxTotalSize) }
    }

    /// Throws when `entry`'s recorded sizes break these limits.
    func check(_ entry: ZipEntry) throws(ZipError) {
        if entry.uncompressedSize > maxEntrySize {
            throw .entryTooLarge(entry: entry.name, size: entry.uncompressedSize, limit: maxEntrySize)
        }
        if entry.uncompressedSize >= ratioCheckThreshold,
           entry.uncompressedSize / max(entry.compressedSize, 1) > maxCompressionRatio {
            throw .compressionRatioTooHigh(
                entry: entry.name, compressedSize: entry.compressedSize,
                uncompressedSize: entry.uncompressedSize, limit: maxCompressionRatio
            )
        }
    }
}
