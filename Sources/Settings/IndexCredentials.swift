import SuvBasics

/// A user name and password for HTTP basic authentication. Printing one never shows the
/// password (`description` is redacted), so credentials can sit in values that get logged.
public struct IndexCredentials: Sendable, Hashable, CustomStringConvertible {
    public var username: String?
    public var password: String?

    public init(username: String?, password: String?) {
        self.username = username
        self.password = password
    }

    /// The credentials in a URL's user-info part, percent-decoded; `nil` when it has none.
    public init?(url: String) {
        guard case .success(let parts) = URLParts.parse(url) else { return nil }
        self.init(parts)
    }

    init?(_ parts: URLParts) {
        guard parts.user != nil || parts.password != nil else { return nil }
        self.init(username: parts.user.map(PercentEncoding.decode), password: parts.password.map(PercentEncoding.decode))
    }

    /// Whether there is both a user name and a password.
    public var isComplete: Bool { username != nil && password != nil }

    public var description: String {
        switch (username, password) {
        case (let user?, _?): "\(user):****"
        case (_?, nil): "****"
        case (nil, _?): ":****"
        case (nil, nil): ""
        }
    }
}

/// Where credentials apply: scheme, host and port (the port left out when it is the scheme's
/// default), per RFC 7235. Credentials found for one URL are reused for every URL of its realm.
public struct CredentialRealm: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?

    public init(scheme: String, host: String, port: Int? = nil) {
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
        self.port = port == URLParts.defaultPorts[self.scheme] ? nil : port
    }

    /// The realm of `url`, or `nil` when it is not a URL.
    public init?(url: String) {
        guard case .success(let parts) = URLParts.parse(url) else { return nil }
        self.init(scheme: parts.scheme, host: parts.host, port: parts.port)
    }

    public var description: String { "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "") }
}
