import SuvBasics
import TOML

/// PEP 735 `[dependency-groups]`: named lists of requirements that may include other groups.
public struct DependencyGroups: Sendable, Equatable {
    /// One item of a group: a requirement string or `{ include-group = "name" }`.
    public enum Entry: Sendable, Equatable {
        case requirement(String)
        case includeGroup(String)
    }

    /// Groups in file order, under their names as written.
    public var groups: [(name: String, entries: [Entry])]

    public init(groups: [(name: String, entries: [Entry])] = []) {
        self.groups = groups
    }

    public static func == (lhs: DependencyGroups, rhs: DependencyGroups) -> Bool {
        lhs.groups.map(\.name) == rhs.groups.map(\.name) && lhs.groups.map(\.entries) == rhs.groups.map(\.entries)
    }

    /// The entries of a group, found by normalized name.
    public func entries(of group: String) -> [Entry]? {
        let wanted = PackageName(group)
        return groups.first { PackageName($0.name) == wanted }?.entries
    }

    /// A group's requirements with every `include-group` expanded, in order.
    ///
    /// Throws ``DependencyGroupError`` for a cycle or an include of a missing group.
    public func resolvedRequirements(of group: String) throws(DependencyGroupError) -> [String] {
        var visiting: [String] = []
        return try expand(PackageName(group).normalized, visiting: &visiting)
    }

    private func expand(_ group: String, visiting: inout [String]) throws(DependencyGroupError) -> [String] {
        if let start = visiting.firstIndex(of: group) {
            throw .cycle(Array(visiting[start...]) + [group])
        }
        guard let entries = entries(of: group) else { throw .missingGroup(group, includedFrom: visiting.last) }
        visiting.append(group)
        defer { visiting.removeLast() }
        var result: [String] = []
        for entry in entries {
            switch entry {
            case .requirement(let requirement): result.append(requirement)
            case .includeGroup(let included):
                result.append(contentsOf: try expand(PackageName(included).normalized, visiting: &visiting))
            }
        }
        return result
    }

    /// Checks every group for cycles and missing includes.
    public func validate() throws(DependencyGroupError) {
        for group in groups { _ = try resolvedRequirements(of: group.name) }
    }

    static func read(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> DependencyGroups {
        var result = DependencyGroups()
        for (name, list) in try reader.table(node).entries {
            var entries: [Entry] = []
            for item in try reader.array(list) {
                if let requirement = item.string {
                    entries.append(.requirement(requirement))
                    continue
                }
                let table = try reader.table(item, expected: "a requirement string or a table with `include-group`")
                guard let include = table["include-group"], table.keys.count == 1 else {
                    throw reader.error("a dependency group item must be a string or `{ include-group = \"...\" }`", at: item)
                }
                entries.append(.includeGroup(try reader.string(include)))
            }
            result.groups.append((name, entries))
        }
        return result
    }
}

/// A dependency group that includes itself or a group that does not exist.
public enum DependencyGroupError: SuvError, Equatable {
    case cycle([String])
    case missingGroup(String, includedFrom: String?)

    public var message: String {
        switch self {
        case .cycle(let path):
            "Detected a cycle in `dependency-groups`: " + path.map { "`\($0)`" }.joined(separator: " -> ")
        case .missingGroup(let group, let parent?):
            "Failed to find group `\(group)` included by `\(parent)`"
        case .missingGroup(let group, nil):
            "Failed to find group `\(group)`"
        }
    }
}
