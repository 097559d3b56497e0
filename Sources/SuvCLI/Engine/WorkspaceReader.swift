import Glibc
import Cache
import Lockfile
import PEP440
import PEP508
import Project
import PyProject
import SuvBasics

/// Reads a workspace from its root: the members its globs name (the root among them when it
/// has a `[project]`), their `tool.uv.sources` lowered to lock sources, and the local projects
/// they depend on by path, recursively.
struct WorkspaceReader {
    let root: PyProjectDocument
    /// Where error messages show paths from.
    let displayFrom: String

    func load() throws -> LoadedProject {
        let memberDocuments = try readMembers()
        var members: [PackageName: (document: PyProjectDocument, isVirtual: Bool)] = [:]
        for document in memberDocuments {
            guard let project = document.pyproject.project else { continue }
            let isVirtual = document.directory == root.directory ? !document.pyproject.isPackage : document.pyproject.toolUv?.package == false
            members[PackageName(project.name)] = (document, isVirtual)
        }
        var lowering = SourceLowering(root: root, members: members, displayFrom: displayFrom)
        var memberInputs: [ProjectInputs] = []
        for document in memberDocuments where document.pyproject.project != nil {
            var inputs = try lowering.inputs(of: document, inheritRootSources: true)
            let relative = WorkspacePaths.relative(document.directory, to: root.directory)
            let isVirtual = members[inputs.name]?.isVirtual ?? false
            inputs.source = isVirtual ? .virtual(relative) : .editable(relative)
            memberInputs.append(inputs)
        }
        var rootGroups: [(group: String, requirements: [Requirement])] = []
        var rootSources: [PackageName: LockRequirement.Source] = [:]
        if root.pyproject.project == nil {
            (rootGroups, rootSources) = try lowering.rootGroups()
        }
        let pathDependencies = try lowering.loadPathDependencies()
        let tool = root.pyproject.toolUv
        let workspace = WorkspaceInputs(
            members: memberInputs, pathDependencies: pathDependencies,
            rootDependencyGroups: rootGroups, rootSources: rootSources,
            constraints: try ProjectRequirements.parse(tool?.constraintDependencies ?? [], path: root.path),
            overrides: try ProjectRequirements.parse(tool?.overrideDependencies ?? [], path: root.path),
            recordsMembers: memberInputs.count > 1 || root.pyproject.project == nil)
        var lockInputs = workspace
        lockInputs.environments = tool?.environments ?? []
        lockInputs.requiredEnvironments = tool?.requiredEnvironments ?? []
        var conflicts: [[ConflictItem]] = []
        for document in [root] + memberDocuments.filter({ $0.directory != root.directory }) {
            let owner = document.pyproject.project.map { PackageName($0.name) }
            for set in document.pyproject.toolUv?.conflicts ?? [] {
                conflicts.append(try set.map { item in
                    guard let package = item.package.map(PackageName.init) ?? owner else {
                        throw ProjectFileError(path: document.path, reason: "a conflict item of a workspace root without `[project]` must name its `package`")
                    }
                    if let extra = item.extra { return ConflictItem(package: package, kind: .extra(PackageName.normalize(extra))) }
                    if let group = item.group { return ConflictItem(package: package, kind: .group(PackageName.normalize(group))) }
                    return ConflictItem(package: package)
                })
            }
        }
        lockInputs.conflicts = conflicts
        let texts = ([root] + memberDocuments.filter { $0.directory != root.directory } + lowering.pathDocuments)
            .map { "\(WorkspacePaths.relative($0.directory, to: root.directory))\n\($0.text)" }
        var loaded = LoadedProject(root: root.directory, text: texts.joined(separator: "\u{0}"), toolUv: root.pyproject.toolUv, workspace: lockInputs)
        loaded.remoteSources = lowering.remoteSources
        return loaded
    }

    /// The root (when it is a project) and every directory the member globs name, minus the
    /// excluded ones, without duplicates.
    private func readMembers() throws -> [PyProjectDocument] {
        var documents: [PyProjectDocument] = root.pyproject.project != nil ? [root] : []
        guard let workspace = root.pyproject.toolUv?.workspace else { return documents }
        var seen: Set<String> = [root.directory]
        for pattern in workspace.members {
            for directory in WorkspacePaths.expand(pattern: pattern, root: root.directory) where seen.insert(directory).inserted {
                let relative = WorkspacePaths.relative(directory, to: root.directory)
                if workspace.exclude.contains(where: { WorkspacePaths.matches(pattern: $0, path: relative) }) { continue }
                if relative.split(separator: "/").last?.hasPrefix(".") == true { continue }
                guard let document = try PyProjectDocument.read(directory: directory, displayFrom: displayFrom) else {
                    throw WorkspaceError.memberWithoutPyproject(member: relative, pattern: pattern)
                }
                guard document.pyproject.project != nil else {
                    throw WorkspaceError.memberWithoutProject(path: PathDisplay.user(document.path, currentDirectory: displayFrom))
                }
                documents.append(document)
            }
        }
        return documents
    }
}

/// `[project]` requirement strings parsed, with the file named in errors.
enum ProjectRequirements {
    static func parse(_ texts: [String], path: String) throws -> [Requirement] {
        try texts.map { text in
            do {
                return try Requirement(parsing: text)
            } catch {
                throw ProjectFileError(path: path, reason: "invalid requirement `\(text)`: \((error as? any SuvError)?.message ?? "\(error)")")
            }
        }
    }
}

/// A workspace that cannot be read.
enum WorkspaceError: SuvError, Equatable {
    case memberWithoutPyproject(member: String, pattern: String)
    case memberWithoutProject(path: String)
    case missingWorkspaceSource(name: String)
    case notAMember(name: String)
    case unsupportedSource(name: String, kind: String)
    case missingPathDependency(name: String, path: String)
    case undeclaredIndex(name: String, index: String)

    var message: String {
        switch self {
        case .memberWithoutPyproject(let member, let pattern):
            "Workspace member `\(member)` is missing a `pyproject.toml` (matches: `\(pattern)`)"
        case .memberWithoutProject(let path):
            "Workspace member `\(path)` has no `[project]` table"
        case .missingWorkspaceSource(let name):
            "`\(name)` is included as a workspace member, but is missing an entry in `tool.uv.sources` (e.g., `\(name) = { workspace = true }`)"
        case .notAMember(let name):
            "`\(name)` references a workspace in `tool.uv.sources` (e.g., `\(name) = { workspace = true }`), but is not a workspace member"
        case .unsupportedSource(let name, let kind):
            "The \(kind) source of `\(name)` in `tool.uv.sources` is not supported by suv yet"
        case .missingPathDependency(let name, let path):
            "Distribution not found at: \(path) (the `path` source of `\(name)`)"
        case .undeclaredIndex(let name, let index):
            "Package `\(name)` references an undeclared index: `\(index)`"
        }
    }

    var kind: ErrorKind {
        if case .undeclaredIndex = self { return .error }
        return .failure
    }
}
