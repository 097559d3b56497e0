/// The request methods the client sends.
public enum HTTPMethod: String, Sendable, Hashable {
    case get = "GET"
    /// Headers only: the response body is empty.
    case head = "HEAD"
}

/// A user name and password sent with HTTP Basic authentication.
///
/// The description never shows the password.
public struct HTTPCredentials: Sendable, Hashable, CustomStringConvertible {
    public var username: String
    public var password: String?

    public init(username: String, password: String?) {
        self.username = username
        self.password = password
    }

    public var description: String { password == nil ? "\(username)" : "\(username):****" }
}

/// One request: a URL, extra headers, optional credentials and per-request overrides.
///
/// ```swift
/// var request = HTTPRequest(url: "https://index.example/simple/flask/")
/// request.headers["Accept"] = "application/vnd.pypi.simple.v1+json"
/// request.headers["If-None-Match"] = cachedETag
/// ```
///
/// The client adds `User-Agent`, and for ``HTTPClient/get(_:)`` an `Accept-Encoding` for every
/// coding libcurl decodes (gzip, deflate, br, zstd); bodies arrive decoded.
public struct HTTPRequest: Sendable, Hashable {
    /// An absolute `http` or `https` URL. Userinfo (`https://user:pass@host/`) is honoured.
    public var url: String
    public var method: HTTPMethod
    /// Extra request headers, such as `Accept`, `If-None-Match`, `If-Modified-Since`, `Range`.
    public var headers: HTTPHeaders
    /// Credentials sent eagerly with Basic authentication; not forwarded across hosts on redirect.
    public var credentials: HTTPCredentials?
    /// Overrides ``HTTPClientConfiguration/connectTimeout`` for this request.
    public var connectTimeout: Duration?
    /// Overrides ``HTTPClientConfiguration/readTimeout`` for this request.
    public var readTimeout: Duration?
    /// Overrides ``HTTPClientConfiguration/maxRetries`` for this request.
    public var maxRetries: Int?

    public init(
        url: String,
        method: HTTPMethod = .get,
        headers: HTTPHeaders = [:],
        credentials: HTTPCredentials? = nil,
        connectTimeout: Duration? = nil,
        readTimeout: Duration? = nil,
        maxRetries: Int? = nil
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.credentials = credentials
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.maxRetries = maxRetries
    }
}
