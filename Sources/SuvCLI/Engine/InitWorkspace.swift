import Glibc
import Cache
import PEP440
import Project
import PyProject
import SuvBasics

/// The workspace a new project joins, found as uv's `init` finds it: the nearest
/// `pyproject.toml` above the new project's directory, and the workspace root that lists it as a
/// member (or that project alone, which then becomes a workspace root).
struct InitWorkspace {
    /// The root's `pyproject.toml`, as read.
    let root: PyProjectDocument
    /// The workspace's `requires-python` (what every member allows), empty when no member
    /// declares one.
    let requiresPython: String

    var rootDirectory: String { root.directory }

    /// Whether a member glob names `path` (absolute, normalized).
    func includes(_ path: String) -> Bool {
        let relative = WorkspacePaths.relative(path, to: rootDirectory)
        return (root.pyproject.toolUv?.workspace?.members ?? []).contains { WorkspacePaths.matches(pattern: $0, path: relative) }
    }

    /// Whether an exclude glob names `path` (absolute, normalized).
    func excludes(_ path: String) -> Bool {
        let relative = WorkspacePaths.relative(path, to: rootDirectory)
        return (root.pyproject.toolUv?.workspace?.exclude ?? []).contains { WorkspacePaths.matches(pattern: $0, path: relative) }
    }

    /// The workspace above `project` (absolute, normalized), or `nil` when there is no
    /// `pyproject.toml` above it. The nearest one must be a project or a workspace root.
    static func discover(project: String, displayFrom: String) throws -> InitWorkspace? {
        guard let parent = LoadedProject.parent(of: project) else { return nil }
        var current = parent
        var nearest: PyProjectDocument?
        while nearest == nil {
            nearest = try read(directory: current, displayFrom: displayFrom)
            guard nearest == nil else { break }
            guard let up = LoadedProject.parent(of: current) else { return nil }
            current = up
        }
        guard let nearest else { return nil }
        let root: PyProjectDocument
        if nearest.pyproject.toolUv?.workspace != nil {
            root = nearest
        } else if nearest.pyproject.project == nil {
            throw NoProjectTable(path: nearest.path)
        } else {
            root = try enclosingRoot(of: nearest, displayFrom: displayFrom) ?? nearest
        }
        // The root's `ProjectLock` before its members list is read (and later edited).
        if ProjectLock.hold(root.directory) != .unchanged { return try discover(project: project, displayFrom: displayFrom) }
        return InitWorkspace(root: root, requiresPython: try requiresPython(root: root, ignoring: project, displayFrom: displayFrom))
    }

    /// The nearest workspace root above `project` that lists it as a member.
    private static func enclosingRoot(of project: PyProjectDocument, displayFrom: String) throws -> PyProjectDocument? {
        var current = project.directory
        while let parent = LoadedProject.parent(of: current) {
            current = parent
            guard let document = try read(directory: current, displayFrom: displayFrom),
                  document.pyproject.toolUv?.workspace != nil else { continue }
            let candidate = InitWorkspace(root: document, requiresPython: "")
            return candidate.includes(project.directory) && !candidate.excludes(project.directory) ? document : nil
        }
        return nil
    }

    /// The intersection of the members' `requires-python`, written as `uv.lock` writes it.
    private static func requiresPython(root: PyProjectDocument, ignoring project: String, displayFrom: String) throws -> String {
        var documents = root.pyproject.project != nil ? [root] : []
        let workspace = root.pyproject.toolUv?.workspace
        var seen: Set<String> = [root.directory, project]
        for pattern in workspace?.members ?? [] {
            for directory in WorkspacePaths.expand(pattern: pattern, root: root.directory) where seen.insert(directory).inserted {
                let relative = WorkspacePaths.relative(directory, to: root.directory)
                if (workspace?.exclude ?? []).contains(where: { WorkspacePaths.matches(pattern: $0, path: relative) }) { continue }
                if relative.split(separator: "/").last?.hasPrefix(".") == true { continue }
                guard let document = try read(directory: directory, displayFrom: displayFrom) else {
                    throw WorkspaceError.memberWithoutPyproject(member: relative, pattern: pattern)
                }
                documents.append(document)
            }
        }
        var members: [ProjectInputs] = []
        for document in documents {
            guard let project = document.pyproject.project else { continue }
            let text = project.requiresPython ?? ""
            let specifiers: VersionSpecifiers
            do {
                specifiers = try VersionSpecifiers(parsing: text)
            } catch {
                throw ProjectFileError(path: document.path, reason: "invalid `requires-python` `\(text)`")
            }
            members.append(ProjectInputs(name: PackageName(project.name), version: nil, isPackage: false,
                                         requiresPython: specifiers, dependencies: []))
        }
        let inputs = WorkspaceInputs(members: members)
        return inputs.requiresPython.isEmpty ? "" : inputs.lockRequiresPython
    }
}

extension InitWorkspace {
    /// The `pyproject.toml` in `directory`, if any; a parse error names the file as uv does
    /// (relative to the working directory when inside it).
    static func read(directory: String, displayFrom: String) throws -> PyProjectDocument? {
        let path = directory == "/" ? "/pyproject.toml" : directory + "/pyproject.toml"
        guard access(path, R_OK) == 0 else { return nil }
        let text = try ProjectFileReader.read(path)
        return PyProjectDocument(directory: directory, path: path, text: text,
                                 pyproject: try PyProjectToml(parsing: text, fileName: PathDisplay.user(path, currentDirectory: displayFrom)))
    }
}

/// The nearest `pyproject.toml` above a new project is neither a project nor a workspace root.
struct NoProjectTable: SuvError {
    let path: String
    var message: String { "No `project` table found in: \(path)" }
}
