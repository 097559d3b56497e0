import Glibc
import Cache
import Hashing
import Installer
import Lockfile
import PEP440
import Project
import Python
import VirtualEnv

/// The cached environment `suv run --with …` layers over the project environment (or over
/// nothing, outside a project): the `--with` requirements resolved on their own and installed
/// into an environment of the same interpreter, whose `_suv_overlay.pth` puts the base
/// environment's packages after its own. One per base environment and requirement set, kept in
/// the cache's `environments-v0` and re-synced on each run.
struct OverlayEnvironment {
    let requirements: [String]
    let request: RunRequest
    let context: CommandContext

    /// Prepares the overlay for `base` (an environment root, or `nil`), with `python` as its
    /// interpreter; its root.
    func prepare(base: String?, python: InterpreterInfo, global: GlobalFlags, workingDirectory: String) async throws -> String {
        let session = try await IndexSession.open(global: global, context: context, index: request.index, refresh: request.refresh)
        defer { session.close() }
        let sorted = requirements.sorted()
        let identity = ([base ?? "-", python.executable] + sorted).joined(separator: "\n")
        let root = session.cache.bucket(.environments) + "/with-" + SHA256.hash(Array(identity.utf8)).hex.prefix(16)
        _ = mkdir(session.cache.bucket(.environments), 0o755)

        var overlayContext = context
        overlayContext.environment["UV_PROJECT_ENVIRONMENT"] = root
        let interpreters = try InterpreterSelection(context: overlayContext, global: global, workingDirectory: workingDirectory, python: request.python)
        let baseExecutable = VirtualEnvironmentCreator.baseExecutable(of: python)
        let prepared = try await ProjectEnvironment.prepare(
            workspaceRoot: workingDirectory, request: try InterpreterRequest.parse(baseExecutable), requiresPython: VersionSpecifiers([]),
            finder: interpreters.finder, prompt: "with", creator: .init(name: "suv", version: SuvVersion.current), report: { _ in })

        var workspace = WorkspaceInputs(members: [])
        workspace.scriptRequirements = try ProjectRequirements.parse(sorted, path: "--with")
        workspace.scriptRequiresPython = try VersionSpecifiers(parsing: ">=\(python.versionInfo.major).\(python.versionInfo.minor)")
        let project = LoadedProject(root: root, text: identity, toolUv: nil, workspace: workspace, lockPath: root + "/with.lock", isScript: true)
        var engine = LockEngine(
            request: LockRequest(mode: .write, dryRun: false, script: nil, index: request.index, resolver: request.resolver,
                                 refresh: request.refresh, python: request.python, warnings: []),
            project: project, session: session, interpreter: ProjectInterpreter(info: prepared.interpreter), context: context, started: .now)
        engine.printsChanges = false
        engine.printsResolved = false
        engine.persists = false
        guard let lock = try await engine.run() else { return root }
        let plan = try LockInstallPlan(
            lock: lock, selection: LockInstallPlan.Selection(),
            markers: prepared.interpreter.markers, tags: prepared.interpreter.tagEnvironment.supportedTags())
        var sync = EnvironmentSync(
            plan: plan, environment: prepared, workspaceRoot: workingDirectory, session: session, context: context, exact: true,
            linkMode: request.installer.installerLinkMode,
            reinstall: .packages([]), compileBytecode: request.installer.compileBytecode, dryRun: false)
        sync.summaryOnly = true
        try await sync.run()
        if let base {
            let version = prepared.interpreter.versionInfo
            let baseSitePackages = base + "/lib/python\(version.major).\(version.minor)/site-packages"
            try OutputFile.write(baseSitePackages + "\n", to: prepared.environment.sitePackages + "/_suv_overlay.pth", relativeTo: "/")
        }
        return prepared.environment.root
    }
}
