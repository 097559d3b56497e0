/// One side of a mirror rule: a URL prefix such as `https://mirror.corp.example/pypi/`.
///
/// The prefix is normalized as index URLs are (lowercase scheme and host, default port
/// dropped) and never holds credentials. A URL lies under a prefix when it equals the prefix
/// or continues it at a path boundary, a trailing slash on either side ignored:
/// `https://m.example/pypi` covers `https://m.example/pypi`, `https://m.example/pypi/` and
/// `https://m.example/pypi/x.whl`, but not `https://m.example/pypi2/x.whl`.
public struct MirrorPrefix: Sendable, Hashable, CustomStringConvertible {
    /// The prefix as written, normalized, without credentials: what a URL equal to the prefix
    /// maps to from the other side of a rule.
    public let string: String
    /// The prefix without trailing slashes: the form URLs are matched and joined against.
    public let stem: String

    /// Parses a prefix; credentials written in it are returned separately.
    ///
    /// - Throws: ``IndexURLError`` for a path, a URL that does not parse, or a URL with a
    ///   query or fragment (which a prefix cannot have).
    public static func parse(_ text: String) throws(IndexURLError) -> (prefix: MirrorPrefix, credentials: IndexCredentials?) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard URLParts.looksLikeURL(trimmed) else {
            throw .invalid(text: CredentialRedaction.redacted(trimmed), reason: "a mirror prefix must be an absolute URL")
        }
        let parsed = try IndexURL.parse(trimmed, relativeTo: "/")
        guard parsed.url.parts.query == nil, parsed.url.parts.fragment == nil else {
            throw .invalid(text: CredentialRedaction.redacted(trimmed), reason: "a mirror prefix cannot have a query or a fragment")
        }
        return (MirrorPrefix(url: parsed.url), parsed.credentials)
    }

    init(url: IndexURL) {
        string = url.string
        stem = url.canonical
    }

    public var description: String { string }

    /// The rest of `url` after this prefix (empty, or starting with `/`, `?` or `#`), or `nil`
    /// when `url` does not lie under it. `url` must already be normalized (see
    /// ``MirrorPrefix/normalized(_:)``).
    func remainder(of url: String) -> Substring? {
        guard url.hasPrefix(stem) else { return nil }
        let rest = url.dropFirst(stem.count)
        guard let first = rest.first else { return rest }
        return first == "/" || first == "?" || first == "#" ? rest : nil
    }

    /// The URL under this prefix with the given remainder, which keeps its trailing slash or
    /// its absence; with `asWritten`, a remainder that is empty or a lone `/` gives the prefix
    /// exactly as written instead.
    func appending(_ remainder: Substring, asWritten: Bool = false) -> String {
        asWritten && (remainder.isEmpty || remainder == "/") ? string : stem + remainder
    }

    /// `url` normalized for matching (lowercase scheme and host, default port dropped) and
    /// without credentials; `nil` when it is not a URL.
    static func normalized(_ url: String) -> String? {
        guard URLParts.looksLikeURL(url), case .success(let parts) = URLParts.parse(url) else { return nil }
        return parts.withoutCredentials
    }
}
