import Glibc
import Cache
import Lockfile
import Python
import SuvBasics
import VirtualEnv

/// What `suv tree` and `suv export` read: the project found from the working directory, its
/// interpreter (when the command needs one) and its lock, brought up to date first as uv does
/// (locked and written unless `--frozen`; `--locked` fails when the lock would change), with
/// uv's `Using …` and `Resolved …` lines on stderr.
struct LockedProject {
    let project: LoadedProject
    let lock: Lockfile.Lock
    /// The interpreter found (the project environment's, silently, when it fits); `nil` when the
    /// command did not need one.
    let interpreter: InterpreterInfo?
    /// The index session the lock was checked with; `nil` for `--frozen`. Closed by ``close()``.
    let session: IndexSession?
    /// The directory the command runs in (after `--directory`).
    let workingDirectory: String

    /// The inputs of one load.
    struct Request {
        var mode: LockMode
        var index: IndexSettings
        var resolver: ResolverSettings
        var refresh: RefreshSettings
        var python: PythonSettings
        /// Find an interpreter even with `--frozen` (uv skips it only when it filters nothing).
        var needsInterpreter: Bool
        /// How much of a lock read from disk the command uses (a lock the engine had to parse
        /// anyway comes whole).
        var lockScope: LockReader.Scope = .everything
    }

    /// Finds the project, the interpreter and the lock; `validate` runs on the project before
    /// anything is locked (uv checks `--package` there).
    static func load(_ request: Request, global: GlobalFlags, context: CommandContext,
                     validate: (LoadedProject) throws -> Void = { _ in }) async throws -> LockedProject {
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let project = try LoadedProject.find(from: context.settings.project.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd)
        try validate(project)
        if case .frozen(let source) = request.mode {
            let interpreter = request.needsInterpreter
                ? try await Self.interpreter(for: project, request: request, global: global, context: context, workingDirectory: cwd)
                : nil
            guard access(project.lockPath, F_OK) == 0 else { throw LockfileMissing(flag: source) }
            return LockedProject(project: project, lock: try Sync.readLock(project.lockPath, scope: request.lockScope), interpreter: interpreter,
                                 session: nil, workingDirectory: cwd)
        }
        let interpreter = try await Self.interpreter(for: project, request: request, global: global, context: context, workingDirectory: cwd)
        if case .locked(let source) = request.mode, access(project.lockPath, F_OK) != 0 { throw LockfileMissing(flag: source) }

        let session = try await IndexSession.open(global: global, context: context, index: request.index, refresh: request.refresh)
        do {
            let lockRequest = LockRequest(mode: request.mode, dryRun: false, script: nil, index: request.index,
                                          resolver: request.resolver, refresh: request.refresh, python: request.python, warnings: [])
            var engine = LockEngine(request: lockRequest, project: project, session: session,
                                    interpreter: ProjectInterpreter(info: interpreter), context: context, started: .now)
            engine.printsChanges = false
            let lock = try await engine.runAndRead(scope: request.lockScope)
            return LockedProject(project: project, lock: lock, interpreter: interpreter, session: session, workingDirectory: cwd)
        } catch {
            session.close()
            throw error
        }
    }

    /// Removes a per-invocation cache, if any.
    func close() {
        session?.close()
    }

    /// The project environment's interpreter when it exists and fits (said nothing about, as
    /// uv), else the interpreter uv's order finds, announced with `Using … interpreter at: …`.
    private static func interpreter(for project: LoadedProject, request: Request, global: GlobalFlags,
                                    context: CommandContext, workingDirectory: String) async throws -> InterpreterInfo {
        let selection = try InterpreterSelection(context: context, global: global, workingDirectory: workingDirectory, python: request.python)
        let python = try ProjectPythonRequest.resolve(
            explicit: request.python.request, directory: workingDirectory, stopAt: project.root,
            noConfig: context.settings.noConfig, environment: context.environment,
            requiresPython: project.workspace.requiresPython)
        let requiresPython = project.workspace.requiresPython
        if let existing = await ProjectEnvironment.existingInterpreter(
            workspaceRoot: project.root, request: python.request, requiresPython: requiresPython, finder: selection.finder) {
            return existing
        }
        let found = try await selection.finder.find(python.request, requiresPython: python.searchFilter(requiresPython))
        context.printer.info("Using \(found.info.displayName) interpreter at: \(context.printer.stderrPaint.cyan(found.info.executable))")
        try python.validate(found.info, workspace: project.workspace)
        return found.info
    }
}
