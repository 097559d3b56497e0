import HTTP
import Zip

/// The bytes of a remote file read with HTTP range requests, for reading a wheel's central
/// directory and `METADATA` without downloading the whole wheel.
struct HTTPRangeSource: ZipByteSource {
    let client: any HTTPClient
    let request: HTTPRequest
    let size: UInt64
    /// Bytes already fetched from the end of the file.
    let tail: [UInt8]

    func read(offset: UInt64, length: Int) async throws -> [UInt8] {
        let tailStart = size - UInt64(tail.count)
        if offset >= tailStart {
            let start = Int(offset - tailStart)
            return Array(tail[start..<min(tail.count, start + length)])
        }
        var ranged = request
        ranged.headers["Range"] = "bytes=\(offset)-\(offset + UInt64(length) - 1)"
        let response = try await client.get(ranged)
        guard response.status == 206 else { throw RangeUnsupported() }
        return response.body
    }
}

/// The server answered a range request with the whole file.
struct RangeUnsupported: Error {}

extension HTTPResponse {
    /// The total size from a `Content-Range: bytes a-b/total` header.
    var contentRangeTotal: UInt64? {
        guard let header = headers["Content-Range"], let slash = header.lastIndex(of: "/") else { return nil }
        return UInt64(header[header.index(after: slash)...])
    }
}

extension HTTPError {
    /// The HTTP status of a `.status` error.
    var statusCode: Int? {
        if case .status(_, let code) = self { return code }
        return nil
    }
}
