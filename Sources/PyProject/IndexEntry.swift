import TOML

/// One `[[tool.uv.index]]` / `[[index]]` entry.
public struct IndexEntry: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        /// A PEP 503/691 simple index.
        case simple
        /// A flat list of links (`--find-links` style).
        case flat
    }

    /// When credentials are looked up for the index (`authenticate`).
    public enum AuthenticationPolicy: String, Sendable, Equatable, CaseIterable {
        /// Try without credentials first; look them up after a 401/403 (or when the URL names a user).
        case auto
        /// Always send credentials; fail when none are found.
        case always
        /// Never send credentials.
        case never
    }

    /// `cache-control = { api = "...", files = "..." }`: `Cache-Control` values that replace the
    /// server's for simple-API pages and for files.
    public struct CacheControl: Sendable, Equatable {
        public var api: String?
        public var files: String?
        public init(api: String? = nil, files: String? = nil) {
            self.api = api
            self.files = files
        }
    }

    public var name: String?
    public var url: String
    /// Replaces the default index.
    public var isDefault: Bool
    /// Used only by packages that name it in `[tool.uv.sources]`.
    public var explicit: Bool
    public var format: Format
    public var publishURL: String?
    /// `authenticate` (default `auto`).
    public var authenticate: AuthenticationPolicy
    /// `ignore-error-codes`: HTTP statuses that mean "not here, try the next index".
    public var ignoreErrorCodes: [Int]?
    /// `cache-control`.
    public var cacheControl: CacheControl?
    /// `mirror-of` (suv only; uv ignores unknown fields of an index entry): the canonical index
    /// this entry's URL mirrors. Locks record the canonical URL; see `docs/mirrors.md`.
    public var mirrorOf: String?

    public init(name: String? = nil, url: String, isDefault: Bool = false, explicit: Bool = false,
                format: Format = .simple, publishURL: String? = nil, authenticate: AuthenticationPolicy = .auto,
                ignoreErrorCodes: [Int]? = nil, cacheControl: CacheControl? = nil, mirrorOf: String? = nil) {
        self.name = name
        self.url = url
        self.isDefault = isDefault
        self.explicit = explicit
        self.format = format
        self.publishURL = publishURL
        self.authenticate = authenticate
        self.ignoreErrorCodes = ignoreErrorCodes
        self.cacheControl = cacheControl
        self.mirrorOf = mirrorOf
    }

    /// Why `name` is not a valid index name, in uv's words, or `nil` when it is valid. Index
    /// names are non-empty and use only ASCII letters, digits, `-`, `_` and `.`.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "Index included a name, but the name was empty" }
        for character in name {
            switch character {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": continue
            default:
                if character.isASCII {
                    return "Index names may only contain letters, digits, hyphens, underscores, and periods, but found unsupported character (`\(character)`) in: `\(name)`"
                }
                return "Index names must be ASCII, but found non-ASCII character (`\(character)`) in: `\(name)`"
            }
        }
        return nil
    }

    /// Whether `text` starts with a URL scheme and `://`.
    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let separator = text.firstRange(of: "://"), let first = text.first, first.isASCII, first.isLetter else { return false }
        return text[..<separator.lowerBound].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && separator.upperBound < text.endIndex
    }

    static func read(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> IndexEntry {
        let table = try reader.table(node)
        guard let url = table["url"] else { throw reader.missingField("url", in: node) }
        var entry = IndexEntry(url: try reader.string(url))
        if let nameNode = table["name"] {
            let name = try reader.string(nameNode)
            if let problem = nameProblem(name) { throw reader.error(problem, at: nameNode) }
            entry.name = name
        }
        entry.isDefault = try reader.optionalBool(table, "default") ?? false
        entry.explicit = try reader.optionalBool(table, "explicit") ?? false
        entry.publishURL = try reader.optionalString(table, "publish-url")
        if let format = table["format"] {
            entry.format = try reader.variant(format, [("simple", Format.simple), ("flat", .flat)])
        }
        if let authenticate = table["authenticate"] {
            entry.authenticate = try reader.variant(authenticate, AuthenticationPolicy.allCases.map { ($0.rawValue, $0) })
        }
        if let codes = table["ignore-error-codes"] {
            var values: [Int] = []
            for code in try reader.array(codes) {
                guard let value = code.integer, (100...599).contains(value) else {
                    throw reader.typeError(code, expected: "a valid HTTP status code")
                }
                values.append(Int(value))
            }
            entry.ignoreErrorCodes = values
        }
        if let cacheControl = table["cache-control"] {
            let control = try reader.table(cacheControl)
            entry.cacheControl = CacheControl(api: try reader.optionalString(control, "api"),
                                              files: try reader.optionalString(control, "files"))
        }
        if let mirrorOf = table["mirror-of"] {
            let text = try reader.string(mirrorOf)
            guard Self.isAbsoluteURL(text) else {
                throw reader.error("`mirror-of` must be the absolute URL of the index this one mirrors (`https://...`), found `\(text)`", at: mirrorOf)
            }
            entry.mirrorOf = text
        }
        if entry.explicit, entry.name == nil {
            throw reader.error("An index with `explicit = true` requires a `name`: \(entry.url)", at: node)
        }
        return entry
    }
}
