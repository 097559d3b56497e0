import TOML

/// Where one package comes from, per `[tool.uv.sources]`.
public struct Source: Sendable, Equatable {
    public enum Location: Sendable, Equatable {
        /// `{ git = "...", rev|tag|branch = "...", subdirectory = "..." }`
        case git(url: String, reference: GitReference?, subdirectory: String?, lfs: Bool?)
        /// `{ url = "...", subdirectory = "..." }`: a remote wheel or sdist.
        case url(String, subdirectory: String?)
        /// `{ path = "...", editable = bool, package = bool }`
        case path(String, editable: Bool?, package: Bool?)
        /// `{ index = "name" }`
        case index(String)
        /// `{ workspace = true }`
        case workspace(editable: Bool?)
    }

    public enum GitReference: Sendable, Equatable {
        case rev(String), tag(String), branch(String)
    }

    public var location: Location
    /// Applies only where this marker holds (as written).
    public var marker: String?
    /// Applies only to this extra or group of the project.
    public var extra: String?
    public var group: String?

    public init(_ location: Location, marker: String? = nil, extra: String? = nil, group: String? = nil) {
        self.location = location
        self.marker = marker
        self.extra = extra
        self.group = group
    }

    static let expectedShape = "one of `git`, `url`, `path`, `index`, or `workspace`"

    static func read(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> Source {
        let table = try reader.table(node, expected: "a source table")
        let kinds = ["git", "url", "path", "index", "workspace"].filter { table[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let value = table[kind] else {
            throw reader.error("a source must have exactly \(expectedShape)", at: node)
        }
        let location: Location
        switch kind {
        case "git":
            let references: [GitReference] = [
                try reader.optionalString(table, "rev").map(GitReference.rev),
                try reader.optionalString(table, "tag").map(GitReference.tag),
                try reader.optionalString(table, "branch").map(GitReference.branch),
            ].compactMap { $0 }
            if references.count > 1 {
                throw reader.error("a git source takes only one of `rev`, `tag` and `branch`", at: node)
            }
            location = .git(url: try reader.string(value), reference: references.first,
                            subdirectory: try reader.optionalString(table, "subdirectory"),
                            lfs: try reader.optionalBool(table, "lfs"))
        case "url":
            location = .url(try reader.string(value), subdirectory: try reader.optionalString(table, "subdirectory"))
        case "path":
            location = .path(try reader.string(value), editable: try reader.optionalBool(table, "editable"),
                             package: try reader.optionalBool(table, "package"))
        case "index":
            location = .index(try reader.string(value))
        default:
            guard try reader.bool(value) else {
                throw reader.error("`workspace = false` is not a source; remove the entry instead", at: value)
            }
            location = .workspace(editable: try reader.optionalBool(table, "editable"))
        }
        return Source(location, marker: try reader.optionalString(table, "marker"),
                      extra: try reader.optionalString(table, "extra"), group: try reader.optionalString(table, "group"))
    }
}
