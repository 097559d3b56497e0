import CCurl
import Hashing
import Synchronization

/// The ``HTTPClient`` over libcurl's multi interface.
///
/// Each client owns one event-loop thread with one `curl_multi` handle, so connections (and
/// HTTP/2 streams) are shared by every request made through it: make one per process and pass
/// it around. Requests are `async`; cancelling the awaiting task aborts the transfer and throws
/// ``HTTPError/cancelled``. The thread ends when the client is released.
///
/// libcurl is loaded and the thread started by the first request, so a command that ends up
/// not needing the network never pays for either.
///
/// ```swift
/// let client = CurlHTTPClient(configuration: try HTTPClientConfiguration(environment: env, userAgent: "suv/0.1.0"))
/// let page = try await client.get(HTTPRequest(url: "https://index.example/simple/flask/"))
/// ```
public final class CurlHTTPClient: HTTPClient {
    /// The settings every request of this client uses (requests may override timeouts and retries).
    public let configuration: HTTPClientConfiguration
    private let started = Mutex<CurlEventLoop?>(nil)

    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
    }

    deinit { started.withLock { $0?.shutdown() } }

    /// The event loop, started on first use; fails when libcurl cannot be loaded.
    private func loop(for request: HTTPRequest) throws(HTTPError) -> CurlEventLoop {
        let loop = started.withLock { loop -> CurlEventLoop? in
            if loop == nil { loop = CurlEventLoop(configuration: configuration) }
            return loop
        }
        guard let loop else {
            let reason = suv_curl_load_error().map { String(cString: $0) } ?? "curl_multi_init failed"
            throw .connection(url: redacted(request.url), reason: "libcurl could not be loaded: \(reason)")
        }
        return loop
    }

    public func get(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let loop = try self.loop(for: request)
        let token = loop.makeToken()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                loop.submit(TransferSubmission(token: token, request: request, destination: .memory(continuation)))
            }
        } onCancel: {
            loop.cancel(token)
        }
        return try result.get()
    }

    public func download(
        _ request: HTTPRequest, to file: String, expectedSHA256: SHA256Digest?
    ) async throws(HTTPError) -> DownloadResult {
        let loop = try self.loop(for: request)
        let token = loop.makeToken()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let destination = TransferDestination.file(path: file, expectedSHA256: expectedSHA256, continuation)
                loop.submit(TransferSubmission(token: token, request: request, destination: destination))
            }
        } onCancel: {
            loop.cancel(token)
        }
        return try result.get()
    }
}
