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
    /// The root's `[tool.uv]` (workspace-wide settings), or a script's.
    let toolUv: ToolUv?
    let workspace: WorkspaceInputs
    /// Where the lock is read and written: `uv.lock` at the root, `<script>.lock` for a script.
    let lockPath: String
    /// A PEP 723 script rather than a project.
    let isScript: Bool
    /// Git and direct-URL sources the workspace declares, fetched when a resolution needs them.
    var remoteSources: [(name: PackageName, source: RemoteSource)] = []
    /// Whether a missing `requires-python` is worth a warning (not for a script without a
    /// metadata block, as uv).
    var warnsWithoutRequiresPython = true

    /// The file the workspace's settings come from, for messages.
    var settingsPath: String { isScript ? String(lockPath.dropLast(".lock".count)) : root + "/pyproject.toml" }

    init(root: String, text: String, toolUv: ToolUv?, workspace: WorkspaceInputs, lockPath: String? = nil, isScript: Bool = false) {
        self.root = root
        self.text = text
        self.toolUv = toolUv
        self.workspace = workspace
        self.lockPath = lockPath ?? root + "/uv.lock"
        self.isScript = isScript
    }

    /// A PEP 723 script: its inline `dependencies` and `requires-python`; the lock goes next to
    /// it as `<script>.lock`.
    static func script(_ path: String, from directory: String) throws -> LoadedProject {
        let absolute = WorkspacePaths.join(directory, path)
        let display = PathDisplay.user(absolute, currentDirectory: directory)
        guard access(absolute, R_OK) == 0 else { throw ScriptNotFound(path: display) }
        let source = try ProjectFileReader.read(absolute)
        let metadata = try InlineScriptMetadata(scriptSource: source, fileName: display)
        var workspace = WorkspaceInputs(members: [])
        workspace.scriptRequirements = try ProjectRequirements.parse(metadata?.dependencies ?? [], path: display)
        if let text = metadata?.requiresPython {
            do {
                workspace.scriptRequiresPython = try VersionSpecifiers(parsing: text)
            } catch {
                throw ProjectFileError(path: display, reason: "invalid `requires-python` `\(text)`")
            }
        }
        let folder = LoadedProject.parent(of: absolute) ?? "/"
        var script = LoadedProject(root: folder, text: source, toolUv: metadata?.toolUv, workspace: workspace,
                                   lockPath: absolute + ".lock", isScript: true)
        script.warnsWithoutRequiresPython = metadata != nil
        return script
    }

    /// Finds and reads the workspace, holding its ``ProjectLock`` from then on. The search
    /// starts again under the lock when it had to be waited for, or when the root's
    /// `pyproject.toml` changed between its reading and the lock.
    static func find(from directory: String) throws -> LoadedProject {
        var current = directory
        while true {
            if let document = try PyProjectDocument.read(directory: current, displayFrom: directory),
               document.pyproject.project != nil || document.pyproject.toolUv?.workspace != nil {
                let root = try workspaceRoot(containing: document, displayFrom: directory) ?? document
                switch ProjectLock.hold(root.directory) {
                case .unchanged:
                    break
                case .taken:
                    if (try? ProjectFileReader.read(root.path)) != root.text { return try find(from: directory) }
                case .takenAfterWaiting:
                    return try find(from: directory)
                }
                return try WorkspaceReader(root: root, displayFrom: directory).load()
            }
            guard let parent = Self.parent(of: current) else { break }
            current = parent
        }
        throw ProjectNotFound(directory: directory)
    }

    /// The `pyproject.toml` of the project a command edits: the nearest one from `directory`
    /// up with a `[project]` or `[tool.uv.workspace]` table (the file ``find(from:)`` starts
    /// from), or `nil`.
    static func nearestProjectFile(from directory: String) throws -> String? {
        var current = directory
        while true {
            if let document = try PyProjectDocument.read(directory: current, displayFrom: directory),
               document.pyproject.project != nil || document.pyproject.toolUv?.workspace != nil {
                return document.path
            }
            guard let parent = Self.parent(of: current) else { return nil }
            current = parent
        }
    }

    /// The `pyproject.toml` `suv add`/`remove` edit: `--package`'s workspace member, else the
    /// nearest project's.
    static func targetProjectFile(from directory: String, member: String?) throws -> String {
        guard let member else {
            guard let path = try nearestProjectFile(from: directory) else { throw ProjectNotFound(directory: directory) }
            return path
        }
        let workspace = try find(from: directory)
        guard let found = workspace.workspace.members.first(where: { $0.name == PackageName(member) }) else {
            throw UnknownWorkspaceMember(name: member, root: workspace.root)
        }
        let relative = found.source.value
        return WorkspacePaths.normalize(relative == "." ? workspace.root : workspace.root + "/" + relative) + "/pyproject.toml"
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

/// `--script` names a file that does not exist.
struct ScriptNotFound: SuvError {
    let path: String
    var message: String { "Failed to read `\(path)` (not found)" }
    var kind: ErrorKind { .failure }
}

/// No project from the working directory up.
struct ProjectNotFound: SuvError {
    let directory: String
    var message: String { "No `pyproject.toml` found in current directory or any parent directory" }
    var kind: ErrorKind { .error }
}

/// `--package` naming no workspace member (uv's wording).
struct UnknownWorkspaceMember: SuvError, Equatable {
    let name: String
    let root: String
    var message: String { "The workspace does not have a member \(name): \(root)" }
}
