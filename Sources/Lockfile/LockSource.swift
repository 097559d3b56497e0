/// Where a locked package comes from, as uv records it in `source = { ... }`.
///
/// The cases are declared in uv's sort order (`registry < git < url < path < directory <
/// editable < virtual`); paths are relative to the workspace root with forward slashes.
public enum LockSource: Sendable, Equatable, Hashable {
    /// A Simple API index URL, or a flat local index directory.
    case registry(String)
    /// A Git URL: requested reference in the query, resolved commit in the fragment.
    case git(String)
    /// A direct URL to an archive, optionally a subdirectory inside it.
    case url(String, subdirectory: String?)
    /// A local wheel or sdist.
    case path(String)
    /// A local source tree installed non-editable.
    case directory(String)
    /// A local source tree installed editable (the packaged root, workspace members).
    case editable(String)
    /// A project that is not a package: only its dependencies are installed.
    case virtual(String)

    /// The position of the variant in uv's order.
    var rank: Int {
        switch self {
        case .registry: 0
        case .git: 1
        case .url: 2
        case .path: 3
        case .directory: 4
        case .editable: 5
        case .virtual: 6
        }
    }

    /// The TOML key of the variant (`registry`, `git`, `url`, ...).
    public var key: String {
        switch self {
        case .registry: "registry"
        case .git: "git"
        case .url: "url"
        case .path: "path"
        case .directory: "directory"
        case .editable: "editable"
        case .virtual: "virtual"
        }
    }

    /// The URL or path the variant holds.
    public var value: String {
        switch self {
        case .registry(let value), .git(let value), .url(let value, _), .path(let value),
             .directory(let value), .editable(let value), .virtual(let value):
            value
        }
    }

    /// uv's order: variant first, then the URL or path, then the subdirectory.
    static func precedes(_ lhs: LockSource, _ rhs: LockSource) -> Bool {
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        if lhs.value != rhs.value { return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8) }
        if case .url(_, let left) = lhs, case .url(_, let right) = rhs {
            return (left ?? "").utf8.lexicographicallyPrecedes((right ?? "").utf8)
        }
        return false
    }
}
