import CZlib

/// A raw-deflate decoder (zlib with `windowBits = -15`), fed input in chunks.
///
/// One instance decodes one entry; it is not shared between tasks.
final class RawInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var outputBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// Whether the end of the deflate stream has been seen.
    private(set) var finished = false

    init(entry: String) throws(ZipError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .corruptData(entry: entry, reason: "zlib could not be initialised (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates `input`, handing each decoded run to `output`; stops at the end of the stream.
    func inflate(_ input: ArraySlice<UInt8>, entry: String, output: ([UInt8]) throws(ZipError) -> Void) throws(ZipError) {
        guard !finished, !input.isEmpty else { return }
        var failure: ZipError?
        input.withUnsafeBufferPointer { inputBuffer in
            guard let inputBase = inputBuffer.baseAddress else { return }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBase)
            stream.pointee.avail_in = uInt(inputBuffer.count)
            let capacity = outputBuffer.count
            while true {
                let (status, produced) = outputBuffer.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(capacity)
                    let status = CZlib.inflate(stream, Z_NO_FLUSH)
                    return (status, capacity - Int(stream.pointee.avail_out))
                }
                if produced > 0 {
                    do throws(ZipError) {
                        try output(Array(outputBuffer[0..<produced]))
                    } catch {
                        failure = error
                        break
                    }
                }
                switch status {
                case Z_STREAM_END:
                    finished = true
                case Z_OK:
                    if stream.pointee.avail_in > 0 || produced == capacity { continue }
                case Z_BUF_ERROR:
                    break
                default:
                    let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    failure = .corruptData(entry: entry, reason: reason)
                }
                break
            }
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        if let failure { throw failure }
    }
}
