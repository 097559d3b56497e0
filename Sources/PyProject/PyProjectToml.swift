import SuvBasics
import TOML

/// A `pyproject.toml`, read into typed tables. The parsed ``document`` stays available for
/// positions and for format-preserving edits (see ``PyProjectEditor``).
public struct PyProjectToml: Sendable {
    public let document: TOMLDocument
    public var project: ProjectTable?
    public var dependencyGroups: DependencyGroups?
    public var buildSystem: BuildSystem?
    public var toolUv: ToolUv?

    /// Parses and validates a `pyproject.toml`. `fileName` is used in messages.
    public init(parsing text: String, fileName: String = "pyproject.toml") throws(PyProjectError) {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw .invalid(file: fileName, error)
        }
        try self.init(document: document, fileName: fileName)
    }

    public init(document: TOMLDocument, fileName: String = "pyproject.toml") throws(PyProjectError) {
        self.document = document
        let reader = FieldReader(document: document)
        do throws(TOMLError) {
            let root = document.root
            project = try root["project"].map { node throws(TOMLError) in try ProjectTable.read(node, reader) }
            dependencyGroups = try root["dependency-groups"].map { node throws(TOMLError) in try DependencyGroups.read(node, reader) }
            buildSystem = try root["build-system"].map { node throws(TOMLError) in try BuildSystem.read(node, reader) }
            if let tool = root["tool"], let uv = try reader.table(tool)["uv"] {
                toolUv = try ToolUv.read(uv, reader)
            }
        } catch {
            throw .invalid(file: fileName, error)
        }
    }

    /// The project's name, normalized, when it has a `[project]` table.
    public var packageName: PackageName? { project.map { PackageName($0.name) } }

    /// Whether uv would build and install this project as a package: `tool.uv.package` when
    /// set, else whether a `[build-system]` is declared.
    public var isPackage: Bool { toolUv?.package ?? (buildSystem != nil) }

    /// All dependency groups, with legacy `tool.uv.dev-dependencies` merged into `dev`.
    public var effectiveDependencyGroups: DependencyGroups {
        var groups = dependencyGroups ?? DependencyGroups()
        if let legacy = toolUv?.devDependencies, !legacy.isEmpty {
            if let index = groups.groups.firstIndex(where: { PackageName($0.name) == PackageName("dev") }) {
                groups.groups[index].entries += legacy.map(DependencyGroups.Entry.requirement)
            } else {
                groups.groups.append(("dev", legacy.map(DependencyGroups.Entry.requirement)))
            }
        }
        return groups
    }

    /// Checks what cannot be checked while reading: group includes and cycles.
    public func validate() throws(ValidationError) {
        do {
            try effectiveDependencyGroups.validate()
        } catch {
            throw ValidationError(project: project?.name ?? "", underlying: error)
        }
    }

    /// A project whose dependency groups do not make sense.
    public struct ValidationError: SuvError, Equatable {
        public let project: String
        public let underlying: DependencyGroupError
        public var message: String { "Project `\(project)` has malformed dependency groups" }
        public var cause: (any Error)? { underlying }
    }
}

/// A `uv.toml` file: the ``UvSettings`` keys at top level (`[[index]]`, `[pip]`, ...).
public struct UvToml: Sendable, Equatable {
    public var settings: UvSettings

    public init(parsing text: String, fileName: String = "uv.toml") throws(PyProjectError) {
        do throws(TOMLError) {
            let document = try TOMLDocument(parsing: text)
            let reader = FieldReader(document: document)
            if let tool = document.root["tool"], tool.table?["uv"] != nil {
                throw reader.error("`uv.toml` uses the top level for settings; remove the `[tool.uv]` prefix", at: tool)
            }
            settings = try UvSettings.read(document.root, reader)
        } catch {
            throw .invalid(file: fileName, error)
        }
    }
}
