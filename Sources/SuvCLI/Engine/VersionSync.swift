import Glibc
import Installer
import Lockfile
import Project
import Python
import SuvBasics
import VirtualEnv

/// What `suv version` does after writing a new version, as uv does: nothing with `--frozen`;
/// with `--no-sync`, lock (`--locked`: check) with the project environment's interpreter or the
/// one found; otherwise find or create the environment, lock, and sync it without removing
/// anything the lock does not name (uv's "sufficient" sync), installing the project and the
/// default groups.
struct VersionSync {
    let request: VersionRequest
    let global: GlobalOptions
    let context: CommandContext
    /// The changed project's folder.
    let projectDirectory: String
    let name: PackageName
    let workingDirectory: String

    func run() async throws {
        if request.mode.isFrozen { return }
        let project = try LoadedProject.find(from: projectDirectory)
        let lockRequest = LockRequest(mode: request.mode, dryRun: false, script: nil, index: request.index, resolver: request.resolver,
                                      refresh: request.refresh, python: request.python, warnings: [])
        if request.noSync {
            let session = try await IndexSession.open(global: global, context: context, index: request.index, refresh: request.refresh)
            defer { session.close() }
            let interpreter = try await lockInterpreter(project: project, session: session)
            try requireLockForLockedMode(project)
            var engine = LockEngine(request: lockRequest, project: project, session: session, interpreter: interpreter,
                                    context: context, started: .now)
            engine.printsChanges = false
            try await engine.run()
            return
        }

        async let openedSession = IndexSession.open(global: global, context: context, index: request.index, refresh: request.refresh)
        let prepared: ProjectEnvironment.Prepared
        do {
            let interpreters = try InterpreterSelection(context: context, global: global, workingDirectory: workingDirectory, python: request.python)
            let interpreterRequest = try InterpreterSelection.request(
                explicit: request.python.request, directory: workingDirectory, stopAt: project.root,
                noConfig: context.settings.noConfig, environment: context.environment)
            let printer = context.printer
            prepared = try await ProjectEnvironment.prepare(
                workspaceRoot: project.root, request: interpreterRequest, requiresPython: project.workspace.requiresPython,
                finder: interpreters.finder, prompt: project.workspace.members.first.map { $0.name.description },
                creator: .init(name: "suv", version: SuvVersion.current), report: { printer.info($0) })
        } catch {
            (try? await openedSession)?.close()
            throw error
        }
        let session = try await openedSession
        defer { session.close() }
        try requireLockForLockedMode(project)

        var engine = LockEngine(request: lockRequest, project: project, session: session,
                                interpreter: ProjectInterpreter(info: prepared.interpreter), context: context, started: .now)
        engine.printsChanges = false
        let lock = try await engine.run() ?? Sync.readLock(project.lockPath)
        let selection = SyncSelection.selection(
            extras: ExtraSelection(), groups: DependencyGroupSelection(), defaultGroups: project.toolUv?.defaultGroups,
            declaredGroups: project.workspace.members.flatMap { $0.dependencyGroups.map(\.group) },
            projects: [name], installProject: true)
        let plan = try LockInstallPlan(lock: lock, selection: selection, markers: prepared.interpreter.markers,
                                       tags: prepared.interpreter.tagEnvironment.supportedTags())
        try await EnvironmentSync(
            plan: plan, environment: prepared, workspaceRoot: project.root, session: session, context: context, exact: false,
            linkMode: request.installer.linkMode.flatMap { Installer.LinkMode(rawValue: $0.rawValue) } ?? .default,
            reinstall: request.installer.reinstall ? .all : .packages(Set(request.installer.reinstallPackages.map(PackageName.init))),
            compileBytecode: request.installer.compileBytecode, dryRun: false
        ).run()
    }

    /// `--locked` needs a lock to check.
    private func requireLockForLockedMode(_ project: LoadedProject) throws {
        if case .locked(let source) = request.mode, access(project.lockPath, F_OK) != 0 { throw LockfileMissing(flag: source) }
    }

    /// The project environment's interpreter when it suits the project, else the one found
    /// (named on stderr, as uv names it).
    private func lockInterpreter(project: LoadedProject, session: IndexSession) async throws -> ProjectInterpreter {
        let interpreters = try InterpreterSelection(context: context, global: global, workingDirectory: workingDirectory, python: request.python)
        let interpreterRequest = try InterpreterSelection.request(
            explicit: request.python.request, directory: workingDirectory, stopAt: project.root,
            noConfig: context.settings.noConfig, environment: context.environment)
        let environment = ProjectEnvironment.path(workspaceRoot: project.root, environment: context.environment)
        let requiresPython = project.workspace.requiresPython
        if VirtualEnvironment.exists(at: environment),
           let info = try? await interpreters.finder.cache.query(executable: environment + "/bin/python"),
           requiresPython.isEmpty || requiresPython.satisfied(by: info.fullVersion),
           interpreterRequest?.isSatisfied(by: info) ?? true {
            return ProjectInterpreter(info: info)
        }
        let interpreter = try await ProjectInterpreter.find(
            request: request.python.request, requiresPython: requiresPython, environment: context.environment,
            cache: session.cache, workingDirectory: workingDirectory, projectRoot: project.root,
            noConfig: context.settings.noConfig, printer: context.printer)
        context.printer.info("Using \(interpreter.displayName) interpreter at: \(interpreter.info.executable)")
        return interpreter
    }
}
