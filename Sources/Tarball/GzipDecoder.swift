internal import CZlib

/// A streaming gzip decoder over another ``ByteInput`` (zlib with `windowBits = 16 + 15`).
///
/// Concatenated gzip members decode as one stream (as `gzip -d` does), zero padding after the
/// last member is ignored, and the output is capped: once more than `limit` bytes come out,
/// reading throws ``TarballError/tooLarge(archive:limit:)``. Nothing is decoded ahead of what
/// the caller reads, so stopping early costs nothing.
///
/// ```swift
/// var decoder = try GzipDecoder(input: FileInput(path: path), archive: "foo-1.0.tar.gz")
/// let first = try decoder.read(upTo: 512)
/// ```
public struct GzipDecoder<Input: ByteInput & ~Copyable>: ~Copyable, ByteInput {
    /// The archive's name, for error messages.
    public let archive: String
    /// The most bytes the stream may expand to.
    public let limit: UInt64
    /// The bytes produced so far.
    public private(set) var produced: UInt64 = 0

    private var input: Input
    /// The `z_stream`, kept untyped so that clients never need zlib's headers.
    private let state: UnsafeMutableRawPointer
    private var stream: UnsafeMutablePointer<z_stream> { state.assumingMemoryBound(to: z_stream.self) }
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var inputEnded = false
    private var memberEnded = false
    private var finished = false
    private static var inputChunk: Int { 64 * 1024 }

    /// Starts decoding `input`; throws when zlib cannot be initialised.
    public init(input: consuming Input, archive: String, limit: UInt64 = TarballLimits.defaultSizeLimit) throws(TarballError) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, 16 + 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .corruptGzip(archive: archive, reason: "zlib could not be initialised (\(status))")
        }
        self.input = input
        self.state = UnsafeMutableRawPointer(stream)
        self.archive = archive
        self.limit = limit
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    public mutating func read(upTo maxCount: Int) throws(TarballError) -> [UInt8] {
        guard !finished, maxCount > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: maxCount)
        var count = 0
        while count == 0 {
            if memberEnded {
                guard try startNextMember() else {
                    finished = true
                    break
                }
            }
            if pendingStart == pending.count {
                try refill()
                if inputEnded {
                    throw .truncated(archive: archive, what: "the gzip stream")
                }
            }
            count += try inflate(into: &output, from: count)
        }
        produced += UInt64(count)
        guard produced <= limit else { throw .tooLarge(archive: archive, limit: limit) }
        output.removeSubrange(count...)
        return output
    }

    /// Reads the next chunk of compressed input; sets `inputEnded` at its end.
    private mutating func refill() throws(TarballError) {
        guard !inputEnded else { return }
        pending = try input.read(upTo: Self.inputChunk)
        pendingStart = 0
        if pending.isEmpty { inputEnded = true }
    }

    /// After a member's trailer: skips zero padding and resets zlib when another member
    /// follows; returns `false` at the end of the input.
    private mutating func startNextMember() throws(TarballError) -> Bool {
        while true {
            while pendingStart < pending.count, pending[pendingStart] == 0 { pendingStart += 1 }
            if pendingStart < pending.count { break }
            try refill()
            if inputEnded { return false }
        }
        guard inflateReset(stream) == Z_OK else {
            throw .corruptGzip(archive: archive, reason: "zlib could not be reset")
        }
        memberEnded = false
        return true
    }

    /// One `inflate` call from the pending input into `output[offset...]`; returns the bytes
    /// produced.
    private mutating func inflate(into output: inout [UInt8], from offset: Int) throws(TarballError) -> Int {
        let stream = self.stream
        let available = pending.count - pendingStart
        let start = pendingStart
        let (status, consumed, produced) = pending.withUnsafeBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> (Int32, Int, Int) in
                guard let inputBase = inputBuffer.baseAddress, let outputBase = outputBuffer.baseAddress else {
                    return (Z_BUF_ERROR, 0, 0)
                }
                let room = outputBuffer.count - offset
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBase + start)
                stream.pointee.avail_in = uInt(available)
                stream.pointee.next_out = outputBase + offset
                stream.pointee.avail_out = uInt(room)
                let status = CZlib.inflate(stream, Z_NO_FLUSH)
                let result = (status, available - Int(stream.pointee.avail_in), room - Int(stream.pointee.avail_out))
                stream.pointee.next_in = nil
                stream.pointee.avail_in = 0
                stream.pointee.next_out = nil
                stream.pointee.avail_out = 0
                return result
            }
        }
        pendingStart += consumed
        switch status {
        case Z_STREAM_END:
            memberEnded = true
        case Z_OK:
            break
        case Z_BUF_ERROR where consumed == 0 && produced == 0 && pendingStart == pending.count:
            break
        default:
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .corruptGzip(archive: archive, reason: reason)
        }
        return produced
    }
}

extension GzipDecoder: @unchecked Sendable where Input: Sendable & ~Copyable {}
// Safety: the decoder is non-copyable, so its zlib stream has exactly one owner; sending the
// decoder moves that ownership.

extension GzipDecoder where Input: ~Copyable {
    /// Reads everything that is left (up to the limit).
    ///
    /// Meant for small streams and tests; archives are better read through ``TarReader``.
    public mutating func readAll() throws(TarballError) -> [UInt8] {
        var result: [UInt8] = []
        while true {
            let chunk = try read(upTo: 64 * 1024)
            if chunk.isEmpty { return result }
            result.append(contentsOf: chunk)
        }
    }
}
