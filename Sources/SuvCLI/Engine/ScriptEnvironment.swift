import Glibc
import Cache
import Hashing
import Installer
import Lockfile
import Project
import VirtualEnv

/// The cached environment `suv run script.py` runs a PEP 723 script in: one per script path
/// under the cache's `environments-v2`, holding exactly what the script's inline metadata
/// asks for (resolved in memory, or from `script.py.lock` when there is one), re-synced on
/// each run so edits to the metadata take effect.
struct ScriptEnvironment {
    let script: String
    let request: RunRequest
    let context: CommandContext

    /// Prepares the environment; its root.
    func prepare(global: GlobalFlags, workingDirectory: String) async throws -> String {
        let project = try LoadedProject.script(script, from: workingDirectory)
        let absolute = WorkspacePaths.normalize(WorkspacePaths.join(workingDirectory, script))
        let folder = LoadedProject.parent(of: absolute) ?? "/"
        let session = try await IndexSession.open(global: global, context: context, index: request.index, refresh: request.refresh)
        defer { session.close() }

        let name = String(absolute[absolute.index(after: absolute.lastIndex(of: "/") ?? absolute.startIndex)...])
        let stem = name.hasSuffix(".py") ? String(name.dropLast(3)) : name
        let key = SHA256.hash(Array(absolute.utf8)).hex.prefix(16)
        let root = session.cache.bucket(.environments) + "/" + stem + "-" + key
        var scriptContext = context
        scriptContext.environment["UV_PROJECT_ENVIRONMENT"] = root
        let interpreters = try InterpreterSelection(context: scriptContext, global: global, workingDirectory: folder, python: request.python)
        let interpreterRequest = try InterpreterSelection.request(
            explicit: request.python.request, directory: folder, stopAt: folder,
            noConfig: context.settings.noConfig, environment: context.environment)
        _ = mkdir(session.cache.bucket(.environments), 0o755)
        let prepared = try await ProjectEnvironment.prepare(
            workspaceRoot: folder, request: interpreterRequest, requiresPython: project.workspace.requiresPython,
            finder: interpreters.finder, prompt: stem, creator: .init(name: "suv", version: SuvVersion.current), report: { _ in })

        let lockRequest = LockRequest(mode: request.mode, dryRun: false, script: script, index: request.index,
                                      resolver: request.resolver, refresh: request.refresh, python: request.python, warnings: [])
        var engine = LockEngine(request: lockRequest, project: project, session: session,
                                interpreter: ProjectInterpreter(info: prepared.interpreter), context: context, started: .now)
        engine.printsChanges = false
        engine.printsResolved = false
        engine.persists = access(project.lockPath, F_OK) == 0
        let lock: Lockfile.Lock
        if case .frozen = request.mode {
            lock = try Sync.readLock(project.lockPath)
        } else {
            lock = try await engine.run() ?? Sync.readLock(project.lockPath)
        }
        let plan = try LockInstallPlan(
            lock: lock, selection: LockInstallPlan.Selection(),
            markers: prepared.interpreter.markers, tags: prepared.interpreter.tagEnvironment.supportedTags())
        var sync = EnvironmentSync(
            plan: plan, environment: prepared, workspaceRoot: folder, session: session, context: context, exact: true,
            linkMode: request.installer.installerLinkMode,
            reinstall: .packages([]), compileBytecode: request.installer.compileBytecode, dryRun: false)
        sync.summaryOnly = true
        try await sync.run()
        return prepared.environment.root
    }
}
