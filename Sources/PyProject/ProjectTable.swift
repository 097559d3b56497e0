import TOML

/// The PEP 621 `[project]` table.
public struct ProjectTable: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        public var name: String?
        public var email: String?
        public init(name: String? = nil, email: String? = nil) {
            self.name = name
            self.email = email
        }
    }

    /// `readme`: a path, or a table with `file` or `text` and `content-type`.
    public enum Readme: Sendable, Equatable {
        case path(String)
        case file(String, contentType: String?)
        case text(String, contentType: String?)
    }

    /// `license`: an SPDX expression (PEP 639), or a legacy table with `file` or `text`.
    public enum License: Sendable, Equatable {
        case expression(String)
        case file(String)
        case text(String)
    }

    public var name: String
    public var version: String?
    public var dynamic: [String]
    public var description: String?
    public var readme: Readme?
    public var requiresPython: String?
    public var license: License?
    public var licenseFiles: [String]?
    public var authors: [Person]
    public var maintainers: [Person]
    public var keywords: [String]
    public var classifiers: [String]
    public var urls: [(key: String, value: String)]
    /// Requirement strings of `dependencies`, as written.
    public var dependencies: [String]
    /// Extras and their requirement strings, in file order.
    public var optionalDependencies: [(extra: String, requirements: [String])]
    public var scripts: [(key: String, value: String)]
    public var guiScripts: [(key: String, value: String)]
    public var entryPoints: [(group: String, entries: [(key: String, value: String)])]

    public static func == (lhs: ProjectTable, rhs: ProjectTable) -> Bool {
        lhs.name == rhs.name && lhs.version == rhs.version && lhs.dynamic == rhs.dynamic
            && lhs.description == rhs.description && lhs.readme == rhs.readme
            && lhs.requiresPython == rhs.requiresPython && lhs.license == rhs.license
            && lhs.authors == rhs.authors && lhs.dependencies == rhs.dependencies
            && lhs.optionalDependencies.map(\.extra) == rhs.optionalDependencies.map(\.extra)
            && lhs.optionalDependencies.map(\.requirements) == rhs.optionalDependencies.map(\.requirements)
    }

    static func read(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> ProjectTable {
        let table = try reader.table(node)
        guard let nameNode = table["name"] else {
            throw reader.error("`pyproject.toml` is using the `[project]` table, but the required `project.name` field is not set", at: node)
        }
        let name = try reader.string(nameNode)
        let dynamic = try reader.optionalStrings(table, "dynamic") ?? []
        let version = try reader.optionalString(table, "version")
        if version == nil, !dynamic.contains("version") {
            throw reader.error("`pyproject.toml` is using the `[project]` table, but the required `project.version` field is neither set nor present in the `project.dynamic` list", at: node)
        }
        var project = ProjectTable(
            name: name, version: version, dynamic: dynamic,
            description: try reader.optionalString(table, "description"), readme: nil,
            requiresPython: try reader.optionalString(table, "requires-python"), license: nil,
            licenseFiles: try reader.optionalStrings(table, "license-files"),
            authors: try people(table["authors"], reader), maintainers: try people(table["maintainers"], reader),
            keywords: try reader.optionalStrings(table, "keywords") ?? [],
            classifiers: try reader.optionalStrings(table, "classifiers") ?? [],
            urls: try table["urls"].map { node throws(TOMLError) in try reader.stringTable(node) } ?? [],
            dependencies: try reader.optionalStrings(table, "dependencies") ?? [],
            optionalDependencies: [], scripts: [], guiScripts: [], entryPoints: [])
        if let readme = table["readme"] { project.readme = try Self.readme(readme, reader) }
        if let license = table["license"] { project.license = try Self.license(license, reader) }
        if let extras = table["optional-dependencies"] {
            for (extra, requirements) in try reader.table(extras).entries {
                project.optionalDependencies.append((extra, try reader.strings(requirements)))
            }
        }
        if let scripts = table["scripts"] { project.scripts = try reader.stringTable(scripts) }
        if let scripts = table["gui-scripts"] { project.guiScripts = try reader.stringTable(scripts) }
        if let groups = table["entry-points"] {
            for (group, entries) in try reader.table(groups).entries {
                project.entryPoints.append((group, try reader.stringTable(entries)))
            }
        }
        return project
    }

    private static func people(_ node: TOMLNode?, _ reader: FieldReader) throws(TOMLError) -> [Person] {
        guard let node else { return [] }
        var result: [Person] = []
        for item in try reader.array(node) {
            let table = try reader.table(item, expected: "a table with `name` and/or `email`")
            result.append(Person(name: try reader.optionalString(table, "name"), email: try reader.optionalString(table, "email")))
        }
        return result
    }

    private static func readme(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> Readme {
        if let path = node.string { return .path(path) }
        let table = try reader.table(node, expected: "a string or a table with `file` or `text`")
        let contentType = try reader.optionalString(table, "content-type")
        if let file = try reader.optionalString(table, "file") { return .file(file, contentType: contentType) }
        if let text = try reader.optionalString(table, "text") { return .text(text, contentType: contentType) }
        throw reader.error("`readme` needs `file` or `text`", at: node)
    }

    private static func license(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> License {
        if let expression = node.string { return .expression(expression) }
        let table = try reader.table(node, expected: "a string or a table with `file` or `text`")
        if let file = try reader.optionalString(table, "file") { return .file(file) }
        if let text = try reader.optionalString(table, "text") { return .text(text) }
        throw reader.error("`license` needs `file` or `text`", at: node)
    }
}
