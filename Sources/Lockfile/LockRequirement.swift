import PEP440
import SuvBasics

/// A declared requirement as uv records it in `[package.metadata]` and `[manifest]`:
/// `{ name = "x", extras = [...], groups = [...], marker = "...", specifier = "..." }`.
public struct LockRequirement: Sendable, Equatable {
    /// Where the requirement is satisfied from, after `tool.uv.sources` lowering.
    public enum Source: Sendable, Equatable {
        /// An index requirement with an optional specifier (`specifier = ">=1.0,<2"`).
        case specifier(String?)
        /// An index requirement pinned to a named index (`specifier = "...", index = "url"`).
        case index(String, specifier: String?)
        /// A Git URL with the requested reference, without the commit (`git = "..."`).
        case git(String)
        /// A direct URL (`url = "..."`, optional `subdirectory`).
        case url(String, subdirectory: String?)
        /// A local archive (`path = "..."`).
        case path(String)
        /// A local source tree, non-editable (`directory = "..."`).
        case directory(String)
        /// A local source tree, editable (`editable = "..."`).
        case editable(String)
        /// A local project that is not a package (`virtual = "..."`).
        case virtual(String)

        var rank: Int {
            switch self {
            case .specifier, .index: 0
            case .url: 1
            case .git: 2
            case .path: 3
            case .directory: 4
            case .editable: 5
            case .virtual: 6
            }
        }

        /// The written key-value pairs, in uv's order.
        var fields: [(String, String)] {
            switch self {
            case .specifier(let specifier): specifier.map { [("specifier", $0)] } ?? []
            case .index(let index, let specifier): (specifier.map { [("specifier", $0)] } ?? []) + [("index", index)]
            case .git(let url): [("git", url)]
            case .url(let url, let subdirectory): [("url", url)] + (subdirectory.map { [("subdirectory", $0)] } ?? [])
            case .path(let path): [("path", path)]
            case .directory(let path): [("directory", path)]
            case .editable(let path): [("editable", path)]
            case .virtual(let path): [("virtual", path)]
            }
        }
    }

    public var name: PackageName
    /// Requested extras, in the order the requirement named them.
    public var extras: [String]
    /// Requested dependency groups (for requirements on a workspace member's groups).
    public var groups: [String]
    /// The normalized (not simplified) marker; `nil` when always true.
    public var marker: String?
    public var source: Source

    public init(name: PackageName, extras: [String] = [], groups: [String] = [], marker: String? = nil, source: Source = .specifier(nil)) {
        self.name = name
        self.extras = extras
        self.groups = groups
        self.marker = marker
        self.source = source
    }

    /// A specifier set in uv's lock spelling: clauses sorted by version (stable), joined by `,`
    /// without spaces (`<2, >= 1.10` → `>=1.10,<2`); `nil` for an empty set.
    public static func lockSpecifier(_ specifiers: VersionSpecifiers) -> String? {
        guard !specifiers.isEmpty else { return nil }
        let ordered = specifiers.specifiers.enumerated().sorted { lhs, rhs in
            switch (lhs.element.version, rhs.element.version) {
            case (let left?, let right?) where left != right: return left < right
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.offset < rhs.offset
            }
        }
        return ordered.map { $0.element.op.rawValue + $0.element.versionText }.joined(separator: ",")
    }
}

/// A named list of requirements: one dependency group.
public struct NamedRequirements: Sendable, Equatable {
    /// The group name (normalized).
    public var name: String
    public var requirements: [LockRequirement]

    public init(_ name: String, _ requirements: [LockRequirement]) {
        self.name = name
        self.requirements = requirements
    }
}
