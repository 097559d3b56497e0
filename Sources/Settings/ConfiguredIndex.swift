import PyProject

/// One index (or find-links location) after resolution: where it is, how to use it, and
/// where it was configured. The URL carries no credentials; any found in the configured URL
/// are kept in ``urlCredentials`` (printed redacted).
public struct ConfiguredIndex: Sendable, Equatable, CustomStringConvertible {
    /// The index's name (`[[index]] name`, or `name=` in `--index name=URL`).
    public var name: String?
    /// Where the index is, without credentials.
    public var url: IndexURL
    /// Whether this is (a candidate for) the default index, consulted last.
    public var isDefault: Bool
    /// Whether it is only used by packages that name it in `[tool.uv.sources]`.
    public var explicit: Bool
    /// A simple-API index, or a flat list of links (always `.flat` for find-links).
    public var format: IndexEntry.Format
    /// When to send credentials (`authenticate`).
    public var authenticate: IndexEntry.AuthenticationPolicy
    /// HTTP statuses that mean "not on this index" (`ignore-error-codes`).
    public var ignoreErrorCodes: [Int]?
    /// `Cache-Control` overrides (`cache-control`).
    public var cacheControl: IndexEntry.CacheControl?
    /// `publish-url`.
    public var publishURL: String?
    /// Where the index was configured.
    public var origin: IndexOrigin
    /// The user name and password written in the configured URL, if any.
    public var urlCredentials: IndexCredentials?

    public init(
        name: String? = nil, url: IndexURL, isDefault: Bool = false, explicit: Bool = false,
        format: IndexEntry.Format = .simple, authenticate: IndexEntry.AuthenticationPolicy = .auto,
        ignoreErrorCodes: [Int]? = nil, cacheControl: IndexEntry.CacheControl? = nil, publishURL: String? = nil,
        origin: IndexOrigin, urlCredentials: IndexCredentials? = nil
    ) {
        self.name = name
        self.url = url
        self.isDefault = isDefault
        self.explicit = explicit
        self.format = format
        self.authenticate = authenticate
        self.ignoreErrorCodes = ignoreErrorCodes
        self.cacheControl = cacheControl
        self.publishURL = publishURL
        self.origin = origin
        self.urlCredentials = urlCredentials
    }

    /// The prefix of the variables holding this index's credentials: `UV_INDEX_<NAME>`, the
    /// name uppercased with every character that is not an ASCII letter or digit made `_`
    /// (`UV_INDEX_MY_INDEX` for `my-index`). `nil` for an unnamed index.
    public var credentialVariablePrefix: String? {
        name.map(Self.credentialVariablePrefix(forName:))
    }

    /// `UV_INDEX_<NAME>` for an index name.
    public static func credentialVariablePrefix(forName name: String) -> String {
        let converted = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? Character($0.uppercased()) : "_" })
        return "UV_INDEX_\(converted)"
    }

    /// `name (url) from …`, for messages; never shows credentials.
    public var description: String {
        (name.map { "`\($0)` (\(url))" } ?? "`\(url)`") + " " + origin.description
    }
}
