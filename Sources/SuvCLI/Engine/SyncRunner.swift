import Glibc
import Cache
import Console
import Hashing
import Installer
import Lockfile
import PackagingTypes
import Project
import Python
import SuvBasics
import VirtualEnv

extension Sync {
    /// Brings the project environment in line with the lock, as `uv sync` does: the
    /// environment found, created or replaced; the lock kept up to date first (unless
    /// `--frozen`; `--locked` fails instead of writing); then what the lock wants for the
    /// environment's markers installed, changed versions replaced, and anything else removed
    /// (unless `--inexact`).
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        if request.script != nil { throw NotImplementedError(command: "suv sync --script") }
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let project = try LoadedProject.find(from: context.settings.project.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd)
        let lockExists = access(project.lockPath, F_OK) == 0
        switch request.mode {
        case .frozen(let source), .locked(let source):
            guard lockExists else { throw LockfileMissing(flag: source) }
        case .write:
            break
        }

        let session = try await IndexSession.open(global: global, context: context, index: request.index, refresh: request.refresh)
        defer { session.close() }
        let interpreters = try InterpreterSelection(context: context, global: global, workingDirectory: cwd, python: request.python)
        let interpreterRequest = try InterpreterSelection.request(
            explicit: request.python.request, directory: cwd, stopAt: project.root,
            noConfig: context.settings.noConfig, environment: context.environment)
        let printer = context.printer
        let prepared = try await ProjectEnvironment.prepare(
            workspaceRoot: project.root, request: interpreterRequest, requiresPython: project.workspace.requiresPython,
            finder: interpreters.finder, prompt: project.workspace.members.first.map { $0.name.description },
            creator: .init(name: "suv", version: SuvVersion.current), report: { printer.info($0) })

        let lockFromEngine: Lockfile.Lock?
        if case .frozen = request.mode {
            lockFromEngine = nil
        } else {
            let lockRequest = LockRequest(mode: request.mode, dryRun: false, script: nil, index: request.index,
                                          resolver: request.resolver, refresh: request.refresh, python: request.python, warnings: [])
            var engine = LockEngine(request: lockRequest, project: project, session: session,
                                    interpreter: ProjectInterpreter(info: prepared.interpreter), context: context, started: .now)
            engine.printsChanges = false
            lockFromEngine = try await engine.run()
        }

        let selection = SyncSelection.selection(
                extras: request.extras, groups: request.groups, defaultGroups: project.toolUv?.defaultGroups,
                declaredGroups: project.workspace.members.flatMap { $0.dependencyGroups.map(\.group) },
                projects: Self.startProjects(request: request, project: project, workingDirectory: cwd),
                installProject: !request.noInstallProject)
        // A no-op sync: the same lock, selection and environment as after the last sync.
        let checkStarted = ContinuousClock.now
        let lockBytes = try FileContents.contents(of: project.lockPath) ?? []
        let state = SyncState(cache: session.cache)
        let options = "\(selection)|exact=\(request.exact)|\(String(describing: request.installer.linkMode))|\(request.installer.compileBytecode)"
        let sitePackages = prepared.environment.sitePackages
        let python = prepared.interpreter.executable
        let canRemember = !request.installer.reinstall && request.installer.reinstallPackages.isEmpty && !request.dryRun
        if canRemember, let key = SyncState.key(lockBytes: lockBytes, sitePackages: sitePackages, python: python, options: options),
           let count = state.recordedCount(for: key) {
            context.printer.info(context.printer.stderrPaint.dimmed(
                "Checked \(count) \(count == 1 ? "package" : "packages") in \(ElapsedFormat.format(checkStarted.duration(to: .now)))"))
            return
        }
        let lock = try lockFromEngine ?? Lockfile.Lock(parsing: String(decoding: lockBytes, as: UTF8.self), fileName: "uv.lock")
        let plan = try LockInstallPlan(
            lock: lock, selection: selection,
            markers: prepared.interpreter.markers, tags: prepared.interpreter.tagEnvironment.supportedTags())
        try await EnvironmentSync(
            plan: plan, environment: prepared, session: session, context: context, exact: request.exact,
            linkMode: request.installer.linkMode.flatMap { Installer.LinkMode(rawValue: $0.rawValue) } ?? .clone,
            reinstall: request.installer.reinstall ? .all : .packages(Set(request.installer.reinstallPackages.map(PackageName.init))),
            compileBytecode: request.installer.compileBytecode, dryRun: request.dryRun
        ).run()
        if canRemember, let key = SyncState.key(lockBytes: lockBytes, sitePackages: sitePackages, python: python, options: options) {
            state.record(key, count: plan.items.count)
        }
    }

    static func readLock(_ path: String) throws -> Lockfile.Lock {
        let bytes = try FileContents.contents(of: path) ?? []
        return try Lockfile.Lock(parsing: String(decoding: bytes, as: UTF8.self), fileName: "uv.lock")
    }

    /// The workspace projects a sync starts from: `--package`, every member with
    /// `--all-packages` or at a root without `[project]`, else the member holding the working
    /// directory (the root project by default).
    static func startProjects(request: SyncRequest, project: LoadedProject, workingDirectory: String) -> [PackageName] {
        if !request.packages.isEmpty { return request.packages.map(PackageName.init) }
        let members = project.workspace.members
        if request.allPackages || members.isEmpty { return [] }
        let relative = WorkspacePaths.relative(WorkspacePaths.normalize(workingDirectory), to: project.root)
        let containing = members
            .filter { member in
                let path = member.source.value
                return path == "." || relative == path || relative.hasPrefix(path + "/")
            }
            .max { $0.source.value.count < $1.source.value.count }
        if let containing { return [containing.name] }
        return members.contains { $0.source.value == "." } ? members.filter { $0.source.value == "." }.map(\.name) : []
    }
}

/// One sync of an environment to an install plan: what to keep, remove and install, the
/// downloads and unpacking, then the changes, printed as uv prints them.
struct EnvironmentSync {
    enum Reinstall {
        case all
        case packages(Set<PackageName>)

        func contains(_ name: PackageName) -> Bool {
            switch self {
            case .all: true
            case .packages(let names): names.contains(name)
            }
        }
    }

    let plan: LockInstallPlan
    let environment: ProjectEnvironment.Prepared
    let session: IndexSession
    let context: CommandContext
    let exact: Bool
    let linkMode: Installer.LinkMode
    let reinstall: Reinstall
    let compileBytecode: Bool
    let dryRun: Bool

    func run() async throws {
        let started = ContinuousClock.now
        let sitePackages = environment.environment.sitePackages
        let installed = try InstalledDistributions.scan(sitePackages)
        var installedByName: [PackageName: [InstalledDistribution]] = [:]
        for distribution in installed { installedByName[distribution.name, default: []].append(distribution) }

        var wanted: [(position: Int, item: LockInstallPlan.Item)] = []
        var removals: [InstalledDistribution] = []
        var planned: Set<PackageName> = []
        for (position, item) in plan.items.enumerated() {
            planned.insert(item.name)
            let existing = installedByName[item.name] ?? []
            if existing.count == 1, let current = existing.first, Self.satisfies(current, item), !reinstall.contains(item.name) { continue }
            wanted.append((position, item))
            removals += existing
        }
        if exact {
            removals += installed.filter { !planned.contains($0.name) }
        }
        if wanted.isEmpty && removals.isEmpty {
            let count = plan.items.count
            context.printer.info(context.printer.stderrPaint.dimmed(
                "Checked \(count) \(count == 1 ? "package" : "packages") in \(ElapsedFormat.format(started.duration(to: .now)))"))
            return
        }
        for (_, item) in wanted {
            switch item.artifact {
            case .wheel: continue
            case .sdist:
                throw SyncError.buildNeeded(name: item.name.description, version: item.version ?? "", what: "a source distribution")
            case .editable, .directory:
                throw SyncError.buildNeeded(name: item.name.description, version: item.version ?? "", what: "a local project")
            }
        }
        if dryRun {
            for line in Self.changeLines(removed: removals, added: wanted.map(\.item)) { context.printer.info(line) }
            return
        }

        // Prepare: download what is not unpacked yet, unpack.
        let prepareStarted = ContinuousClock.now
        let cache = WheelCache(store: session.cache)
        var unpacked: [Int: UnpackedWheel] = [:]
        var missing: [(position: Int, item: LockInstallPlan.Item)] = []
        for (position, item) in wanted {
            guard case .wheel(let artifact) = item.artifact, let filename = try? WheelFilename(parsing: artifact.filename) else { continue }
            if let digest = Self.sha256(artifact), let hit = cache.cached(filename: filename, hash: digest) {
                unpacked[position] = hit
            } else {
                missing.append((position, item))
            }
        }
        if !missing.isEmpty {
            // Each wheel is unpacked as soon as it is downloaded, while the others download.
            let fetched = try await WheelFetcher(session: session).fetchAndUnpack(missing, into: cache)
            unpacked.merge(fetched) { _, new in new }
            let count = missing.count
            context.printer.info(context.printer.stderrPaint.dimmed(
                "Prepared \(count) \(count == 1 ? "package" : "packages") in \(ElapsedFormat.format(prepareStarted.duration(to: .now)))"))
        }

        let scheme = InstallScheme(interpreter: environment.interpreter)
        // From here on SIGINT and SIGTERM stop the sync between distributions: what is being
        // installed rolls back, so each distribution is fully there or fully absent.
        let previousInterrupt = signal(SIGINT) { InstallInterruption.request(signal: $0) }
        let previousTerminate = signal(SIGTERM) { InstallInterruption.request(signal: $0) }
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGTERM, previousTerminate)
        }
        do {
            try await applyChanges(removals: removals, wanted: wanted, unpacked: unpacked, scheme: scheme)
        } catch let interrupted as InstallInterrupted {
            // Die of the signal, as the shell expects, once the in-flight installs rolled back.
            signal(interrupted.signal, SIG_DFL)
            kill(getpid(), interrupted.signal)
            throw interrupted
        }
    }

    private func applyChanges(removals: [InstalledDistribution], wanted: [(position: Int, item: LockInstallPlan.Item)],
                              unpacked: [Int: UnpackedWheel], scheme: InstallScheme) async throws {
        let sitePackages = environment.environment.sitePackages
        if !removals.isEmpty {
            let uninstallStarted = ContinuousClock.now
            for distribution in removals {
                if let signal = InstallInterruption.signal { throw InstallInterrupted(signal: signal) }
                switch distribution.kind {
                case .distInfo where distribution.isBroken:
                    // An install that never finished: no RECORD to follow; the reinstall below
                    // overwrites what it left.
                    let code = DirectoryListing.removeTree(distribution.path)
                    if code != 0 { throw SyncError.removal(path: distribution.path, reason: String(cString: strerror(code))) }
                case .distInfo:
                    _ = try WheelUninstaller.uninstall(distInfo: distribution.path, scheme: scheme)
                default:
                    _ = try WheelUninstaller.uninstallEgg(eggInfo: distribution.path)
                }
            }
            let count = removals.count
            context.printer.info(context.printer.stderrPaint.dimmed(
                "Uninstalled \(count) \(count == 1 ? "package" : "packages") in \(ElapsedFormat.format(uninstallStarted.duration(to: .now)))"))
        }
        let installStarted = ContinuousClock.now
        let options = InstallOptions(linkMode: linkMode, requested: true, installer: "suv")
        let toInstall = wanted.compactMap { entry in unpacked[entry.position].map { ($0, options) } }
        let results = try await WheelInstaller.install(toInstall, into: scheme)
        var warned: Set<String> = []
        for result in results {
            for fallback in result.fallbacks {
                if let warning = fallback.warning, warned.insert(warning).inserted { context.warn([warning]) }
            }
        }
        if compileBytecode {
            let failures = try await BytecodeCompiler.compile(directories: [sitePackages], interpreter: environment.interpreter.executable)
            for failure in failures { context.warn(["Failed to compile `\(failure.path)`: \(failure.message)"]) }
        }
        let count = toInstall.count
        if count > 0 {
            context.printer.info(context.printer.stderrPaint.dimmed(
                "Installed \(count) \(count == 1 ? "package" : "packages") in \(ElapsedFormat.format(installStarted.duration(to: .now)))"))
        }
        for line in Self.changeLines(removed: removals, added: wanted.map(\.item)) { context.printer.info(line) }
    }

    /// Whether what is installed is the locked distribution: same version, complete, from an
    /// index (no direct URL) for registry packages.
    static func satisfies(_ installed: InstalledDistribution, _ item: LockInstallPlan.Item) -> Bool {
        guard !installed.isBroken, installed.version == item.version else { return false }
        switch item.source {
        case .registry: return installed.directURL == nil
        default: return true
        }
    }

    static func sha256(_ artifact: LockArtifact) -> SHA256Digest? {
        guard let hash = artifact.hash, hash.hasPrefix("sha256:") else { return nil }
        return SHA256Digest(hex: hash.dropFirst("sha256:".count))
    }

    /// ` - name==old` and ` + name==new`, by name, removals first, as uv lists them.
    static func changeLines(removed: [InstalledDistribution], added: [LockInstallPlan.Item]) -> [String] {
        var lines: [(name: PackageName, order: Int, text: String)] = []
        for distribution in removed { lines.append((distribution.name, 0, " - \(distribution.name)==\(distribution.version)")) }
        for item in added { lines.append((item.name, 1, " + \(item.name)==\(item.version ?? "")")) }
        return lines.sorted { ($0.name, $0.order) < ($1.name, $1.order) }.map(\.text)
    }
}

/// What sync cannot do yet.
enum SyncError: SuvError, Equatable {
    case buildNeeded(name: String, version: String, what: String)
    case removal(path: String, reason: String)

    var message: String {
        switch self {
        case .buildNeeded(let name, let version, let what):
            "Installing `\(name)==\(version)` needs \(what) built, and building is not supported by suv yet"
        case .removal(let path, let reason):
            "Failed to remove `\(path)`: \(reason)"
        }
    }

    var hints: [String] {
        switch self {
        case .buildNeeded(_, _, let what):
            what == "a local project" ? ["Use `--no-install-project` to install only the dependencies."] : []
        case .removal:
            []
        }
    }

    var kind: ErrorKind { .failure }
}
