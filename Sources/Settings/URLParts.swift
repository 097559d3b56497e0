/// A hierarchical URL (`scheme://user:password@host:port/path?query#fragment`) split into its
/// parts, with uv's (the `url` crate's) light normalization: scheme and host lowercased, the
/// scheme's default port dropped, an empty path written `/`. Components stay percent-encoded.
struct URLParts: Sendable, Hashable {
    var scheme: String
    var user: String?
    var password: String?
    var host: String
    var port: Int?
    var path: String
    var query: String?
    var fragment: String?

    /// Whether `text` starts like a URL: a valid scheme followed by `://`.
    static func looksLikeURL(_ text: String) -> Bool {
        guard let range = text.firstRange(of: "://") else { return false }
        return isScheme(text[..<range.lowerBound])
    }

    static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    static let defaultPorts: [String: Int] = ["http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21]

    /// Parses `text`, or explains why it is not a usable URL.
    static func parse(_ text: String) -> Result<URLParts, URLParseFailure> {
        let trimmed = text.trimmingASCIIWhitespace()
        guard let separator = trimmed.firstRange(of: "://"), isScheme(trimmed[..<separator.lowerBound]) else {
            return .failure(.relativeWithoutBase)
        }
        let scheme = trimmed[..<separator.lowerBound].lowercased()
        var rest = trimmed[separator.upperBound...]
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        var query: String?
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...]
        var user: String?
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userinfo.firstIndex(of: ":") {
                user = String(userinfo[..<colon])
                password = String(userinfo[userinfo.index(after: colon)...])
            } else {
                user = String(userinfo)
            }
            if user?.isEmpty == true { user = nil }
        }
        var host = Substring(authority)
        var portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return .failure(.invalidIPv6) }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return .failure(.invalidHost) }
            host = host[...close]
        } else if let colon = host.lastIndex(of: ":") {
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        var port: Int?
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(portText), number <= 65535 else {
                return .failure(.invalidPort)
            }
            port = number
        }
        if port == defaultPorts[scheme] { port = nil }
        if host.isEmpty, scheme != "file" { return .failure(.emptyHost) }
        if host.contains(where: { $0 == " " || $0 == "\t" || $0 == "<" || $0 == ">" || $0 == "\\" }) {
            return .failure(.invalidHost)
        }
        return .success(URLParts(
            scheme: scheme, user: user, password: password, host: host.lowercased(), port: port,
            path: path.isEmpty ? "/" : String(path), query: query, fragment: fragment
        ))
    }

    /// `scheme://host[:port]`.
    var origin: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }

    /// The URL without user name and password.
    var withoutCredentials: String {
        origin + path + (query.map { "?\($0)" } ?? "") + (fragment.map { "#\($0)" } ?? "")
    }

    /// The URL with its credentials, as given.
    var string: String {
        var userinfo = ""
        if user != nil || password != nil {
            userinfo = (user ?? "") + (password.map { ":\($0)" } ?? "") + "@"
        }
        return "\(scheme)://\(userinfo)\(host)" + (port.map { ":\($0)" } ?? "") + path
            + (query.map { "?\($0)" } ?? "") + (fragment.map { "#\($0)" } ?? "")
    }
}

/// Why a string is not a usable URL (the `url` crate's wording).
enum URLParseFailure: Error, Equatable {
    case relativeWithoutBase, emptyHost, invalidPort, invalidIPv6, invalidHost

    var reason: String {
        switch self {
        case .relativeWithoutBase: "relative URL without a base"
        case .emptyHost: "empty host"
        case .invalidPort: "invalid port number"
        case .invalidIPv6: "invalid IPv6 address"
        case .invalidHost: "invalid international domain name"
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
