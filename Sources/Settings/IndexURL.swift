import SuvBasics

/// The location of an index or a find-links source, without credentials: a URL normalized as
/// uv's `url` crate does (lowercase scheme and host, default port dropped, empty path `/`),
/// or a local path turned into a `file://` URL.
///
/// The trailing slash is kept as written (uv records index URLs verbatim); comparisons and
/// request URLs ignore it: ``canonical`` has none, and ``packageURL(_:)`` always ends in
/// exactly one, as the simple API requires.
public struct IndexURL: Sendable, Hashable, CustomStringConvertible {
    let parts: URLParts

    /// Parses a URL, or a path (absolute, `~/…`, or relative to `directory`). Credentials in
    /// the URL are returned separately and are not part of the value.
    public static func parse(
        _ text: String, relativeTo directory: String, home: String? = nil
    ) throws(IndexURLError) -> (url: IndexURL, credentials: IndexCredentials?) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { throw .invalid(text: text, reason: "empty URL") }
        if URLParts.looksLikeURL(trimmed) {
            switch URLParts.parse(trimmed) {
            case .success(let parts):
                var bare = parts
                bare.user = nil
                bare.password = nil
                return (IndexURL(parts: bare), IndexCredentials(parts))
            case .failure(let failure):
                throw .invalid(text: CredentialRedaction.redacted(trimmed), reason: failure.reason)
            }
        }
        let path = PathText.absolute(PathText.expandingTilde(trimmed, home: home), in: directory)
        return (IndexURL(parts: URLParts(scheme: "file", host: "", path: PercentEncoding.encodePath(path))), nil)
    }

    /// Parses a URL that must not be a path, for tests and callers with literal URLs.
    public init(_ text: String) throws(IndexURLError) {
        guard URLParts.looksLikeURL(text.trimmingASCIIWhitespace()) else {
            throw .invalid(text: text, reason: URLParseFailure.relativeWithoutBase.reason)
        }
        self = try Self.parse(text, relativeTo: "/").url
    }

    init(parts: URLParts) {
        self.parts = parts
    }

    /// The URL as text, without credentials.
    public var string: String { parts.withoutCredentials }

    public var description: String { string }

    /// The URL without a trailing slash: the form used to compare index URLs.
    public var canonical: String {
        var copy = parts
        while copy.path.count > 1, copy.path.hasSuffix("/") { copy.path.removeLast() }
        if copy.path == "/" { copy.path = "" }
        return copy.withoutCredentials
    }

    /// Where credentials for this URL apply.
    public var realm: CredentialRealm { CredentialRealm(scheme: parts.scheme, host: parts.host, port: parts.port) }

    /// The URL's scheme (`https`, `file`, ...).
    public var scheme: String { parts.scheme }

    /// The host, lowercased (empty for `file://` URLs).
    public var host: String { parts.host }

    /// The path, percent-encoded.
    public var path: String { parts.path }

    /// Whether this is a local `file://` location.
    public var isFile: Bool { parts.scheme == "file" }

    /// The simple-API page of a package: this URL without its trailing slash, then
    /// `/<name>/` (the name should already be normalized).
    public func packageURL(_ name: String) -> String {
        var copy = parts
        while copy.path.hasSuffix("/") { copy.path.removeLast() }
        copy.path += "/" + name + "/"
        copy.query = nil
        copy.fragment = nil
        return copy.withoutCredentials
    }

    /// Whether `url` (any string) lies under this URL: same realm, and a path that starts
    /// with this URL's path (trailing slash ignored).
    public func contains(_ url: String) -> Bool {
        guard case .success(let other) = URLParts.parse(url),
              CredentialRealm(scheme: other.scheme, host: other.host, port: other.port) == realm else { return false }
        var base = parts.path
        while base.hasSuffix("/") { base.removeLast() }
        return other.path == base || other.path.hasPrefix(base + "/")
    }
}

/// A string that is neither a usable URL nor a path.
public enum IndexURLError: SuvError, Equatable {
    /// `text` is shown redacted.
    case invalid(text: String, reason: String)

    public var message: String {
        switch self {
        case .invalid(let text, let reason): "Invalid URL `\(text)`: \(reason)"
        }
    }
}
