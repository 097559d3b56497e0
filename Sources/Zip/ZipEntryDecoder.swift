import CZlib

/// Turns an entry's compressed bytes, fed in order, into its data while checking the recorded
/// size and CRC-32: output beyond the recorded size fails at once, and ``finish()`` checks the
/// total and the checksum.
final class ZipEntryDecoder {
    let entry: ZipEntry
    private let inflater: RawInflater?
    private var crc: UInt = 0
    private(set) var produced: UInt64 = 0

    init(entry: ZipEntry) throws(ZipError) {
        self.entry = entry
        switch entry.compressionMethod {
        case .stored:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .sizeMismatch(entry: entry.name, expected: entry.uncompressedSize, actual: entry.compressedSize)
            }
            inflater = nil
        case .deflated:
            inflater = try RawInflater(entry: entry.name)
        case .other(let method):
            throw .unsupportedCompressionMethod(entry: entry.name, method: method)
        }
    }

    /// Decodes the next run of compressed bytes.
    func feed(_ compressed: ArraySlice<UInt8>) throws(ZipError) -> [UInt8] {
        guard let inflater else {
            let output = Array(compressed)
            try account(output)
            return output
        }
        var output: [UInt8] = []
        try inflater.inflate(compressed, entry: entry.name) { (chunk: [UInt8]) throws(ZipError) in
            try account(chunk)
            output.append(contentsOf: chunk)
        }
        return output
    }

    /// Checks that the stream ended with the recorded size and CRC-32.
    func finish() throws(ZipError) {
        // An empty deflated entry may carry no deflate stream at all (as Python's zipfile accepts).
        let emptyWithoutStream = entry.compressedSize == 0 && produced == 0
        if let inflater, !inflater.finished, !emptyWithoutStream {
            throw .corruptData(entry: entry.name, reason: "the deflate stream ends early")
        }
        guard produced == entry.uncompressedSize else {
            throw .sizeMismatch(entry: entry.name, expected: entry.uncompressedSize, actual: produced)
        }
        let computed = UInt32(truncatingIfNeeded: crc)
        guard computed == entry.crc32 else {
            throw .crcMismatch(entry: entry.name, expected: entry.crc32, computed: computed)
        }
    }

    private func account(_ chunk: [UInt8]) throws(ZipError) {
        produced += UInt64(chunk.count)
        guard produced <= entry.uncompressedSize else {
            throw .sizeMismatch(entry: entry.name, expected: entry.uncompressedSize, actual: produced)
        }
        crc = chunk.withUnsafeBufferPointer { buffer in
            CZlib.crc32(crc, buffer.baseAddress, uInt(buffer.count))
        }
    }
}
