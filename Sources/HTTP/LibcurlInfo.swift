import CCurl

/// What the linked libcurl can do, read once from `curl_version_info`.
///
/// The HTTP client depends on HTTP/2 multiplexing and content decoding; `suv -v self version`
/// reports these facts so a user can see which libcurl a build runs on.
public struct LibcurlInfo: Sendable, Equatable {
    /// libcurl's version, e.g. `7.88.1`.
    public let version: String
    /// The TLS backend's version string, e.g. `OpenSSL/3.0.17`, if any.
    public let tlsBackend: String?
    /// Whether this libcurl speaks HTTP/2.
    public let supportsHTTP2: Bool
    /// Whether this libcurl decodes gzip/deflate responses.
    public let supportsCompression: Bool

    /// The facts of the libcurl this process is linked against.
    public static let linked: LibcurlInfo = {
        guard let info = suv_curl_version_info() else {
            return LibcurlInfo(version: "unknown", tlsBackend: nil, supportsHTTP2: false, supportsCompression: false)
        }
        let data = info.pointee
        let version = data.version.map { String(cString: $0) } ?? "unknown"
        let tls = data.ssl_version.map { String(cString: $0) }
        let features = data.features
        return LibcurlInfo(
            version: version,
            tlsBackend: tls,
            supportsHTTP2: features & CURL_VERSION_HTTP2 != 0,
            supportsCompression: features & CURL_VERSION_LIBZ != 0
        )
    }()

    /// One line for diagnostics: `libcurl 7.88.1 (OpenSSL/3.0.17; HTTP/2; gzip)`.
    public var summary: String {
        var parts: [String] = []
        if let tlsBackend { parts.append(tlsBackend) }
        if supportsHTTP2 { parts.append("HTTP/2") }
        if supportsCompression { parts.append("gzip") }
        return "libcurl \(version)" + (parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))")
    }
}
