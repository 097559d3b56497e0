/// How a ``CurlHTTPClient`` behaves: timeouts, retries, limits, proxies and TLS.
///
/// Build one from the process environment with ``init(environment:userAgent:)`` (a pure
/// function of the dictionary), then adjust fields for flags.
public struct HTTPClientConfiguration: Sendable, Hashable {
    /// Sent as `User-Agent`, e.g. `suv/0.1.0`.
    public var userAgent: String
    /// Longest wait for a connection (TCP and TLS). `UV_HTTP_CONNECT_TIMEOUT`, default 10 s.
    public var connectTimeout: Duration
    /// Longest time without receiving any data once connected. `UV_HTTP_TIMEOUT`, default 30 s.
    /// Applied through libcurl's low-speed limit, so it is rounded up to whole seconds.
    public var readTimeout: Duration
    /// Retries after a transient failure (connection error, timeout, truncated body, 5xx, 408,
    /// 429). `UV_HTTP_RETRIES`, default 3.
    public var maxRetries: Int
    /// The first retry waits about this long; each later one twice as long (with jitter).
    public var retryBaseDelay: Duration
    /// The longest computed backoff.
    public var retryMaxDelay: Duration
    /// The longest wait a `Retry-After` header can impose.
    public var maxRetryAfter: Duration
    /// Transfers in flight at once, across all hosts; more wait in a queue.
    /// `UV_CONCURRENT_DOWNLOADS`, default 50.
    public var maxConcurrentTransfers: Int
    /// Connections open at once to one host; `nil` (the default) leaves only the global cap,
    /// as uv does. Transfers beyond it wait inside libcurl for a free connection. HTTP/2
    /// multiplexes many transfers over one connection either way.
    public var maxConnectionsPerHost: Int?
    /// Redirects followed before failing with ``HTTPError/tooManyRedirects(url:limit:)``.
    public var maxRedirects: Int
    /// Negotiate HTTP/2 over TLS (with multiplexing); plain `http` always uses HTTP/1.1.
    public var enableHTTP2: Bool
    public var proxy: ProxyConfiguration
    public var tls: TLSConfiguration

    /// The defaults, with `userAgent` as given.
    public init(userAgent: String = "suv") {
        self.userAgent = userAgent
        connectTimeout = .seconds(10)
        readTimeout = .seconds(30)
        maxRetries = 3
        retryBaseDelay = .milliseconds(500)
        retryMaxDelay = .seconds(10)
        maxRetryAfter = .seconds(60)
        maxConcurrentTransfers = 50
        maxConnectionsPerHost = nil
        maxRedirects = 10
        enableHTTP2 = true
        proxy = ProxyConfiguration()
        tls = TLSConfiguration()
    }
}

/// Proxies, from `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY` (either case; the
/// uppercase name wins, as in uv).
///
/// The client hands these to libcurl explicitly (and disables libcurl's own reading of the
/// process environment), so the environment dictionary given to the configuration is the only
/// source. `NO_PROXY` uses libcurl's matching: comma-separated hosts or domain suffixes, `*`
/// for all, and IP addresses or CIDR ranges.
public struct ProxyConfiguration: Sendable, Hashable {
    /// Proxy for `http` URLs.
    public var httpProxy: String?
    /// Proxy for `https` URLs.
    public var httpsProxy: String?
    /// Proxy for either scheme when the specific one is unset.
    public var allProxy: String?
    /// Hosts reached directly.
    public var noProxy: String?

    public init(httpProxy: String? = nil, httpsProxy: String? = nil, allProxy: String? = nil, noProxy: String? = nil) {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.allProxy = allProxy
        self.noProxy = noProxy
    }

    /// The proxy for a URL's scheme, before `NO_PROXY` is applied.
    public func proxy(forScheme scheme: String) -> String? {
        switch scheme.lowercased() {
        case "https": httpsProxy ?? allProxy
        case "http": httpProxy ?? allProxy
        default: allProxy
        }
    }
}

/// Certificate settings. Verification is always on, against the system store, except for
/// ``insecureHosts``.
public struct TLSConfiguration: Sendable, Hashable {
    /// A PEM bundle used instead of the system store. `SSL_CERT_FILE`.
    public var caFile: String?
    /// A directory of hashed certificates, searched as well. `SSL_CERT_DIR`.
    public var caDirectory: String?
    /// A PEM file holding a client certificate and its key. `SSL_CLIENT_CERT`.
    public var clientCertificate: String?
    /// Hosts (`host` or `host:port`) whose certificates are not verified.
    /// `UV_INSECURE_HOST` (space-separated) and `--allow-insecure-host`.
    public var insecureHosts: [String]

    public init(caFile: String? = nil, caDirectory: String? = nil, clientCertificate: String? = nil, insecureHosts: [String] = []) {
        self.caFile = caFile
        self.caDirectory = caDirectory
        self.clientCertificate = clientCertificate
        self.insecureHosts = insecureHosts
    }

    /// Whether `host` on `port` is listed in ``insecureHosts`` (entries may also be URLs).
    func isInsecure(host: String, port: Int?) -> Bool {
        insecureHosts.contains { entry in
            let parts = URLParts(entry.contains("://") ? entry : "scheme://" + entry)
            guard parts.host == host.lowercased() else { return false }
            let explicitPort = parts.hostAndPort.hasSuffix("]") || !parts.hostAndPort.contains(":")
                ? nil : parts.port
            return explicitPort == nil || explicitPort == port
        }
    }
}
