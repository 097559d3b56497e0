import PEP440
import SuvBasics

/// uv's orderings for the parts of a lock (uv-reference §1.11). All sorts are stable.
enum LockOrdering {
    /// Byte order of two strings.
    static func bytes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// PEP 440 order of two version strings (`nil` first); unparsable ones by text, after valid ones.
    static func versions(_ lhs: String?, _ rhs: String?) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case (nil, _): return true
        case (_, nil): return false
        case (let left?, let right?):
            if left == right { return nil }
            switch (Version(left), Version(right)) {
            case (let a?, let b?): return a == b ? bytes(left, right) : a < b
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return bytes(left, right)
            }
        }
    }

    /// Optional strings: absent first, then byte order; `nil` when equal.
    static func optional(_ lhs: String?, _ rhs: String?) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case (nil, _): return true
        case (_, nil): return false
        case (let left?, let right?): return left == right ? nil : bytes(left, right)
        }
    }

    /// Arrays of strings, lexicographically (shorter prefix first); `nil` when equal.
    static func lists(_ lhs: [String], _ rhs: [String]) -> Bool? {
        lhs == rhs ? nil : lhs.lexicographicallyPrecedes(rhs, by: bytes)
    }

    static func sources(_ lhs: LockSource?, _ rhs: LockSource?) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case (nil, _): return true
        case (_, nil): return false
        case (let left?, let right?): return left == right ? nil : LockSource.precedes(left, right)
        }
    }

    /// Packages: by normalized name, then PEP 440 version, then source.
    static func packages(_ lhs: LockedPackage, _ rhs: LockedPackage) -> Bool {
        if lhs.name != rhs.name { return bytes(lhs.name.normalized, rhs.name.normalized) }
        if let order = versions(lhs.version, rhs.version) { return order }
        return sources(lhs.source, rhs.source) ?? false
    }

    /// Edges: by target (name, version, source), then extras, then marker.
    static func edges(_ lhs: LockEdge, _ rhs: LockEdge) -> Bool {
        if lhs.name != rhs.name { return bytes(lhs.name.normalized, rhs.name.normalized) }
        if let order = versions(lhs.version, rhs.version) { return order }
        if let order = sources(lhs.source, rhs.source) { return order }
        if let order = lists(lhs.extras.sorted(by: bytes), rhs.extras.sorted(by: bytes)) { return order }
        return optional(lhs.marker, rhs.marker) ?? false
    }

    /// Requirements: by name, then extras, groups, marker and source.
    static func requirements(_ lhs: LockRequirement, _ rhs: LockRequirement) -> Bool {
        if lhs.name != rhs.name { return bytes(lhs.name.normalized, rhs.name.normalized) }
        if let order = lists(lhs.extras, rhs.extras) { return order }
        if let order = lists(lhs.groups, rhs.groups) { return order }
        if let order = optional(lhs.marker, rhs.marker) { return order }
        if lhs.source.rank != rhs.source.rank { return lhs.source.rank < rhs.source.rank }
        let left = lhs.source.fields.flatMap { [$0.0, $0.1] }
        let right = rhs.source.fields.flatMap { [$0.0, $0.1] }
        return lists(left, right) ?? false
    }

    /// Conflict items: by package, then extras before groups before the whole project.
    static func conflictItems(_ lhs: ConflictItem, _ rhs: ConflictItem) -> Bool {
        if lhs.package != rhs.package { return bytes(lhs.package.normalized, rhs.package.normalized) }
        func key(_ kind: ConflictItem.Kind) -> (Int, String) {
            switch kind {
            case .extra(let name): (0, name)
            case .group(let name): (1, name)
            case .project: (2, "")
            }
        }
        let (left, right) = (key(lhs.kind), key(rhs.kind))
        return left.0 != right.0 ? left.0 < right.0 : bytes(left.1, right.1)
    }
}
