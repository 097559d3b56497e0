import Glibc
import Cache
import Lockfile
import PEP440
import PEP508
import PackagingTypes
import Project
import Resolution
import PyProject
import Python
import RequirementsTxt
import SuvBasics
import TOML

extension Add {
    /// Adds requirements to `pyproject.toml`, as `uv add` does: the requirement written with
    /// its normalized name (non-registry sources into `[tool.uv.sources]`), then the project
    /// locked, a lower bound from the locked version written for a requirement given without
    /// one, and the environment synced (inexact). When locking or syncing fails,
    /// `pyproject.toml` and `uv.lock` are put back byte for byte.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        if request.script != nil { throw NotImplementedError(command: "suv add --script") }
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let start = context.settings.project.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        let pyprojectPath = try LoadedProject.targetProjectFile(from: start, member: request.member)
        let projectDirectory = LoadedProject.parent(of: pyprojectPath) ?? "/"
        // `--frozen` only edits the file: the workspace is not read (nor its sources lowered).
        let frozen = if case .frozen = request.mode { true } else { false }
        // (Finding the workspace takes its `ProjectLock`; `--frozen` takes the project's own.)
        if frozen { ProjectLock.hold(projectDirectory) }
        let lockPath = frozen ? projectDirectory + "/uv.lock" : try LoadedProject.find(from: start).lockPath
        let transaction = try ProjectFileTransaction(pyprojectPath: pyprojectPath, lockPath: lockPath)

        let pyproject = try PyProjectToml(parsing: transaction.pyprojectText)
        let target = request.target.editorTarget(in: pyproject)
        var editor = try PyProjectEditor(parsing: transaction.pyprojectText)
        var added: [AddedRequirement] = []
        let fromFiles = try Self.requirements(inFiles: request.requirementsFiles, workingDirectory: cwd, environment: context.environment)
        for (given, editable) in request.packages.map({ ($0, request.editable) }) + fromFiles {
            let text = try await Self.namingGitURL(given, global: global.flags, context: context, directory: cwd)
            let requirement = try AddedRequirement(
                text, marker: request.marker, extras: request.extras, editable: editable, raw: request.raw,
                gitReference: request.gitReference, projectDirectory: projectDirectory, workingDirectory: cwd)
            try editor.addDependency(requirement.written, to: target)
            if let source = requirement.source { try editor.setSource(for: requirement.name.description, inlineTable: source) }
            added.append(requirement)
        }
        try Self.persistIndexes(request.index, into: &editor, context: context)
        try transaction.writePyProject(editor.text)
        if frozen { return }

        let sync = SyncRequest.forProjectCommand(
            mode: request.mode, index: request.index, resolver: request.resolver, installer: request.installer,
            refresh: request.refresh, python: request.python,
            extras: ExtraSelection(extras: request.target.extra.map { [$0] } ?? []),
            groups: DependencyGroupSelection(groups: request.target.group.map { [$0] } ?? []),
            packages: request.member.map { [$0] } ?? [], active: request.active, noInstallProject: request.noInstallProject,
            noInstallWorkspace: request.noInstallWorkspace, noInstallLocal: request.noInstallLocal)
        let bounds = request.bounds ?? pyproject.toolUv?.settings.addBounds ?? .lower
        let progress = LockProgress()
        do {
            try await Sync.perform(sync, global: global.flags, context: context, installs: !request.noSync) { _, lock in
                progress.locked = true
                var editor = try PyProjectEditor(parsing: String(decoding: try FileContents.contents(of: pyprojectPath) ?? [], as: UTF8.self))
                var changed = false
                for requirement in added where requirement.wantsBound {
                    guard let version = Self.lockedVersion(of: requirement.name, in: lock) else { continue }
                    try editor.addDependency(requirement.written(withSpecifier: AddedBound.specifier(for: version, bounds: bounds)), to: target)
                    changed = true
                }
                if changed { try transaction.writePyProject(editor.text) }
                return changed
            }
        } catch {
            transaction.restore()
            guard !progress.locked, error is NoSolutionFound else { throw error }
            throw error.context("Failed to add dependencies", hints: [
                "If you want to add the package regardless of the failed resolution, provide the `--frozen` flag to skip locking and syncing",
            ])
        }
    }

    /// The requirements of `-r` files, as `add` takes them from the command line (`-e` entries
    /// editable); uv's warning for a file without any.
    static func requirements(inFiles files: [String], workingDirectory: String,
                             environment: [String: String]) throws -> [(text: String, editable: Bool)] {
        var result: [(text: String, editable: Bool)] = []
        for path in files {
            let absolute = ExecutablePath.absolute(path, relativeTo: workingDirectory)
            guard access(absolute, F_OK) == 0 else { throw InputFileNotFound(path: path) }
            let file = try RequirementsFile.parse(path: absolute, loader: POSIXRequirementsLoader(), environment: environment)
            result += file.requirements.map { ($0.requirement.description, false) }
            result += file.editables.map { ($0.requirement.description, true) }
        }
        return result
    }

    /// A bare `git+` URL with the project name in front (`name @ git+…`), read from the
    /// repository's `pyproject.toml` at the requested revision, as uv names it; other text as given.
    static func namingGitURL(_ text: String, global: GlobalFlags, context: CommandContext, directory: String) async throws -> String {
        let trimmed = text.trimmingPythonWhitespace
        guard trimmed.hasPrefix("git+"), (try? Requirement(parsing: trimmed)) == nil,
              let git = GitSourceURL(directReference: trimmed) else { return text }
        let store = CacheStore(root: try CacheCommandSupport.root(global: global, context: context).absolutePath(relativeTo: directory))
        let checkouts = GitCheckouts(store: store, environment: context.environment, printer: context.printer,
                                     offline: context.settings.offline)
        let commit = try await checkouts.resolve(git)
        let checkout = try await checkouts.checkout(repository: git.repository, commit: commit)
        let tree = git.subdirectory.map { WorkspacePaths.join(checkout, $0) } ?? checkout
        guard let name = try? AddedRequirement.projectName(at: tree, given: trimmed) else {
            throw AddRequirementError.invalid(text: trimmed, reason: "the repository has no `pyproject.toml` naming its project; write `name @ \(trimmed)`")
        }
        return "\(name) @ \(trimmed)"
    }

    /// Writes the indexes given with `--index` and `--default-index` (or `UV_INDEX`,
    /// `UV_DEFAULT_INDEX`) into `[[tool.uv.index]]`, without credentials, as uv does; the
    /// legacy `--index-url`/`--extra-index-url` are not persisted, with uv's warnings.
    static func persistIndexes(_ index: IndexSettings, into editor: inout PyProjectEditor, context: CommandContext) throws {
        if index.indexURL != nil {
            context.warn(["Indexes specified via `--index-url` will not be persisted to the `pyproject.toml` file; use `--default-index` instead."])
        }
        if !index.extraIndexURLs.isEmpty {
            context.warn(["Indexes specified via `--extra-index-url` will not be persisted to the `pyproject.toml` file; use `--index` instead."])
        }
        for given in index.indexes {
            let (name, url) = Self.namedIndex(given)
            try editor.addIndex(url: Self.withoutCredentials(url), name: name)
        }
        if let url = index.defaultIndex {
            try editor.addIndex(url: Self.withoutCredentials(url), isDefault: true)
        }
    }

    /// `name=url` or a bare URL.
    static func namedIndex(_ text: String) -> (name: String?, url: String) {
        guard let equals = text.firstIndex(of: "="), !text[..<equals].contains(":"), !text[..<equals].contains("/") else {
            return (nil, text)
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// The URL without a `user:password@` part.
    static func withoutCredentials(_ url: String) -> String {
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return url }
        let rest = parts[1]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(parts[0]) + "://" + String(rest[rest.index(after: at)...])
    }

    /// The lowest version the lock holds for `name` from a registry.
    static func lockedVersion(of name: PackageName, in lock: Lockfile.Lock) -> PEP440.Version? {
        lock.packages
            .filter { package in
                guard package.name == name else { return false }
                if case .registry = package.source { return true }
                return false
            }
            .compactMap { $0.version.flatMap { PEP440.Version($0) } }
            .min()
    }
}

/// Whether the lock step of an add got through (so a later failure is not a resolution one).
final class LockProgress: @unchecked Sendable {
    var locked = false
}

extension DependencyTarget {
    /// The extra an add activates for its sync.
    var extra: String? { if case .optional(let extra) = self { extra } else { nil } }
    /// The group an add activates for its sync.
    var group: String? {
        switch self {
        case .group(let group): group
        case .dev: "dev"
        default: nil
        }
    }
}
