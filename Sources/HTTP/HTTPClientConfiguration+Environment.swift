import SuvBasics

extension HTTPClientConfiguration {
    /// The configuration the environment asks for, on top of the defaults.
    ///
    /// Reads `UV_HTTP_TIMEOUT` (falling back to `UV_REQUEST_TIMEOUT`, then `HTTP_TIMEOUT`),
    /// `UV_HTTP_CONNECT_TIMEOUT`, `UV_HTTP_RETRIES`, `UV_CONCURRENT_DOWNLOADS`,
    /// `HTTP_PROXY`/`HTTPS_PROXY`/`ALL_PROXY`/`NO_PROXY` (either case), `SSL_CERT_FILE`,
    /// `SSL_CERT_DIR`, `SSL_CLIENT_CERT` and `UV_INSECURE_HOST`. Empty values count as unset.
    /// Malformed numbers fail as uv fails (`Failed to parse environment variable ...`).
    public init(environment: [String: String], userAgent: String = "suv") throws(HTTPConfigurationError) {
        self.init(userAgent: userAgent)
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        let secondsHelp = "value should be an integer number of seconds"
        for name in ["UV_HTTP_TIMEOUT", "UV_REQUEST_TIMEOUT", "HTTP_TIMEOUT"] {
            if let text = value(name) {
                readTimeout = .seconds(try Self.parseInteger(name, text, help: secondsHelp))
                break
            }
        }
        if let text = value("UV_HTTP_CONNECT_TIMEOUT") {
            connectTimeout = .seconds(try Self.parseInteger("UV_HTTP_CONNECT_TIMEOUT", text, help: secondsHelp))
        }
        if let text = value("UV_HTTP_RETRIES") {
            maxRetries = Int(clamping: try Self.parseInteger("UV_HTTP_RETRIES", text, maximum: UInt64(UInt32.max)))
        }
        if let text = value("UV_CONCURRENT_DOWNLOADS") {
            let count = try Self.parseInteger("UV_CONCURRENT_DOWNLOADS", text)
            guard count > 0 else {
                throw .invalidEnvironmentVariable(name: "UV_CONCURRENT_DOWNLOADS", value: text,
                                                  reason: "number would be zero for non-zero type")
            }
            maxConcurrentTransfers = Int(clamping: count)
        }
        proxy = ProxyConfiguration(
            httpProxy: value("HTTP_PROXY") ?? value("http_proxy"),
            httpsProxy: value("HTTPS_PROXY") ?? value("https_proxy"),
            allProxy: value("ALL_PROXY") ?? value("all_proxy"),
            noProxy: value("NO_PROXY") ?? value("no_proxy")
        )
        tls = TLSConfiguration(
            caFile: value("SSL_CERT_FILE"),
            caDirectory: value("SSL_CERT_DIR"),
            clientCertificate: value("SSL_CLIENT_CERT"),
            insecureHosts: value("UV_INSECURE_HOST").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
        )
    }

    /// Parses an unsigned decimal integer as Rust's `u64::from_str` does, with its messages.
    static func parseInteger(
        _ name: String, _ text: String, help: String? = nil, maximum: UInt64 = UInt64(Int64.max)
    ) throws(HTTPConfigurationError) -> Int64 {
        func fail(_ reason: String) -> HTTPConfigurationError {
            .invalidEnvironmentVariable(name: name, value: text, reason: help.map { "\(reason); \($0)" } ?? reason)
        }
        var digits = Substring(text)
        if digits.hasPrefix("+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { throw fail(text.isEmpty ? "cannot parse integer from empty string" : "invalid digit found in string") }
        var result: UInt64 = 0
        var overflow = false
        for byte in digits.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw fail("invalid digit found in string") }
            let (times, o1) = result.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            result = sum
        }
        guard !overflow, result <= maximum else { throw fail("number too large to fit in target type") }
        return Int64(result)
    }
}

/// A setting the HTTP layer reads could not be parsed.
public enum HTTPConfigurationError: SuvError, Equatable {
    /// `Failed to parse environment variable `NAME` with invalid value `VALUE`: REASON`
    case invalidEnvironmentVariable(name: String, value: String, reason: String)

    public var message: String {
        switch self {
        case .invalidEnvironmentVariable(let name, let value, let reason):
            "Failed to parse environment variable `\(name)` with invalid value `\(value)`: \(reason)"
        }
    }
}
