import Hashing

/// The folder name of one package index inside a bucket: a readable prefix (the host) and a
/// short stable digest of the canonical URL, e.g. `mirror.example-3c5b7f2a91d04e68`.
///
/// The URL is canonicalized first, so spellings of one index share a folder: scheme and host
/// are lowercased, credentials, the fragment, a default port (`:80`, `:443`) and trailing
/// slashes are dropped. The digest is the first 16 hex digits of the SHA-256 of that form.
public struct IndexID: Sendable, Hashable, CustomStringConvertible {
    /// The folder name.
    public let value: String

    /// The identifier of the index at `url`.
    public init(url: String) {
        let canonical = Self.canonicalize(url)
        var hasher = SHA256Hasher()
        hasher.update(Array(canonical.url.utf8))
        let digest = hasher.finalize().hex.prefix(16)
        value = "\(Self.readablePrefix(canonical.host))-\(digest)"
    }

    public var description: String { value }

    /// The canonical form of `url` and its host (empty when it has none, as for `file:` URLs).
    static func canonicalize(_ url: String) -> (url: String, host: String) {
        var rest = Substring(url.trimmingWhitespace())
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        guard let schemeEnd = rest.firstIndex(of: ":"),
              rest[schemeEnd...].hasPrefix("://") else {
            return (String(Path.trimTrailingSlashes(String(rest))), "")
        }
        let scheme = rest[..<schemeEnd].lowercased()
        rest = rest[rest.index(schemeEnd, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var tail = String(rest[authorityEnd...])
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority.lowercased()
        if (scheme == "https" && host.hasSuffix(":443")) || (scheme == "http" && host.hasSuffix(":80")) {
            host = String(host[..<(host.lastIndex(of: ":") ?? host.endIndex)])
        }
        let query: String
        if let mark = tail.firstIndex(of: "?") {
            query = String(tail[mark...])
            tail = String(tail[..<mark])
        } else {
            query = ""
        }
        while tail.hasSuffix("/") { tail.removeLast() }
        return ("\(scheme)://\(host)\(tail)\(query)", host)
    }

    /// The host with anything but letters, digits, `.` and `-` replaced by `-` (a port's colon,
    /// brackets of an IPv6 address), at most 40 characters; `local` when there is no host.
    static func readablePrefix(_ host: String) -> String {
        guard !host.isEmpty else { return "local" }
        let mapped = host.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "0"..."9", ".", "-": Character(scalar)
            default: "-"
            }
        }
        return String(mapped.prefix(40))
    }
}
