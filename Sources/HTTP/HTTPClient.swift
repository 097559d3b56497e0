import Hashing

/// Asynchronous HTTP: what `IndexClient` and the downloaders depend on.
///
/// ``CurlHTTPClient`` is the implementation; tests of higher layers may substitute a fake.
/// Every failure is an ``HTTPError`` whose message shows URLs redacted.
public protocol HTTPClient: Sendable {
    /// Fetches a response into memory, following redirects and retrying transient failures.
    ///
    /// Returns 2xx and 3xx responses (`304` included); throws ``HTTPError/status(url:code:)`` for
    /// 4xx and 5xx once retries (5xx, 408, 429) are exhausted.
    func get(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse

    /// Streams a 2xx body to `file`, hashing it on the way.
    ///
    /// The body goes to a temporary file beside `file` (same directory, which must exist) and is
    /// renamed into place only when complete and, if `expectedSHA256` is given, matching it. On
    /// any failure no file is left behind. No `Accept-Encoding` is sent, so the bytes on disk are
    /// the bytes the server holds.
    func download(_ request: HTTPRequest, to file: String, expectedSHA256: SHA256Digest?) async throws(HTTPError)
        -> DownloadResult
}
