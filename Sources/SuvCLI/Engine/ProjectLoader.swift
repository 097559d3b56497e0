import Glibc
import Cache
import Lockfile
import PEP440
import PEP508
import Project
import PyProject
import Settings
import SuvBasics

/// The workspace a project command works on, found from the working directory up: the nearest
/// `pyproject.toml` with a `[project]` or `[tool.uv.workspace]` table, and the workspace root
/// above it that lists it as a member (or the project alone).
struct LoadedProject {
    /// The workspace root: where `uv.lock` lives and lock paths are relative to.
    let root: String
    /// Every `pyproject.toml` read (root, members, path dependencies), with its path: what an
    /// up-to-date verdict depends on.
    let text: String
    /// The root's `pyproject.toml` (workspace-wide settings).
    let pyproject: PyProjectToml
    let workspace: WorkspaceInputs

    static func find(from directory: String) throws -> LoadedProject {
        var current = directory
        while true {
            if let document = try PyProjectDocument.read(directory: current, displayFrom: directory),
               document.pyproject.project != nil || document.pyproject.toolUv?.workspace != nil {
                let root = try workspaceRoot(containing: document, displayFrom: directory) ?? document
                return try WorkspaceReader(root: root, displayFrom: directory).load()
            }
            guard let parent = Self.parent(of: current) else { break }
            current = parent
        }
        throw ProjectNotFound(directory: directory)
    }

    /// The nearest workspace root above `project` whose members include it, or `nil`.
    private static func workspaceRoot(containing project: PyProjectDocument, displayFrom: String) throws -> PyProjectDocument? {
        if project.pyproject.toolUv?.workspace != nil { return project }
        var current = project.directory
        while let parent = parent(of: current) {
            current = parent
            guard let document = try PyProjectDocument.read(directory: current, displayFrom: displayFrom),
                  let workspace = document.pyproject.toolUv?.workspace else { continue }
            let relative = WorkspacePaths.relative(project.directory, to: current)
            let included = workspace.members.contains { WorkspacePaths.matches(pattern: $0, path: relative) }
            let excluded = workspace.exclude.contains { WorkspacePaths.matches(pattern: $0, path: relative) }
            return included && !excluded ? document : nil
        }
        return nil
    }

    static func parent(of directory: String) -> String? {
        guard directory != "/", let slash = directory.lastIndex(of: "/") else { return nil }
        return slash == directory.startIndex ? "/" : String(directory[..<slash])
    }
}

/// One `pyproject.toml`, read and parsed.
struct PyProjectDocument {
    let directory: String
    let path: String
    let text: String
    let pyproject: PyProjectToml

    /// The document in `directory`, or `nil` when there is none.
    static func read(directory: String, displayFrom: String) throws -> PyProjectDocument? {
        let path = directory == "/" ? "/pyproject.toml" : directory + "/pyproject.toml"
        guard access(path, R_OK) == 0 else { return nil }
        let text = try ProjectFileReader.read(path)
        do {
            return PyProjectDocument(directory: directory, path: path, text: text,
                                     pyproject: try PyProjectToml(parsing: text, fileName: "pyproject.toml"))
        } catch {
            throw error.context("Failed to parse: `\(PathDisplay.user(path, currentDirectory: displayFrom))`")
        }
    }
}

/// No project from the working directory up.
struct ProjectNotFound: SuvError {
    let directory: String
    var message: String { "No `pyproject.toml` found in current directory or any parent directory" }
    var kind: ErrorKind { .error }
}
