import Hashing

/// The HTTP version a response came over.
public enum HTTPVersion: String, Sendable, Hashable {
    case http1_0 = "HTTP/1.0"
    case http1_1 = "HTTP/1.1"
    case http2 = "HTTP/2"
    case http3 = "HTTP/3"
}

/// A complete response held in memory.
///
/// ``HTTPClient/get(_:)`` returns one for every 2xx and 3xx status (`304 Not Modified` included);
/// 4xx and 5xx statuses throw ``HTTPError/status(url:code:)``.
public struct HTTPResponse: Sendable, Hashable {
    /// The final status, after redirects.
    public var status: Int
    /// The final response's headers (those of redirects before it are dropped).
    public var headers: HTTPHeaders
    /// The body, decoded from any content coding.
    public var body: [UInt8]
    /// The URL the body came from, after redirects. It may carry the request's userinfo:
    /// show it with ``redacted(_:)``.
    public var url: String
    /// The protocol version of the final response, when known.
    public var httpVersion: HTTPVersion?

    public init(status: Int, headers: HTTPHeaders, body: [UInt8], url: String, httpVersion: HTTPVersion? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.httpVersion = httpVersion
    }

    /// `304 Not Modified`: the cached copy is still good.
    public var isNotModified: Bool { status == 304 }

    /// The body as UTF-8 text (invalid sequences repaired).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A body streamed to disk by ``HTTPClient/download(_:to:expectedSHA256:)``.
public struct DownloadResult: Sendable, Hashable {
    /// Where the body now is (the `to` path).
    public var path: String
    /// The number of bytes written.
    public var size: Int64
    /// The SHA-256 of the bytes written, computed while they arrived.
    public var sha256: SHA256Digest
    /// The final status (200, or 206 for a range).
    public var status: Int
    /// The final response's headers.
    public var headers: HTTPHeaders
    /// The URL the body came from, after redirects (may carry userinfo; see ``redacted(_:)``).
    public var url: String

    public init(path: String, size: Int64, sha256: SHA256Digest, status: Int, headers: HTTPHeaders, url: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.status = status
        self.headers = headers
        self.url = url
    }
}
