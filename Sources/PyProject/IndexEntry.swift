import TOML

/// One `[[tool.uv.index]]` / `[[index]]` entry.
public struct IndexEntry: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        /// A PEP 503/691 simple index.
        case simple
        /// A flat list of links (`--find-links` style).
        case flat
    }

    public var name: String?
    public var url: String
    /// Replaces the default index.
    public var isDefault: Bool
    /// Used only by packages that name it in `[tool.uv.sources]`.
    public var explicit: Bool
    public var format: Format
    public var publishURL: String?

    public init(name: String? = nil, url: String, isDefault: Bool = false, explicit: Bool = false,
                format: Format = .simple, publishURL: String? = nil) {
        self.name = name
        self.url = url
        self.isDefault = isDefault
        self.explicit = explicit
        self.format = format
        self.publishURL = publishURL
    }

    static func read(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> IndexEntry {
        let table = try reader.table(node)
        guard let url = table["url"] else { throw reader.missingField("url", in: node) }
        var entry = IndexEntry(url: try reader.string(url))
        entry.name = try reader.optionalString(table, "name")
        entry.isDefault = try reader.optionalBool(table, "default") ?? false
        entry.explicit = try reader.optionalBool(table, "explicit") ?? false
        entry.publishURL = try reader.optionalString(table, "publish-url")
        if let format = table["format"] {
            entry.format = try reader.variant(format, [("simple", Format.simple), ("flat", .flat)])
        }
        if entry.explicit, entry.name == nil {
            throw reader.error("An index with `explicit = true` requires a `name`", at: node)
        }
        return entry
    }
}
