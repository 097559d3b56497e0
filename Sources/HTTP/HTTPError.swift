import Hashing
import SuvBasics

/// Why a request failed.
///
/// Every URL carried here is already redacted (see ``RedactedURL``), so neither ``message`` nor
/// `String(describing:)` can show a password or a signed-URL secret.
public enum HTTPError: SuvError, Equatable, CustomStringConvertible {
    /// The URL is malformed or not `http`/`https`.
    case invalidURL(url: String, reason: String)
    /// The connection could not be made, or broke (DNS, refused, reset, protocol errors).
    case connection(url: String, reason: String)
    /// The TLS handshake or certificate verification failed.
    case tls(url: String, reason: String)
    /// Connecting took longer than the connect timeout, or no data arrived for the read timeout.
    case timedOut(url: String)
    /// The final response had a 4xx or 5xx status (or a non-2xx status for a download).
    case status(url: String, code: Int)
    /// More redirects than allowed (a loop, usually).
    case tooManyRedirects(url: String, limit: Int)
    /// A download's SHA-256 differs from the expected one; nothing was written.
    case hashMismatch(url: String, expected: SHA256Digest, actual: SHA256Digest)
    /// The connection closed before the whole body arrived (`expected` is `nil` when the body
    /// had no announced length).
    case truncated(url: String, expected: Int64?, received: Int64)
    /// Writing or renaming a downloaded file failed.
    case fileSystem(path: String, operation: String, reason: String)
    /// Every attempt failed with a transient error; `last` is the final attempt's error.
    indirect case retriesExhausted(retries: Int, last: HTTPError)
    /// The task awaiting the request was cancelled.
    case cancelled

    public var message: String {
        switch self {
        case .invalidURL(let url, let reason):
            "Invalid URL `\(url)`: \(reason)"
        case .connection(let url, let reason):
            "Request to `\(url)` failed: \(reason)"
        case .tls(let url, let reason):
            "TLS error for `\(url)`: \(reason)"
        case .timedOut(let url):
            "Request to `\(url)` timed out"
        case .status(let url, let code):
            "HTTP status \(Self.statusClass(code)) (\(code)\(Self.reasonPhrase(code).map { " " + $0 } ?? "")) for url (\(url))"
        case .tooManyRedirects(let url, let limit):
            "Too many redirects (more than \(limit)) for `\(url)`"
        case .hashMismatch(let url, let expected, let actual):
            "Hash mismatch for `\(url)`: expected `sha256:\(expected.hex)`, computed `sha256:\(actual.hex)`"
        case .truncated(let url, let expected?, let received):
            "Connection closed after \(received) of \(expected) bytes of `\(url)`"
        case .truncated(let url, nil, let received):
            "Connection closed after \(received) bytes of `\(url)`, before the body ended"
        case .fileSystem(let path, let operation, let reason):
            "Failed to \(operation) `\(path)`: \(reason)"
        case .retriesExhausted(let retries, _):
            "Request failed after \(retries) \(retries == 1 ? "retry" : "retries")"
        case .cancelled:
            "The request was cancelled"
        }
    }

    public var hints: [String] {
        switch self {
        case .timedOut:
            ["Raise `UV_HTTP_TIMEOUT` (read timeout, seconds) or `UV_HTTP_CONNECT_TIMEOUT` on a slow network"]
        case .tls:
            ["Certificates are checked against the system store; set `SSL_CERT_FILE` or `SSL_CERT_DIR` to use others"]
        default:
            []
        }
    }

    public var cause: (any Error)? {
        if case .retriesExhausted(_, let last) = self { return last }
        return nil
    }

    public var description: String { message }

    /// The error of the last attempt: `self`, or what ``retriesExhausted(retries:last:)`` wraps.
    public var lastAttempt: HTTPError {
        if case .retriesExhausted(_, let last) = self { return last.lastAttempt }
        return self
    }

    static func statusClass(_ code: Int) -> String {
        switch code {
        case 100..<200: "informational"
        case 200..<300: "success"
        case 300..<400: "redirection"
        case 400..<500: "client error"
        case 500..<600: "server error"
        default: "error"
        }
    }

    static func reasonPhrase(_ code: Int) -> String? {
        switch code {
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 407: "Proxy Authentication Required"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 416: "Range Not Satisfiable"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: nil
        }
    }
}
