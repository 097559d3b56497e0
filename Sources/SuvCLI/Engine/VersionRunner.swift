import Glibc
import Cache
import Lockfile
import PEP440
import PyProject
import SuvBasics
import TOML

extension Version {
    /// Reads or changes the project's version, as `uv version` does: prints `name 0.1.0`,
    /// `name 0.1.0 => 0.2.0`, the version alone (`--short`) or uv's JSON; a change is written to
    /// `pyproject.toml` (in place, formatting kept), then the project is locked and synced
    /// unless `--frozen` (`--no-sync`: locked only; `--dry-run`: nothing written). A lock or
    /// sync that fails puts the old `pyproject.toml` back.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        let workingDirectory = CacheCommandSupport.currentDirectory(settings: context.settings)
        let explicitProject = context.settings.project != nil
        let projectDirectory = context.settings.project.map { WorkspacePaths.join(workingDirectory, $0) } ?? workingDirectory
        if let project = context.settings.project, access(projectDirectory, F_OK) != 0 {
            throw VersionProjectError.projectDirectoryMissing(project)
        }
        let target = try VersionTarget.find(from: projectDirectory, member: request.member, explicitProject: explicitProject,
                                            workingDirectory: workingDirectory)
        let name = target.name

        if case .frozen(let source) = request.mode, request.value == nil, request.bumps.isEmpty {
            let version = try target.lockedVersion(flag: source)
            print(old: version, new: nil, name: name, request: request, context: context)
            return
        }

        let old = try target.version()
        let new: PEP440.Version? = if let value = request.value {
            try VersionChange.value(value)
        } else if !request.bumps.isEmpty {
            try VersionChange.bumped(old, by: request.bumps)
        } else {
            nil
        }

        if let new, !request.dryRun {
            var editor = try PyProjectEditor(parsing: target.document.text, fileName: target.displayPath)
            try editor.setVersion(new.description)
            try OutputFile.write(editor.text, to: target.document.path, relativeTo: "/")
            do {
                try await VersionSync(request: request, global: global.flags, context: context, projectDirectory: target.document.directory,
                                      name: name, workingDirectory: workingDirectory).run()
            } catch {
                try? OutputFile.write(target.document.text, to: target.document.path, relativeTo: "/")
                throw error
            }
        }
        print(old: old, new: new, name: name, request: request, context: context)
    }

    /// `name old`, `name old => new`, the version alone, or uv's JSON; nothing under `-q`.
    private func print(old: PEP440.Version, new: PEP440.Version?, name: PackageName, request: VersionRequest, context: CommandContext) {
        guard context.printer.quiet == 0 else { return }
        let paint = context.printer.stdoutPaint
        switch request.outputFormat {
        case .text:
            if request.short {
                context.printer.data(paint.cyan((new ?? old).description))
            } else if let new {
                context.printer.data("\(name) \(paint.cyan(old.description)) => \(paint.cyan(new.description))")
            } else {
                context.printer.data("\(name) \(paint.cyan(old.description))")
            }
        case .json:
            context.printer.data("""
                {
                  "package_name": "\(name)",
                  "version": "\(new ?? old)",
                  "commit_info": null
                }
                """)
        }
    }
}

/// The `pyproject.toml` whose version `suv version` reads or changes, found as uv finds it: the
/// nearest one from the project directory up (which must have a `[project]`), or the workspace
/// member `--package` names.
struct VersionTarget {
    let document: PyProjectDocument
    let name: PackageName
    /// `pyproject.toml` as uv names it in messages (relative to the working directory).
    let displayPath: String

    static func find(from directory: String, member: String?, explicitProject: Bool, workingDirectory: String) throws -> VersionTarget {
        if let member {
            let project: LoadedProject
            do {
                project = try LoadedProject.find(from: directory)
            } catch let error as ProjectNotFound {
                throw VersionProjectError.projectNotFound(hinted: !explicitProject, error)
            }
            let wanted = PackageName(member)
            guard let inputs = project.workspace.members.first(where: { $0.name == wanted }) else {
                throw VersionProjectError.notAMember(name: wanted.normalized, root: project.root)
            }
            let memberDirectory = WorkspacePaths.join(project.root, inputs.source.value)
            guard let document = try read(memberDirectory, workingDirectory: workingDirectory) else {
                throw VersionProjectError.notAMember(name: wanted.normalized, root: project.root)
            }
            return try target(document, workingDirectory: workingDirectory)
        }
        var current = directory
        while true {
            if let document = try read(current, workingDirectory: workingDirectory) {
                // The project's `ProjectLock` before the value that `--bump` changes is read.
                if ProjectLock.hold(current) != .unchanged, let again = try read(current, workingDirectory: workingDirectory) {
                    return try target(again, workingDirectory: workingDirectory)
                }
                return try target(document, workingDirectory: workingDirectory)
            }
            guard let parent = LoadedProject.parent(of: current) else {
                throw VersionProjectError.projectNotFound(hinted: !explicitProject, ProjectNotFound(directory: directory))
            }
            current = parent
        }
    }

    private static func target(_ document: PyProjectDocument, workingDirectory: String) throws -> VersionTarget {
        guard let project = document.pyproject.project else { throw NoProjectTable(path: document.path) }
        return VersionTarget(document: document, name: PackageName(project.name),
                             displayPath: PathDisplay.user(document.path, currentDirectory: workingDirectory))
    }

    private static func read(_ directory: String, workingDirectory: String) throws -> PyProjectDocument? {
        try InitWorkspace.read(directory: directory, displayFrom: workingDirectory)
    }

    /// `[project].version`: a version, or uv's error for a dynamic or missing one.
    func version() throws -> PEP440.Version {
        guard let node = document.pyproject.document[["project", "version"]], let text = node.string else {
            if document.pyproject.project?.dynamic.contains("version") == true {
                throw VersionProjectError.dynamicVersion(path: displayPath)
            }
            throw VersionProjectError.noVersion(path: displayPath)
        }
        guard let version = PEP440.Version(text) else {
            let error = TOMLError(VersionText.parseFailure(text), offset: node.range.lowerBound, length: node.range.count,
                                  in: document.pyproject.document.bytes)
            throw PyProjectError.invalid(file: displayPath, error)
        }
        return version
    }

    /// The version `uv.lock` records for this project (`--frozen` without a change).
    func lockedVersion(flag: String) throws -> PEP440.Version {
        let root = (try? LoadedProject.find(from: document.directory))?.root ?? document.directory
        let lockPath = root + "/uv.lock"
        guard access(lockPath, F_OK) == 0 else { throw LockfileMissing(flag: flag) }
        let lock = try Sync.readLock(lockPath)
        guard let text = lock.packages.first(where: { $0.name == name })?.version, let version = PEP440.Version(text) else {
            throw VersionProjectError.notInLock(name: name.normalized)
        }
        return version
    }
}

/// Why `suv version` has no version to work on, in uv's words.
enum VersionProjectError: SuvError {
    case projectDirectoryMissing(String)
    case projectNotFound(hinted: Bool, ProjectNotFound)
    case notAMember(name: String, root: String)
    case dynamicVersion(path: String)
    case noVersion(path: String)
    case notInLock(name: String)

    var message: String {
        switch self {
        case .projectDirectoryMissing(let path): "Project directory `\(path)` does not exist"
        case .projectNotFound(_, let error): error.message
        case .notAMember(let name, let root): "The workspace does not have a member \(name): \(root)"
        case .dynamicVersion(let path): "We cannot get or set dynamic project versions in: \(path)"
        case .noVersion(let path): "There is no 'project.version' field in: \(path)"
        case .notInLock(let name): "Failed to find the \(name)'s version in the frozen lockfile"
        }
    }

    var hints: [String] {
        if case .projectNotFound(true, _) = self { return ["If you meant to view uv's version, use `uv self version` instead"] }
        return []
    }
}
