import Glibc
import Cache
import Lockfile
import PEP440
import PEP508
import Project
import PyProject
import Settings
import SuvBasics

/// Turns `tool.uv.sources` entries into the sources a lock records (`editable = "packages/a"`,
/// `directory = "deps/b"`), as uv lowers them, and collects the local projects that path
/// sources point at.
///
/// Members see the root's sources unless they declare their own for the same package; path
/// dependencies see only their own. Paths are taken from the file that declares them and
/// recorded relative to the workspace root.
struct SourceLowering {
    let root: PyProjectDocument
    let members: [PackageName: (document: PyProjectDocument, isVirtual: Bool)]
    let displayFrom: String
    /// Local directories found so far, in discovery order, with how they are to be locked.
    private var pending: [(directory: String, source: LockSource)] = []
    private var loaded: Set<String> = []
    /// The path dependencies' documents, once loaded.
    private(set) var pathDocuments: [PyProjectDocument] = []
    /// Git and direct-URL sources found, once per package, in discovery order: fetched only when
    /// a resolution needs their metadata.
    private(set) var remoteSources: [(name: PackageName, source: RemoteSource)] = []
    /// `[[tool.uv.index]]` of each document that declares sources, by directory.
    private var documentIndexes: [String: [IndexEntry]] = [:]

    init(root: PyProjectDocument, members: [PackageName: (document: PyProjectDocument, isVirtual: Bool)], displayFrom: String) {
        self.root = root
        self.members = members
        self.displayFrom = displayFrom
    }

    /// A project's declarations with its requirements' sources lowered.
    mutating func inputs(of document: PyProjectDocument, inheritRootSources: Bool) throws -> ProjectInputs {
        guard let project = document.pyproject.project else {
            throw WorkspaceError.memberWithoutProject(path: PathDisplay.user(document.path, currentDirectory: displayFrom))
        }
        let path = document.path
        var groups: [(group: String, requirements: [Requirement])] = []
        let declared = document.pyproject.effectiveDependencyGroups
        for (name, _) in declared.groups {
            groups.append((name, try ProjectRequirements.parse(try declared.resolvedRequirements(of: name), path: path)))
        }
        var requiresPython = VersionSpecifiers([])
        if let text = project.requiresPython {
            requiresPython = try VersionSpecifiers(parsing: text)
        }
        var inputs = ProjectInputs(
            name: PackageName(project.name), version: project.version, isPackage: document.pyproject.isPackage,
            requiresPython: requiresPython, dependencies: try ProjectRequirements.parse(project.dependencies, path: path),
            optionalDependencies: try project.optionalDependencies.map { ($0.extra, try ProjectRequirements.parse($0.requirements, path: path)) },
            dependencyGroups: groups)
        inputs.sources = try lower(inputs.allRequirements, declaredIn: document, inheritRootSources: inheritRootSources, own: inputs.name)
        if project.dynamic.contains("dependencies") || project.dynamic.contains("optional-dependencies") {
            inputs.dynamicDependencies = true
            inputs.sourceDirectory = document.directory
        }
        return inputs
    }

    /// The dependency groups of a root without `[project]`, and their lowered sources.
    mutating func rootGroups() throws -> ([(group: String, requirements: [Requirement])], [PackageName: LockRequirement.Source]) {
        var groups: [(group: String, requirements: [Requirement])] = []
        let declared = root.pyproject.effectiveDependencyGroups
        for (name, _) in declared.groups {
            groups.append((name, try ProjectRequirements.parse(try declared.resolvedRequirements(of: name), path: root.path)))
        }
        let sources = try lower(groups.flatMap(\.requirements), declaredIn: root, inheritRootSources: true, own: nil)
        return (groups, sources)
    }

    /// Loads every local project path sources named (and the ones those name), once each.
    mutating func loadPathDependencies() throws -> [ProjectInputs] {
        var result: [ProjectInputs] = []
        var next = 0
        while next < pending.count {
            let (directory, source) = pending[next]
            next += 1
            guard let document = try PyProjectDocument.read(directory: directory, displayFrom: displayFrom) else { continue }
            pathDocuments.append(document)
            var inputs = try inputs(of: document, inheritRootSources: false)
            if document.pyproject.project?.dynamic.contains("version") == true { inputs.version = nil }
            inputs.source = source
            result.append(inputs)
        }
        return result
    }

    private mutating func lower(_ requirements: [Requirement], declaredIn document: PyProjectDocument,
                                inheritRootSources: Bool, own: PackageName?) throws -> [PackageName: LockRequirement.Source] {
        var result: [PackageName: LockRequirement.Source] = [:]
        documentIndexes[document.directory] = document.pyproject.toolUv?.settings.index ?? []
        for requirement in requirements {
            let name = PackageName(requirement.name)
            if result[name] != nil || name == own { continue }
            var origin = document.directory
            var sources = document.pyproject.toolUv?.sources(for: requirement.name)
            if sources == nil, inheritRootSources {
                sources = root.pyproject.toolUv?.sources(for: requirement.name)
                origin = root.directory
            }
            guard let sources, let source = sources.first else {
                if inheritRootSources, members[name] != nil { throw WorkspaceError.missingWorkspaceSource(name: requirement.name) }
                if let url = requirement.url { result[name] = try lowerDirectReference(url, name: requirement.name) }
                continue
            }
            if sources.count > 1 { throw WorkspaceError.unsupportedSource(name: requirement.name, kind: "marker-split") }
            result[name] = try lower(source.location, name: requirement.name, origin: origin)
        }
        return result
    }

    private mutating func lower(_ location: Source.Location, name: String, origin: String) throws -> LockRequirement.Source {
        switch location {
        case .workspace(let editable):
            guard let member = members[PackageName(name)] else { throw WorkspaceError.notAMember(name: name) }
            let relative = WorkspacePaths.relative(member.document.directory, to: root.directory)
            if member.isVirtual { return .virtual(relative) }
            return editable == false ? .directory(relative) : .editable(relative)
        case .path(let path, let editable, let package):
            let directory = WorkspacePaths.join(origin, path)
            var status = stat()
            guard stat(directory, &status) == 0 else {
                throw WorkspaceError.missingPathDependency(name: name, path: PathDisplay.user(directory, currentDirectory: displayFrom))
            }
            let relative = WorkspacePaths.relative(directory, to: root.directory)
            guard status.st_mode & S_IFMT == S_IFDIR else {
                // A local wheel or source archive: read like a URL, recorded by path.
                return remote(.archive(path: directory, relative: relative), name: name)
            }
            let source: LockSource = editable == true ? .editable(relative) : package == false ? .virtual(relative) : .directory(relative)
            let isMember = members.values.contains { $0.document.directory == directory }
            if !isMember, loaded.insert(directory).inserted { pending.append((directory, source)) }
            switch source {
            case .editable(let value): return .editable(value)
            case .virtual(let value): return .virtual(value)
            default: return .directory(relative)
            }
        case .git(let url, let reference, let subdirectory, _):
            let git = GitSourceURL(repository: url, reference: reference.map(Self.gitReference), subdirectory: subdirectory)
            return remote(.git(git), name: name)
        case .url(let url, let subdirectory):
            return remote(.url(url, subdirectory: subdirectory), name: name)
        case .index(let indexName):
            // The lock records the index's URL; the specifier is filled in from the requirement.
            let declared = (root.pyproject.toolUv?.settings.index ?? []) + (documentIndexes[origin] ?? [])
            guard let entry = declared.first(where: { $0.name == indexName }) else {
                throw WorkspaceError.undeclaredIndex(name: name, index: indexName).context("Failed to parse entry: `\(name)`")
            }
            return .index(entry.url, specifier: nil)
        }
    }

    /// A PEP 508 direct reference (`name @ git+https://…@v1`, `name @ https://…/x.whl`).
    private mutating func lowerDirectReference(_ url: String, name: String) throws -> LockRequirement.Source {
        if let git = GitSourceURL(directReference: url) { return remote(.git(git), name: name) }
        if url.hasPrefix("file://") {
            let path = PercentEncoding.decode(String(url.dropFirst("file://".count)))
            return try lower(.path(path, editable: nil, package: nil), name: name, origin: root.directory)
        }
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw WorkspaceError.unsupportedSource(name: name, kind: "direct reference `\(url)`")
        }
        var location = url
        var subdirectory: String?
        if let hash = url.firstIndex(of: "#") {
            location = String(url[..<hash])
            for pair in url[url.index(after: hash)...].split(separator: "&") where pair.hasPrefix("subdirectory=") {
                subdirectory = String(pair.dropFirst("subdirectory=".count))
            }
        }
        return remote(.url(location, subdirectory: subdirectory), name: name)
    }

    private mutating func remote(_ source: RemoteSource, name: String) -> LockRequirement.Source {
        let package = PackageName(name)
        if !remoteSources.contains(where: { $0.name == package }) { remoteSources.append((package, source)) }
        // What the lock records carries no credentials (as uv); fetching uses them.
        switch source {
        case .git(let git): return .git(git.withoutCredentials.requestText)
        case .url(let url, let subdirectory): return .url(CredentialRedaction.withoutCredentials(url), subdirectory: subdirectory)
        case .archive(_, let relative): return .path(relative)
        }
    }

    private static func gitReference(_ reference: Source.GitReference) -> GitSourceURL.Reference {
        switch reference {
        case .rev(let value): .rev(value)
        case .tag(let value): .tag(value)
        case .branch(let value): .branch(value)
        }
    }
}

extension GitSourceURL {
    /// The same source with no user name or password in the repository URL (what `uv.lock`
    /// records).
    var withoutCredentials: GitSourceURL {
        var copy = self
        copy.repository = CredentialRedaction.withoutCredentials(repository)
        return copy
    }
}

/// A package source that must be fetched to be read: a Git repository or an archive URL (as
/// written, credentials included, for fetching).
enum RemoteSource: Equatable, Sendable {
    case git(GitSourceURL)
    case url(String, subdirectory: String?)
    /// A local wheel or source archive: its absolute path, and the path the lock records
    /// (relative to the workspace root).
    case archive(path: String, relative: String)
}
