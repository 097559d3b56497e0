import CCurl
import Hashing

/// One request's state on the event loop: its easy handle while running, the response being
/// received, retry bookkeeping and the continuation to resume. Confined to the loop thread.
final class CurlTransfer {
    enum Phase { case queued, running, backingOff, finished }

    /// What a finished attempt leads to.
    enum Verdict {
        case delivered
        case retry(HTTPError, retryAfter: Duration?)
        case failed(HTTPError)
    }

    let token: TransferToken
    let request: HTTPRequest
    let destination: TransferDestination
    /// The URL as errors show it.
    let displayURL: String
    /// Secrets that must never appear in an error reason (passwords, user-only tokens).
    let secrets: [String]
    let maxRetries: Int

    var phase = Phase.queued
    var easy: UnsafeMutableRawPointer?
    var retriesDone = 0
    var retryAt: ContinuousClock.Instant?
    /// libcurl writes its detailed error message here.
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// The request headers as libcurl wants them; built once, freed with the transfer.
    private(set) var headerList: UnsafeMutablePointer<curl_slist>?

    // The response being received.
    private(set) var status = 0
    private(set) var headers = HTTPHeaders()
    private var body: [UInt8] = []
    private var received: Int64 = 0
    private var file: DownloadFile?
    private var sinkError: HTTPError?

    init(_ submission: TransferSubmission, configuration: HTTPClientConfiguration) {
        token = submission.token
        request = submission.request
        destination = submission.destination
        displayURL = redacted(submission.request.url)
        maxRetries = max(0, submission.request.maxRetries ?? configuration.maxRetries)
        var secrets: [String] = []
        if let (user, password) = URLParts(request.url).credentials {
            if let password, !password.isEmpty {
                secrets.append(String(password))
            } else if !user.isEmpty {
                secrets.append(String(user))
            }
        }
        if let password = request.credentials?.password, !password.isEmpty { secrets.append(password) }
        for proxy in [configuration.proxy.httpProxy, configuration.proxy.httpsProxy, configuration.proxy.allProxy] {
            if let proxy, let password = URLParts(proxy).credentials?.password, !password.isEmpty {
                secrets.append(String(password))
            }
        }
        self.secrets = secrets
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        if case .file(let path, _, _) = destination { file = DownloadFile(destination: path) }
        var list: UnsafeMutablePointer<curl_slist>?
        for field in request.headers {
            list = suv_curl_slist_append(list, "\(field.name): \(field.value)")
        }
        headerList = list
    }

    deinit {
        suv_curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    var isDownload: Bool { file != nil }

    // MARK: Receiving

    /// Starts a fresh attempt: clears what an earlier one received.
    func beginAttempt() {
        errorBuffer[0] = 0
        resetResponse()
    }

    private func resetResponse() {
        status = 0
        headers = HTTPHeaders()
        body.removeAll(keepingCapacity: true)
        received = 0
        if let file, let error = file.restart() { sinkError = error }
    }

    /// One header line from libcurl (status lines included, one response after another when
    /// redirects are followed). Returns the number of bytes consumed.
    func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        let text = Substring(String(decoding: line, as: UTF8.self)).trimmingASCIIWhitespace()
        if text.hasPrefix("HTTP/") {
            if received > 0 || !headers.isEmpty || status != 0 { resetResponse() }
            let fields = text.split(separator: " ", maxSplits: 2)
            status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
        } else if let colon = text.firstIndex(of: ":") {
            let name = String(text[..<colon])
            let value = String(text[text.index(after: colon)...].trimmingASCIIWhitespace())
            headers.add(name: name, value: value)
            if !isDownload, (200..<300).contains(status), HTTPHeaders.sameName(name, "Content-Length"),
               let length = Int(value), length > 0 {
                body.reserveCapacity(min(length, 256 << 20))
            }
        }
        return line.count
    }

    /// Body bytes from libcurl. Returns the number consumed; fewer aborts the transfer.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        received += Int64(bytes.count)
        if let file {
            // Only a successful response's body belongs in the file.
            guard (200..<300).contains(status) else { return bytes.count }
            if let error = file.append(bytes) {
                sinkError = error
                return 0
            }
        } else if let base = bytes.baseAddress {
            body.append(contentsOf: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.count))
        }
        return bytes.count
    }

    // MARK: Finishing

    /// Decides what a finished attempt means and, for a success, resumes the caller.
    func conclude(code: CURLcode, easy: UnsafeMutableRawPointer, configuration: HTTPClientConfiguration) -> Verdict {
        if let sinkError { return .failed(sinkError) }
        var finalStatus = 0
        _ = suv_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &finalStatus)
        guard code == CURLE_OK else {
            var contentLength: curl_off_t = -1
            _ = suv_easy_getinfo_off(easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &contentLength)
            let failure = CurlFailure(
                code: code, url: displayURL, reason: reason(for: code),
                expectedLength: contentLength >= 0 ? Int64(contentLength) : nil,
                received: received, maxRedirects: configuration.maxRedirects
            )
            return failure.retryable ? .retry(failure.error, retryAfter: nil) : .failed(failure.error)
        }
        let url = effectiveURL(easy)
        let accepted = isDownload ? (200..<300).contains(finalStatus) : (200..<400).contains(finalStatus)
        guard accepted else {
            let error = HTTPError.status(url: displayURL, code: finalStatus)
            guard RetryPolicy.isRetryable(status: finalStatus) else { return .failed(error) }
            let retryAfter = headers["Retry-After"].flatMap {
                RetryPolicy.parseRetryAfter($0, now: Int64(time(nil)))
            }
            return .retry(error, retryAfter: retryAfter)
        }
        switch destination {
        case .memory(let continuation):
            let response = HTTPResponse(
                status: finalStatus, headers: headers, body: body, url: url, httpVersion: httpVersion(easy)
            )
            body = []
            continuation.resume(returning: .success(response))
        case .file(let path, let expected, let continuation):
            guard let file else { return .failed(.cancelled) }
            switch file.commit(expected: expected, url: displayURL) {
            case .success(let digest):
                let result = DownloadResult(
                    path: path, size: file.size, sha256: digest, status: finalStatus, headers: headers, url: url
                )
                continuation.resume(returning: .success(result))
            case .failure(let error):
                return .failed(error)
            }
        }
        return .delivered
    }

    /// Fails the caller and removes any partial file.
    func fail(_ error: HTTPError) {
        file?.discard()
        destination.fail(error)
    }

    private func reason(for code: CURLcode) -> String {
        var text = errorBuffer[0] != 0
            ? String(cString: errorBuffer)
            : suv_curl_easy_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        // Very short secrets are left alone: masking every "ab" would garble the message.
        for secret in secrets where secret.utf8.count >= 3 {
            text = text.replacingAll(secret, with: "****")
        }
        return text
    }

    private func effectiveURL(_ easy: UnsafeMutableRawPointer) -> String {
        var pointer: UnsafeMutablePointer<CChar>?
        guard suv_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &pointer) == CURLE_OK, let pointer else {
            return request.url
        }
        return String(cString: pointer)
    }

    private func httpVersion(_ easy: UnsafeMutableRawPointer) -> HTTPVersion? {
        var version = 0
        guard suv_easy_getinfo_long(easy, CURLINFO_HTTP_VERSION, &version) == CURLE_OK else { return nil }
        switch version {
        case Int(CURL_HTTP_VERSION_1_0): return .http1_0
        case Int(CURL_HTTP_VERSION_1_1): return .http1_1
        case Int(CURL_HTTP_VERSION_2_0): return .http2
        case Int(CURL_HTTP_VERSION_3): return .http3
        default: return nil
        }
    }
}
