/// A URL string split at its structural delimiters, without percent-decoding or normalisation.
///
/// Enough for redaction and for grouping requests by origin; libcurl does the real parsing.
struct URLParts: Sendable, Equatable {
    /// `https`, lowercased; empty when the string has no `scheme://`.
    var scheme: String
    /// What precedes the last `@` of the authority, if there is one.
    var userinfo: Substring?
    /// Host and optional port, as written.
    var hostAndPort: Substring
    /// Path, query and fragment, as written (starting at `/`, `?` or `#`, or empty).
    var rest: Substring

    init(_ url: String) {
        guard let schemeEnd = url.firstRange(of: "://") else {
            scheme = ""
            userinfo = nil
            hostAndPort = url[url.startIndex..<url.startIndex]
            rest = url[...]
            return
        }
        scheme = url[..<schemeEnd.lowerBound].lowercased()
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" })
            ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            userinfo = authority[..<at]
            hostAndPort = authority[authority.index(after: at)...]
        } else {
            userinfo = nil
            hostAndPort = authority
        }
        rest = afterScheme[authorityEnd...]
    }

    /// The user name and password of ``userinfo``, split at the first `:`.
    var credentials: (user: Substring, password: Substring?)? {
        guard let userinfo else { return nil }
        guard let colon = userinfo.firstIndex(of: ":") else { return (userinfo, nil) }
        return (userinfo[..<colon], userinfo[userinfo.index(after: colon)...])
    }

    /// The host without brackets or port, lowercased (`[::1]:8080` gives `::1`).
    var host: String {
        var text = hostAndPort[...]
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            return String(text[text.index(after: text.startIndex)..<close]).lowercased()
        }
        if let colon = text.lastIndex(of: ":") { text = text[..<colon] }
        return text.lowercased()
    }

    /// The explicit port, or the scheme's default (80/443).
    var port: Int? {
        let text = hostAndPort
        let portStart: Substring.Index?
        if text.hasPrefix("[") {
            portStart = text.firstIndex(of: "]").flatMap { close in
                let next = text.index(after: close)
                return next < text.endIndex && text[next] == ":" ? text.index(after: next) : nil
            }
        } else {
            portStart = text.lastIndex(of: ":").map { text.index(after: $0) }
        }
        if let portStart, let port = Int(text[portStart...]) { return port }
        switch scheme {
        case "http": return 80
        case "https": return 443
        default: return nil
        }
    }

    /// `scheme://host:port`: requests to one origin share connections and a per-host limit.
    var originKey: String {
        "\(scheme)://\(host):\(port.map(String.init) ?? "")"
    }
}
