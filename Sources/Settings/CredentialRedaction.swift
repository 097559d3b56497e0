import SuvBasics

/// Hides credentials in URLs before they reach messages and logs, as uv's `DisplaySafeUrl`:
///
/// - user and password: `https://user:****@host/…`;
/// - user only (usually a token): `https://****@host/…`;
/// - password only: `https://:****@host/…`;
/// - `git@` in `ssh://`, `git+ssh://` and `git+https://` URLs is kept (it is not a secret);
/// - the values of the `X-Amz-Credential`, `X-Amz-Security-Token` and `X-Amz-Signature` query
///   parameters (any case) become `****`.
///
/// (Named to stay clear of the HTTP layer's own redaction helper.)
public enum CredentialRedaction {
    static let sensitiveQueryParameters = ["x-amz-credential", "x-amz-security-token", "x-amz-signature"]

    /// `url` safe to print. Text that is not a URL is returned with any embedded URLs redacted.
    public static func redacted(_ url: String) -> String {
        guard URLParts.looksLikeURL(url), case .success(let parts) = URLParts.parse(url) else {
            return redactingURLs(in: url)
        }
        return render(parts)
    }

    /// `url` without user name and password (what lock files and config echoes store);
    /// sensitive query values are kept, since the URL needs them to work.
    public static func withoutCredentials(_ url: String) -> String {
        guard case .success(var parts) = URLParts.parse(url) else { return url }
        if isGitUser(parts) { return parts.string }
        parts.user = nil
        parts.password = nil
        return parts.string
    }

    /// `text` with every URL in it (`scheme://…` up to whitespace or a quote) redacted.
    /// URLs without secrets are left exactly as written.
    public static func redactingURLs(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let separator = rest.firstRange(of: "://") {
            var start = separator.lowerBound
            while start > rest.startIndex {
                let previous = rest.index(before: start)
                let character = rest[previous]
                guard character.isASCII, character.isLetter || character.isNumber || "+-.".contains(character) else { break }
                start = previous
            }
            var end = separator.upperBound
            while end < rest.endIndex, !isDelimiter(rest[end]) { end = rest.index(after: end) }
            result += rest[..<start]
            let candidate = String(rest[start..<end])
            if start < separator.lowerBound, case .success(let parts) = URLParts.parse(candidate) {
                result += needsRedaction(parts) ? render(parts) : candidate
            } else {
                result += maskingUserinfo(candidate)
            }
            rest = rest[end...]
        }
        return result + rest
    }

    // MARK: - Helpers

    /// For text that looks like a URL but does not parse: the user-info part (before the last
    /// `@` of the authority) masked all the same.
    private static func maskingUserinfo(_ candidate: String) -> String {
        guard let separator = candidate.firstRange(of: "://") else { return candidate }
        let authorityEnd = candidate[separator.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? candidate.endIndex
        guard let at = candidate[separator.upperBound..<authorityEnd].lastIndex(of: "@") else { return candidate }
        let userinfo = candidate[separator.upperBound..<at]
        let masked: String
        if let colon = userinfo.firstIndex(of: ":") {
            masked = userinfo[..<colon].isEmpty ? ":****" : userinfo[..<colon] + ":****"
        } else {
            masked = "****"
        }
        return candidate[..<separator.upperBound] + masked + candidate[at...]
    }

    private static func isDelimiter(_ character: Character) -> Bool {
        character.isWhitespace || "\"'`<>".contains(character)
    }

    private static func isGitUser(_ parts: URLParts) -> Bool {
        ["ssh", "git+ssh", "git+https"].contains(parts.scheme) && parts.user == "git" && parts.password == nil
    }

    private static func needsRedaction(_ parts: URLParts) -> Bool {
        (parts.user != nil && !isGitUser(parts)) || parts.password != nil
            || (parts.query.map { redactedQuery($0) != $0 } ?? false)
    }

    private static func render(_ parts: URLParts) -> String {
        var userinfo = ""
        let password = parts.password.flatMap { $0.isEmpty ? nil : $0 }
        switch (parts.user, password) {
        case (let user?, _?): userinfo = "\(user):****@"
        case (let user?, nil): userinfo = isGitUser(parts) ? "\(user)@" : "****@"
        case (nil, _?): userinfo = ":****@"
        case (nil, nil): userinfo = ""
        }
        return "\(parts.scheme)://\(userinfo)\(parts.host)" + (parts.port.map { ":\($0)" } ?? "") + parts.path
            + (parts.query.map { "?" + redactedQuery($0) } ?? "") + (parts.fragment.map { "#\($0)" } ?? "")
    }

    private static func redactedQuery(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let key = PercentEncoding.decode(String(pair[..<equals])).lowercased()
            return sensitiveQueryParameters.contains(key) ? pair[..<equals] + "=****" : String(pair)
        }.joined(separator: "&")
    }
}
