/// The `Cache-Control` directives (RFC 9111 §5.2) that a private client cache acts on.
///
/// Parsing follows uv's (`uv-client/src/httpcache/control.rs`): directive names are
/// case-insensitive, values may be tokens or quoted strings, unknown directives are ignored,
/// and anything suspicious makes the cache *more* careful: a malformed number for `max-age`,
/// `s-maxage`, `max-stale` or `min-fresh`, or any directive given twice, sets
/// ``mustRevalidate`` instead.
public struct CacheControl: Codable, Sendable, Equatable {
    /// `max-age=N`: fresh for N seconds after generation.
    public var maxAge: Int64?
    /// `s-maxage=N`: for shared caches only; parsed but ignored (suv's cache is private).
    public var sharedMaxAge: Int64?
    /// `no-cache`: may be stored, but must be revalidated before every use.
    public var noCache = false
    /// `no-store`: must not be stored at all.
    public var noStore = false
    /// `must-revalidate`: never used stale, even when a request would accept it.
    public var mustRevalidate = false
    /// `immutable` (RFC 8246): will not change while fresh, so not revalidated even on refresh.
    public var immutable = false
    /// `private`: only for a private cache such as suv's.
    public var isPrivate = false
    /// `public`: storable even when it would otherwise not be.
    public var isPublic = false
    /// Request `max-stale[=N]`: a stale response is acceptable up to N seconds (any when bare).
    public var maxStale: Int64?
    /// Request `min-fresh=N`: the response must stay fresh for at least N more seconds.
    public var minFresh: Int64?

    /// No directives.
    public init() {}

    /// The directives in the given `Cache-Control` header values (several header lines are
    /// read as one comma-separated list).
    public init(headerValues: [String]) {
        self.init()
        var seen: Set<String> = []
        for value in headerValues {
            for (name, argument) in Self.directives(in: value) {
                guard seen.insert(name).inserted else {
                    mustRevalidate = true
                    continue
                }
                apply(name, argument)
            }
        }
    }

    private mutating func apply(_ name: String, _ argument: String?) {
        func seconds(_ argument: String?) -> Int64? {
            guard let argument, !argument.isEmpty, argument.utf8.allSatisfy({ (48...57).contains($0) }) else {
                return nil
            }
            return Int64(argument) ?? Int64.max
        }
        switch name {
        case "max-age":
            if let value = seconds(argument) { maxAge = value } else { mustRevalidate = true }
        case "s-maxage":
            if let value = seconds(argument) { sharedMaxAge = value } else { mustRevalidate = true }
        case "max-stale":
            if argument == nil || argument == "" {
                maxStale = Int64.max
            } else if let value = seconds(argument) {
                maxStale = value
            } else {
                mustRevalidate = true
            }
        case "min-fresh":
            if let value = seconds(argument) { minFresh = value } else { mustRevalidate = true }
        case "no-cache": noCache = true
        case "no-store": noStore = true
        case "must-revalidate", "proxy-revalidate": mustRevalidate = true
        case "immutable": immutable = true
        case "private": isPrivate = true
        case "public": isPublic = true
        default: break
        }
    }

    /// The `name[=value]` pairs of one header value; names lowercased, quoted values unquoted.
    static func directives(in value: String) -> [(String, String?)] {
        var result: [(String, String?)] = []
        var characters = Substring(value)
        while !characters.isEmpty {
            characters = characters.drop { $0 == " " || $0 == "\t" || $0 == "," }
            let name = characters.prefix { $0 != "=" && $0 != "," && $0 != " " && $0 != "\t" }
            characters = characters.dropFirst(name.count)
            characters = characters.drop { $0 == " " || $0 == "\t" }
            var argument: String?
            if characters.first == "=" {
                characters = characters.dropFirst()
                if characters.first == "\"" {
                    characters = characters.dropFirst()
                    var text = ""
                    var escaped = false
                    while let character = characters.first {
                        characters = characters.dropFirst()
                        if escaped {
                            text.append(character)
                            escaped = false
                        } else if character == "\\" {
                            escaped = true
                        } else if character == "\"" {
                            break
                        } else {
                            text.append(character)
                        }
                    }
                    argument = text
                } else {
                    let token = characters.prefix { $0 != "," && $0 != " " && $0 != "\t" }
                    characters = characters.dropFirst(token.count)
                    argument = String(token)
                }
            }
            // Skip anything up to the next comma (malformed trailing text).
            characters = characters.drop { $0 != "," }
            if !name.isEmpty { result.append((name.lowercased(), argument)) }
        }
        return result
    }
}
