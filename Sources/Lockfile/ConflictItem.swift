import SuvBasics

/// One member of a `conflicts` set: a whole project, or one of its extras or groups.
public struct ConflictItem: Sendable, Equatable, Hashable {
    /// Which part of the package conflicts.
    public enum Kind: Sendable, Equatable, Hashable {
        /// The project itself (`{ package = "x" }`).
        case project
        /// An extra (`{ package = "x", extra = "e" }`).
        case extra(String)
        /// A dependency group (`{ package = "x", group = "g" }`).
        case group(String)
    }

    public var package: PackageName
    public var kind: Kind

    public init(package: PackageName, kind: Kind = .project) {
        self.package = package
        self.kind = kind
    }
}

extension ConflictItem: Comparable {
    /// uv's order: by package, then extras before groups before the whole project, by name.
    public static func < (lhs: ConflictItem, rhs: ConflictItem) -> Bool {
        LockOrdering.conflictItems(lhs, rhs)
    }
}
