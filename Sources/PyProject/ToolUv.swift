import SuvBasics
import TOML

/// `[tool.uv]` in `pyproject.toml`: the shared ``UvSettings`` plus the project-only keys.
public struct ToolUv: Sendable, Equatable {
    /// `[tool.uv.workspace]`.
    public struct Workspace: Sendable, Equatable {
        public var members: [String]
        public var exclude: [String]
        public init(members: [String] = [], exclude: [String] = []) {
            self.members = members
            self.exclude = exclude
        }
    }

    /// `default-groups`: a list of names, or every group.
    public enum DefaultGroups: Sendable, Equatable {
        case all
        case names([String])
    }

    /// One item of a `conflicts` set.
    public struct ConflictItem: Sendable, Equatable {
        public var package: String?
        public var extra: String?
        public var group: String?
        public init(package: String? = nil, extra: String? = nil, group: String? = nil) {
            self.package = package
            self.extra = extra
            self.group = group
        }
    }

    public var settings: UvSettings
    /// `[tool.uv.sources]`: package name as written, and one or more (marker-split) sources.
    public var sources: [(name: String, sources: [Source])] = []
    public var workspace: Workspace?
    public var package: Bool?
    public var managed: Bool?
    public var defaultGroups: DefaultGroups?
    /// Legacy `dev-dependencies`, merged into the `dev` group.
    public var devDependencies: [String]?
    public var constraintDependencies: [String] = []
    public var overrideDependencies: [String] = []
    public var buildConstraintDependencies: [String] = []
    public var environments: [String] = []
    public var requiredEnvironments: [String] = []
    public var conflicts: [[ConflictItem]] = []

    public init(settings: UvSettings = UvSettings()) {
        self.settings = settings
    }

    /// The sources declared for a package, matched by normalized name.
    public func sources(for name: String) -> [Source]? {
        let wanted = PackageName(name)
        return sources.first { PackageName($0.name) == wanted }?.sources
    }

    public static func == (lhs: ToolUv, rhs: ToolUv) -> Bool {
        lhs.settings == rhs.settings && lhs.sources.map(\.name) == rhs.sources.map(\.name)
            && lhs.sources.map(\.sources) == rhs.sources.map(\.sources) && lhs.workspace == rhs.workspace
            && lhs.package == rhs.package && lhs.managed == rhs.managed && lhs.defaultGroups == rhs.defaultGroups
            && lhs.devDependencies == rhs.devDependencies && lhs.constraintDependencies == rhs.constraintDependencies
            && lhs.overrideDependencies == rhs.overrideDependencies && lhs.environments == rhs.environments
            && lhs.requiredEnvironments == rhs.requiredEnvironments && lhs.conflicts == rhs.conflicts
    }

    static func read(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> ToolUv {
        let table = try reader.table(node)
        var tool = ToolUv(settings: try UvSettings.read(table, reader))
        if let sources = table["sources"] {
            for (name, value) in try reader.table(sources).entries {
                if let list = value.array {
                    var entries: [Source] = []
                    for item in list { entries.append(try Source.read(item, reader)) }
                    tool.sources.append((name, entries))
                } else {
                    tool.sources.append((name, [try Source.read(value, reader)]))
                }
            }
        }
        if let workspace = table["workspace"] {
            let workspaceTable = try reader.table(workspace)
            tool.workspace = Workspace(members: try reader.optionalStrings(workspaceTable, "members") ?? [],
                                       exclude: try reader.optionalStrings(workspaceTable, "exclude") ?? [])
        }
        tool.package = try reader.optionalBool(table, "package")
        tool.managed = try reader.optionalBool(table, "managed")
        if let groups = table["default-groups"] {
            if groups.string == "all" {
                tool.defaultGroups = .all
            } else if groups.string != nil {
                throw reader.error("default-groups must be \"all\" or a list of group names", at: groups)
            } else {
                tool.defaultGroups = .names(try reader.strings(groups))
            }
        }
        tool.devDependencies = try reader.optionalStrings(table, "dev-dependencies")
        tool.constraintDependencies = try reader.optionalStrings(table, "constraint-dependencies") ?? []
        tool.overrideDependencies = try reader.optionalStrings(table, "override-dependencies") ?? []
        tool.buildConstraintDependencies = try reader.optionalStrings(table, "build-constraint-dependencies") ?? []
        tool.environments = try markerList(table["environments"], reader)
        tool.requiredEnvironments = try markerList(table["required-environments"], reader)
        if let conflicts = table["conflicts"] {
            for set in try reader.array(conflicts) {
                var items: [ConflictItem] = []
                for item in try reader.array(set) {
                    let itemTable = try reader.table(item, expected: "a table with `extra`, `group` or `package`")
                    let conflict = ConflictItem(package: try reader.optionalString(itemTable, "package"),
                                                extra: try reader.optionalString(itemTable, "extra"),
                                                group: try reader.optionalString(itemTable, "group"))
                    if conflict.extra != nil && conflict.group != nil {
                        throw reader.error("a conflict item cannot name both an extra and a group", at: item)
                    }
                    items.append(conflict)
                }
                tool.conflicts.append(items)
            }
        }
        return tool
    }

    /// `environments` takes one marker string or a list of them.
    private static func markerList(_ node: TOMLNode?, _ reader: FieldReader) throws(TOMLError) -> [String] {
        guard let node else { return [] }
        if let single = node.string { return [single] }
        return try reader.strings(node)
    }
}
