import Glibc
import Cache
import Lockfile
import PEP440
import PEP508
import PackagingTypes
import Project
import PyProject
import SuvBasics

extension Upgrade {
    /// Locks with every dependency (or the named ones) upgraded, raises each `>=` bound in
    /// `pyproject.toml` to the version now locked when that is newer (the rest of each
    /// requirement and of the file left as written), locks again and syncs. Prints one
    /// `Updated` line per raised bound. `--dry-run` resolves in memory and writes nothing.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let start = context.settings.project.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        guard let pyprojectPath = try LoadedProject.nearestProjectFile(from: start) else { throw ProjectNotFound(directory: start) }
        let project = try LoadedProject.find(from: start)
        let transaction = try ProjectFileTransaction(pyprojectPath: pyprojectPath, lockPath: project.lockPath)
        let only = Set(request.packages.map(PackageName.init))

        if request.dryRun {
            let session = try await IndexSession.open(global: global.flags, context: context, index: request.index, refresh: request.refresh)
            defer { session.close() }
            let interpreter = try await ProjectInterpreter.find(
                request: request.python.request, requiresPython: project.workspace.requiresPython, environment: context.environment,
                cache: session.cache, workingDirectory: cwd, projectRoot: project.root, noConfig: context.settings.noConfig,
                printer: context.printer)
            var engine = LockEngine(
                request: LockRequest(mode: .write, dryRun: false, script: nil, index: request.index, resolver: request.resolver,
                                     refresh: request.refresh, python: request.python, warnings: []),
                project: project, session: session, interpreter: interpreter, context: context, started: .now)
            engine.printsChanges = false
            engine.persists = false
            let lock = try await engine.run() ?? Sync.readLock(project.lockPath)
            let raised = try Self.raise(transaction.pyprojectText, lock: lock, only: only)
            Self.report(raised.changes, context: context, prefix: "Would update")
            return
        }

        let sync = SyncRequest.forProjectCommand(
            mode: .write, index: request.index, resolver: request.resolver, installer: request.installer,
            refresh: request.refresh, python: request.python)
        do {
            try await Sync.perform(sync, global: global.flags, context: context, installs: !request.noSync) { _, lock in
                let current = String(decoding: try FileContents.contents(of: pyprojectPath) ?? [], as: UTF8.self)
                let raised = try Self.raise(current, lock: lock, only: only)
                Self.report(raised.changes, context: context, prefix: "Updated")
                guard !raised.changes.isEmpty else { return false }
                try transaction.writePyProject(raised.text)
                return true
            }
        } catch {
            transaction.restore()
            throw error
        }
    }

    /// `pyproject.toml` with every raisable bound raised, and the changes (old and new text).
    static func raise(_ text: String, lock: Lockfile.Lock, only: Set<PackageName>) throws -> (text: String, changes: [(String, String)]) {
        let pyproject = try PyProjectToml(parsing: text)
        var editor = try PyProjectEditor(parsing: text)
        var lists: [(PyProjectEditor.DependencyTarget, [String])] = []
        if let project = pyproject.project {
            lists.append((.project, project.dependencies))
            for (extra, requirements) in project.optionalDependencies { lists.append((.optional(extra), requirements)) }
        }
        for (group, entries) in pyproject.dependencyGroups?.groups ?? [] {
            lists.append((.group(group), entries.compactMap { if case .requirement(let text) = $0 { text } else { nil } }))
        }
        if let legacy = pyproject.toolUv?.devDependencies { lists.append((.devDependencies, legacy)) }
        var changes: [(String, String)] = []
        for (target, requirements) in lists {
            for old in requirements {
                guard let requirement = try? Requirement(parsing: old), requirement.url == nil,
                      only.isEmpty || only.contains(requirement.packageName),
                      let locked = Add.lockedVersion(of: requirement.packageName, in: lock),
                      let new = RaisedLowerBound.raise(old, to: locked) else { continue }
                try editor.replaceDependency(old, with: new, in: target)
                changes.append((old, new))
            }
        }
        return (editor.text, changes)
    }

    static func report(_ changes: [(String, String)], context: CommandContext, prefix: String) {
        if changes.isEmpty {
            context.printer.info("All lower bounds are up to date")
            return
        }
        for (old, new) in changes { context.printer.info("\(prefix) \(old) -> \(new)") }
    }
}
