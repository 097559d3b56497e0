import Glibc
import ArgumentParser
import Cache
import PEP440
import Python
import RequirementsTxt
import SuvBasics
import VirtualEnv

extension Run {
    /// Runs a command in the project environment, as `uv run` does: the lock kept current and
    /// the environment synced (inexact, printing only what was installed) unless `--frozen`,
    /// `--no-sync` or `--no-project`, then the command started with `VIRTUAL_ENV` set and the
    /// environment's `bin` first on `PATH`. suv then becomes the command (`exec`), so signals,
    /// standard input and the exit status are the command's own.
    package func run(context: CommandContext) async throws {
        try await Self.perform(try request(environment: context.environment), global: globalFlags, context: context)
    }

    /// Runs `request` with the global options of both sides of `run` merged into `global`:
    /// what a fully parsed `suv run` and a ``QuickRun`` line both do.
    static func perform(_ request: RunRequest, global: GlobalFlags, context: CommandContext) async throws {
        context.warn(request.warnings)
        guard let first = request.command.first else {
            throw UsageError("`suv run` needs a command to run")
        }
        if !request.withEditable.isEmpty { throw NotImplementedError(command: "suv run --with-editable") }
        if request.member != nil { throw NotImplementedError(command: "suv run --package") }
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let start = context.settings.project.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        let isScript = request.kind != .module && (first.hasSuffix(".py") || first.hasSuffix(".pyw"))
            && Self.hasInlineMetadata(WorkspacePaths.join(cwd, first))

        let inProject = try !isScript && !request.noProject && LoadedProject.nearestProjectFile(from: start) != nil
        var environment = context.environment
        var searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        // What `--with` layers over: the environment chosen below and its interpreter.
        var base: (root: String?, interpreter: InterpreterInfo?) = (nil, nil)
        if isScript {
            // PEP 723: the script's own cached environment, whatever project is around.
            let venv = try await ScriptEnvironment(script: first, request: request, context: context)
                .prepare(global: global, workingDirectory: cwd)
            environment["VIRTUAL_ENV"] = venv
            searchPath = venv + "/bin:" + searchPath
            base.root = venv
        } else if inProject {
            let root = try LoadedProject.find(from: start).root
            let venv: String
            if request.noSync {
                venv = ProjectEnvironment.path(workspaceRoot: root, environment: context.environment)
            } else {
                let sync = SyncRequest.forProjectCommand(
                    mode: request.mode, index: request.index, resolver: request.resolver, installer: request.installer,
                    refresh: request.refresh, python: request.python, exact: request.exact, extras: request.extras,
                    groups: request.groups, allPackages: request.allPackages, active: request.active,
                    noEditable: request.noEditable, pythonPlatform: request.pythonPlatform)
                // `--isolated`: a new environment in the cache instead of the project's, said nothing about.
                var syncContext = context
                if request.isolated {
                    let cache = CacheStore(root: try CacheCommandSupport.root(global: global, context: context).absolutePath(relativeTo: cwd))
                    syncContext.environment["UV_PROJECT_ENVIRONMENT"] = try EnvironmentSync.temporaryFolder(in: cache.bucket(.builds))
                }
                let prepared = try await Sync.perform(sync, global: global, context: syncContext, summaryOnly: true,
                                                      announcesEnvironment: !request.isolated)
                venv = prepared?.environment.root ?? ProjectEnvironment.path(workspaceRoot: root, environment: context.environment)
                base.interpreter = prepared?.interpreter
            }
            environment["VIRTUAL_ENV"] = venv
            searchPath = venv + "/bin:" + searchPath
            base.root = venv
        } else {
            let cache = CacheStore(root: try CacheCommandSupport.root(global: global, context: context).absolutePath(relativeTo: cwd))
            let interpreter = try await ProjectInterpreter.find(
                request: request.python.request, requiresPython: VersionSpecifiers([]), environment: context.environment,
                cache: cache, workingDirectory: cwd, projectRoot: cwd, noConfig: context.settings.noConfig, printer: context.printer)
            let bin = String(interpreter.info.executable[..<(interpreter.info.executable.lastIndex(of: "/") ?? interpreter.info.executable.startIndex)])
            searchPath = bin + ":" + searchPath
            base.interpreter = interpreter.info
        }
        let with = request.with + (try Self.requirements(fromFiles: request.withRequirements, environment: context.environment))
        if !with.isEmpty {
            if base.interpreter == nil, let root = base.root {
                let cache = CacheStore(root: try CacheCommandSupport.root(global: global, context: context).absolutePath(relativeTo: cwd))
                base.interpreter = try await ProjectInterpreter.find(
                    request: root + "/bin/python", requiresPython: VersionSpecifiers([]), environment: context.environment, cache: cache,
                    workingDirectory: cwd, projectRoot: cwd, noConfig: true, printer: context.printer).info
            }
            guard let interpreter = base.interpreter else { throw NotImplementedError(command: "suv run --with") }
            let overlay = try await OverlayEnvironment(requirements: with, request: request, context: context)
                .prepare(base: base.root, python: interpreter, global: global, workingDirectory: cwd)
            environment["VIRTUAL_ENV"] = overlay
            searchPath = overlay + "/bin:" + searchPath
        }
        environment["PATH"] = searchPath
        environment["PYTHONHOME"] = nil

        let (command, arguments) = Self.commandLine(request)
        let launch = try CommandLaunch(command: command, arguments: arguments, environment: environment)
        // The project is synced: other suv commands may have it while the program runs (an
        // `exec` would drop the lock anyway; a child must not keep it).
        ProjectLock.scope?.releaseAll()
        if context.replacesProcess {
            try launch.replaceProcess()
        }
        let status = try launch.runAsChild()
        if status != 0 { throw ExitCode(status) }
    }

    /// The program and its arguments: `python -m` for `--module`, `python` for a `.py`
    /// script (or `--script`), the command as given otherwise.
    static func commandLine(_ request: RunRequest) -> (String, [String]) {
        let command = request.command
        switch request.kind {
        case .module: return ("python", ["-m"] + command)
        case .script, .guiScript: return ("python", command)
        case .command:
            if command[0].hasSuffix(".py") || command[0].hasSuffix(".pyw") { return ("python", command) }
            return (command[0], Array(command.dropFirst()))
        }
    }

    /// The named requirements of `--with-requirements` files.
    static func requirements(fromFiles files: [String], environment: [String: String]) throws -> [String] {
        var result: [String] = []
        for file in files {
            guard access(file, F_OK) == 0 else { throw InputFileNotFound(path: file) }
            let parsed = try RequirementsFile.parse(path: file, loader: POSIXRequirementsLoader(), environment: environment)
            if !parsed.editables.isEmpty { throw NotImplementedError(command: "suv run --with-requirements with editable entries") }
            for entry in parsed.requirements {
                guard let named = entry.requirement.named else {
                    throw NotImplementedError(command: "suv run --with-requirements with unnamed requirements")
                }
                result.append(named.description)
            }
        }
        return result
    }

    /// Whether a script starts a PEP 723 `# /// script` block.
    static func hasInlineMetadata(_ path: String) -> Bool {
        guard let bytes = try? FileContents.contents(of: path) else { return false }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { $0.hasPrefix("# /// script") }
    }
}
