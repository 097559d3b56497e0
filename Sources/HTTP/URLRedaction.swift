/// A URL prepared for display: credentials and signed-URL secrets masked, as uv shows URLs in
/// logs and errors.
///
/// - `https://user:pass@host/` shows as `https://user:****@host/`;
/// - `https://token@host/` (a user name only, usually a token) as `https://****@host/`;
/// - `https://:pass@host/` as `https://:****@host/`;
/// - `ssh://git@host/` and `git+ssh://git@host/` keep `git`;
/// - the values of the query parameters `X-Amz-Credential`, `X-Amz-Security-Token` and
///   `X-Amz-Signature` (any case) show as `****`.
///
/// Every `HTTPError` carries its URL in this form, so printing an error never shows a secret.
public struct RedactedURL: Sendable, Hashable, CustomStringConvertible {
    /// The redacted text.
    public let description: String

    /// Redacts `url`. Strings that are not URLs pass through unchanged.
    public init(_ url: String) {
        description = Self.redact(url)
    }

    /// Query parameters whose values are secrets (compared case-insensitively).
    static let secretQueryParameters: Set<String> = [
        "x-amz-credential", "x-amz-security-token", "x-amz-signature",
    ]

    private static func redact(_ url: String) -> String {
        let parts = URLParts(url)
        var out = ""
        out.reserveCapacity(url.utf8.count)
        if parts.scheme.isEmpty {
            return redactQuery(url[...])
        }
        out += url[..<(url.firstRange(of: "://")?.upperBound ?? url.startIndex)]
        if let (user, password) = parts.credentials {
            switch (user.isEmpty, password.map(\.isEmpty) ?? true) {
            case (false, false):
                out += user + ":****@"
            case (false, true):
                let keepsUser = user == "git" && (parts.scheme == "ssh" || parts.scheme == "git+ssh")
                out += keepsUser ? "git@" : "****@"
            case (true, false):
                out += ":****@"
            case (true, true):
                break
            }
        }
        out += parts.hostAndPort
        out += redactQuery(parts.rest)
        return out
    }

    /// Masks secret query values in `text` (a path, query and fragment).
    private static func redactQuery(_ text: Substring) -> String {
        guard let questionMark = text.firstIndex(of: "?") else { return String(text) }
        let fragmentStart = text[questionMark...].firstIndex(of: "#") ?? text.endIndex
        let query = text[text.index(after: questionMark)..<fragmentStart]
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals]
            guard secretQueryParameters.contains(name.lowercased()) else { return String(pair) }
            return name + "=****"
        }
        return text[..<questionMark] + "?" + pairs.joined(separator: "&") + text[fragmentStart...]
    }
}

/// `url` with credentials and signed-URL secrets masked; see ``RedactedURL``.
public func redacted(_ url: String) -> String {
    RedactedURL(url).description
}
