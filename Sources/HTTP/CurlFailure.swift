import CCurl

/// A libcurl result code turned into an ``HTTPError``, with whether it is worth retrying.
///
/// Transient: connection failures (DNS, refused, reset, HTTP/2 stream errors), timeouts,
/// truncated bodies and TLS handshake failures. Final: malformed URLs, certificate problems,
/// redirect loops, undecodable content.
struct CurlFailure {
    let error: HTTPError
    let retryable: Bool

    init(code: CURLcode, url: String, reason: String, expectedLength: Int64?, received: Int64, maxRedirects: Int) {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            error = .invalidURL(url: url, reason: reason)
            retryable = false
        case CURLE_OPERATION_TIMEDOUT:
            error = .timedOut(url: url)
            retryable = true
        case CURLE_PARTIAL_FILE:
            error = .truncated(url: url, expected: expectedLength, received: received)
            retryable = true
        case CURLE_TOO_MANY_REDIRECTS:
            error = .tooManyRedirects(url: url, limit: maxRedirects)
            retryable = false
        case CURLE_SSL_CONNECT_ERROR:
            error = .tls(url: url, reason: reason)
            retryable = true
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_INVALIDCERTSTATUS, CURLE_USE_SSL_FAILED:
            error = .tls(url: url, reason: reason)
            retryable = false
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR,
             CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3, CURLE_QUIC_CONNECT_ERROR,
             CURLE_WEIRD_SERVER_REPLY, CURLE_PROXY:
            error = .connection(url: url, reason: reason)
            retryable = true
        default:
            error = .connection(url: url, reason: reason)
            retryable = false
        }
    }
}
