import Glibc
import Build
import Cache
import Console
import Hashing
import Installer
import Lockfile
import PackagingTypes
import PEP440
import Project
import Python
import SuvBasics
import Synchronization
import VirtualEnv

extension Sync {
    /// Brings the project environment in line with the lock, as `uv sync` does: the
    /// environment found, created or replaced; the lock kept up to date first (unless
    /// `--frozen`; `--locked` fails instead of writing); then what the lock wants for the
    /// environment's markers installed, changed versions replaced, and anything else removed
    /// (unless `--inexact`).
    package func run(context: CommandContext) async throws {
        try await Self.execute(try request(environment: context.environment), global: global.flags, context: context)
    }

    /// `suv sync` for a request read by either parser: its warnings, then the sync.
    static func execute(_ request: SyncRequest, global: GlobalFlags, context: CommandContext) async throws {
        context.warn(request.warnings)
        if request.script != nil { throw NotImplementedError(command: "suv sync --script") }
        try await perform(request, global: global, context: context)
    }

    /// The sync itself, shared with `suv add`, `suv remove` and `suv run`: `request` says what
    /// to lock and install. `afterLock` runs once the lock is current, before anything is
    /// installed (`suv add` writes bounds from the locked versions there); when it returns
    /// `true` the project files changed and are locked again, silently. With `installs` off
    /// (`--no-sync`) nothing is installed and no environment is created.
    @discardableResult
    static func perform(
        _ request: SyncRequest, global: GlobalFlags, context: CommandContext, installs: Bool = true,
        summaryOnly: Bool = false, announcesEnvironment: Bool = true,
        afterLock: ((LoadedProject, Lockfile.Lock) async throws -> Bool)? = nil
    ) async throws -> ProjectEnvironment.Prepared? {
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let start = context.settings.project.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        var project = try LoadedProject.find(from: start)
        let lockExists = access(project.lockPath, F_OK) == 0
        switch request.mode {
        case .frozen(let source), .locked(let source):
            guard lockExists else { throw LockfileMissing(flag: source) }
        case .write:
            break
        }

        // Settings load while the interpreter is found: when no index is configured, asking
        // `python3` for pip's default index takes as long as querying the interpreter.
        async let openedSession = IndexSession.open(global: global, context: context, index: request.index, refresh: request.refresh)
        if !installs {
            let session = try await openedSession
            defer { session.close() }
            // The project environment's interpreter when it suits, silently (as uv); else the
            // one found, named.
            let selection = try InterpreterSelection(context: context, global: global, workingDirectory: cwd, python: request.python)
            let python = try ProjectPythonRequest.resolve(
                explicit: request.python.request, directory: cwd, stopAt: project.root,
                noConfig: context.settings.noConfig, environment: context.environment,
                requiresPython: project.workspace.requiresPython)
            let requiresPython = project.workspace.requiresPython
            let interpreter: ProjectInterpreter
            if let existing = await ProjectEnvironment.existingInterpreter(
                workspaceRoot: project.root, request: python.request, requiresPython: requiresPython, finder: selection.finder) {
                interpreter = ProjectInterpreter(info: existing)
            } else {
                interpreter = ProjectInterpreter(
                    info: try await selection.finder.find(python.request, requiresPython: python.searchFilter(requiresPython)).info)
                context.printer.info("Using \(interpreter.displayName) interpreter at: \(interpreter.info.executable)")
                try python.validate(interpreter.info, workspace: project.workspace)
            }
            _ = try await lockProject(&project, start: start, request: request, session: session, interpreter: interpreter,
                                      context: context, printsResolved: !summaryOnly, afterLock: afterLock)
            return nil
        }
        let prepared: ProjectEnvironment.Prepared
        do {
            let interpreters = try InterpreterSelection(context: context, global: global, workingDirectory: cwd, python: request.python)
            let python = try ProjectPythonRequest.resolve(
                explicit: request.python.request, directory: cwd, stopAt: project.root,
                noConfig: context.settings.noConfig, environment: context.environment,
                requiresPython: project.workspace.requiresPython)
            let printer = context.printer
            let workspace = project.workspace
            prepared = try await ProjectEnvironment.prepare(
                workspaceRoot: project.root, request: python.request, requiresPython: workspace.requiresPython,
                finder: interpreters.finder, prompt: workspace.members.first.map { $0.name.description },
                creator: .init(name: "suv", version: SuvVersion.current), report: { if announcesEnvironment { printer.info($0) } },
                validate: { try python.validate($0, workspace: workspace) })
        } catch {
            (try? await openedSession)?.close()
            throw error
        }
        let session = try await openedSession
        defer { session.close() }
        ProcessLifetime.keep(session)

        let lockFromEngine = try await lockProject(
            &project, start: start, request: request, session: session, interpreter: ProjectInterpreter(info: prepared.interpreter),
            context: context, printsResolved: !summaryOnly, afterLock: afterLock)

        let selection = SyncSelection.selection(
                extras: request.extras, groups: request.groups, defaultGroups: project.toolUv?.defaultGroups,
                declaredGroups: project.workspace.members.flatMap { $0.dependencyGroups.map(\.group) },
                projects: Self.startProjects(request: request, project: project, workingDirectory: cwd),
                installProject: !request.noInstallProject)
        // A no-op sync: the same lock, selection and environment as after the last sync.
        let checkStarted = ContinuousClock.now
        let lockBytes = try FileContents.contents(of: project.lockPath) ?? []
        let state = SyncState(cache: session.cache)
        func syncOptions(exact: Bool) -> String {
            "\(selection.stateText)|exact=\(exact)|\(request.installer.linkMode?.rawValue ?? "default")|\(request.installer.compileBytecode)"
        }
        let options = syncOptions(exact: request.exact)
        let sitePackages = prepared.environment.sitePackages
        let python = prepared.interpreter.executable
        let canRemember = !request.installer.reinstall && request.installer.reinstallPackages.isEmpty && !request.dryRun
        // An exact sync's verdict also answers an inexact one (`suv run` after `suv sync`).
        let acceptable = request.exact ? [options] : [options, syncOptions(exact: true)]
        if canRemember, let count = acceptable.lazy.compactMap({
            SyncState.key(lockBytes: lockBytes, sitePackages: sitePackages, python: python, options: $0).flatMap(state.recordedCount(for:))
        }).first {
            if !summaryOnly {
                context.printer.info(context.printer.stderrPaint.dimmed(
                    "Checked\(count == 0 ? "" : " \(count) \(count == 1 ? "package" : "packages")") in \(ElapsedFormat.format(checkStarted.duration(to: .now)))"))
            }
            return prepared
        }
        let lock = try lockFromEngine ?? Lockfile.Lock(parsing: lockBytes, fileName: "uv.lock")
        let plan = try LockInstallPlan(
            lock: lock, selection: selection,
            markers: prepared.interpreter.markers, tags: prepared.interpreter.tagEnvironment.supportedTags())
        try await EnvironmentSync(
            plan: plan, environment: prepared, workspaceRoot: project.root, session: session, context: context, exact: request.exact,
            linkMode: request.installer.installerLinkMode,
            reinstall: request.installer.reinstall ? .all : .packages(Set(request.installer.reinstallPackages.map(PackageName.init))),
            compileBytecode: request.installer.compileBytecode, dryRun: request.dryRun, summaryOnly: summaryOnly
        ).run()
        if canRemember, let key = SyncState.key(lockBytes: lockBytes, sitePackages: sitePackages, python: python, options: options) {
            state.record(key, count: plan.items.count)
        }
        return prepared
    }

    /// Keeps the lock current (nothing for `--frozen`), then runs `afterLock` and locks again
    /// when it changed the project; the lock when one was read or written.
    private static func lockProject(
        _ project: inout LoadedProject, start: String, request: SyncRequest, session: IndexSession,
        interpreter: ProjectInterpreter, context: CommandContext, printsResolved: Bool,
        afterLock: ((LoadedProject, Lockfile.Lock) async throws -> Bool)?
    ) async throws -> Lockfile.Lock? {
        if case .frozen = request.mode { return nil }
        let lockRequest = LockRequest(mode: request.mode, dryRun: false, script: nil, index: request.index,
                                      resolver: request.resolver, refresh: request.refresh, python: request.python, warnings: [])
        let memo = ResolutionMemo()
        var engine = LockEngine(request: lockRequest, project: project, session: session,
                                interpreter: interpreter, context: context, started: .now)
        engine.printsChanges = false
        engine.printsResolved = printsResolved
        engine.memo = memo
        let lock = try await engine.run()
        guard let afterLock else { return lock }
        guard try await afterLock(project, try lock ?? readLock(project.lockPath)) else { return lock }
        project = try LoadedProject.find(from: start)
        var again = LockEngine(request: lockRequest, project: project, session: session,
                               interpreter: interpreter, context: context, started: .now)
        again.printsChanges = false
        again.printsResolved = false
        // What changed is bounds the first resolution satisfies: the same resolution, written
        // with the new requirements.
        memo.reuse = true
        again.memo = memo
        return try await again.run()
    }

    static func readLock(_ path: String, scope: LockReader.Scope = .everything) throws -> Lockfile.Lock {
        let bytes = try FileContents.contents(of: path) ?? []
        return try Lockfile.Lock(parsing: bytes, fileName: "uv.lock", scope: scope)
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
    /// What the lock's local paths (editable and directory sources) are relative to.
    let workspaceRoot: String
    let session: IndexSession
    let context: CommandContext
    let exact: Bool
    let linkMode: Installer.LinkMode
    let reinstall: Reinstall
    let compileBytecode: Bool
    let dryRun: Bool
    /// `suv run`'s quieter output: only what was installed or uninstalled, as counts.
    var summaryOnly = false

    func run() async throws {
        let started = ContinuousClock.now
        // One sync of an environment at a time, across processes (uv's `<venv>/.lock`): a second
        // sync waits here, then reads what the first installed.
        let environmentLock = try await CacheLock.acquire(environment.environment.root + "/.lock", mode: .exclusive)
        defer { environmentLock.release() }
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
            if existing.count == 1, let current = existing.first, Self.satisfies(current, item, workspaceRoot: workspaceRoot),
               !reinstall.contains(item.name) { continue }
            wanted.append((position, item))
            removals += existing
        }
        if exact {
            removals += installed.filter { !planned.contains($0.name) }
        }
        if wanted.isEmpty && removals.isEmpty {
            let count = plan.items.count
            if !summaryOnly {
                context.printer.info(context.printer.stderrPaint.dimmed(
                    "Checked\(count == 0 ? "" : " \(count) \(count == 1 ? "package" : "packages")") in \(ElapsedFormat.format(started.duration(to: .now)))"))
            }
            return
        }
        for (_, item) in wanted {
            // Only `.tar.gz`, `.tar` and `.zip` source distributions are unpacked for building.
            if case .sdist(let artifact) = item.artifact, !Self.isBuildableArchive(artifact.filename) {
                throw SyncError.unbuildableArchive(name: item.name.description, version: item.version ?? "", filename: artifact.filename)
            }
        }
        if dryRun {
            for line in Self.changeLines(removed: removals, added: wanted.map(\.item), workspaceRoot: workspaceRoot) { context.printer.info(line) }
            return
        }

        // Prepare: download what is not unpacked yet, unpack.
        let prepareStarted = ContinuousClock.now
        let cache = WheelCache(store: session.cache)
        let builtWheels = BuiltWheelCache(store: session.cache)
        var unpacked: [Int: UnpackedWheel] = [:]
        var directURLs: [Int: DirectURL] = [:]
        var missing: [(position: Int, item: LockInstallPlan.Item)] = []
        var builtFromCache: [Int: String] = [:]
        var localBuilds: [(position: Int, item: LockInstallPlan.Item)] = []
        var gitBuilds: [(position: Int, item: LockInstallPlan.Item, source: GitSourceURL)] = []
        for (position, item) in wanted {
            switch item.artifact {
            case .wheel(let artifact):
                guard let filename = try? WheelFilename(parsing: artifact.filename) else { continue }
                if let digest = Self.sha256(artifact), let hit = cache.cached(filename: filename, hash: digest) {
                    unpacked[position] = hit
                } else {
                    missing.append((position, item))
                }
            case .sdist(let artifact):
                if let digest = Self.sha256(artifact), let hit = builtWheels.cached(name: item.name, sdistSHA256: digest.hex) {
                    builtFromCache[position] = hit
                } else {
                    missing.append((position, item))
                }
            case .editable, .directory:
                localBuilds.append((position, item))
            case .git(let source):
                gitBuilds.append((position, item, source))
            }
            directURLs[position] = Self.directURL(for: item, workspaceRoot: workspaceRoot)
        }
        if !missing.isEmpty || !builtFromCache.isEmpty || !localBuilds.isEmpty || !gitBuilds.isEmpty {
            let fetcher = WheelFetcher(session: session, workspaceRoot: workspaceRoot)
            let sdistItems = missing.filter { if case .sdist = $0.item.artifact { true } else { false } }
            let wheelItems = missing.filter { if case .wheel = $0.item.artifact { true } else { false } }
            let sdistFiles = sdistItems.isEmpty ? [:] : try await fetcher.fetch(sdistItems.map(\.item))
            let sdists = sdistItems.enumerated().compactMap { offset, entry in
                sdistFiles[offset].map { (position: entry.position, item: entry.item, path: $0) }
            }
            // Each wheel is unpacked as soon as it is downloaded, while the others download.
            if !wheelItems.isEmpty {
                let progress = ProgressBar(printer: context.printer, label: "Preparing packages...", total: wheelItems.count,
                                           hidden: context.settings.noProgress)
                defer { progress.finish() }
                unpacked.merge(try await fetcher.fetchAndUnpack(wheelItems, into: cache, progress: progress)) { _, new in new }
            }
            // Builds, one at a time, before anything in the environment changes: a failed
            // build leaves it as it was.
            let builder = SourceBuilder(
                interpreter: environment.interpreter, installer: IndexBuildRequirementsInstaller(session: session),
                scratch: session.cache.bucket(.builds), creator: .init(name: "suv", version: SuvVersion.current),
                environment: context.environment)
            for (position, wheel) in builtFromCache {
                unpacked[position] = try await checkedUnpack(wheel, for: wanted.first { $0.position == position }!.item, cache: cache)
            }
            for entry in sdists {
                guard case .sdist(let artifact) = entry.item.artifact else { continue }
                let label = Self.buildLabel(entry.item, workspaceRoot: workspaceRoot)
                let wheel = try await building(label) {
                    if let digest = Self.sha256(artifact) {
                        return try await builtWheels.build(name: entry.item.name, sdistSHA256: digest.hex) { output in
                            try await builder.build(sdist: entry.path, outputDirectory: output)
                        }
                    }
                    let output = try Self.temporaryFolder(in: session.cache.bucket(.builds))
                    return try await builder.build(sdist: entry.path, outputDirectory: output)
                }
                unpacked[entry.position] = try await checkedUnpack(wheel, for: entry.item, cache: cache)
            }
            for entry in localBuilds {
                let (path, editable): (String, Bool)
                switch entry.item.artifact {
                case .editable(let relative): (path, editable) = (Self.absolute(relative, root: workspaceRoot), true)
                case .directory(let relative): (path, editable) = (Self.absolute(relative, root: workspaceRoot), false)
                default: continue
                }
                let output = try Self.temporaryFolder(in: session.cache.bucket(.builds))
                defer { _ = DirectoryListing.removeTree(output) }
                let wheel = try await building("\(entry.item.name) @ \(Self.fileURL(path))") {
                    try await builder.build(directory: path, target: editable ? .editable : .wheel, outputDirectory: output)
                }
                unpacked[entry.position] = try await checkedUnpack(wheel, for: entry.item, cache: cache)
            }
            let gitWheels = GitBuilds(session: session, context: context, interpreter: environment.interpreter)
            let checkouts = GitCheckouts(store: session.cache, environment: context.environment, printer: context.printer,
                                         offline: context.settings.offline)
            for entry in gitBuilds {
                let wheel: String
                if let hit = BuiltWheelCache(store: session.cache).cached(name: entry.item.name, sdistSHA256: GitBuilds.cacheKey(entry.source)) {
                    wheel = hit
                } else {
                    let checkout = try await checkouts.checkout(repository: entry.source.repository, commit: entry.source.commit ?? "")
                    let tree = entry.source.subdirectory.map { WorkspacePaths.join(checkout, $0) } ?? checkout
                    wheel = try await building(Self.buildLabel(entry.item, workspaceRoot: workspaceRoot)) {
                        try await gitWheels.wheel(name: entry.item.name, source: entry.source, tree: tree)
                    }
                }
                unpacked[entry.position] = try await checkedUnpack(wheel, for: entry.item, cache: cache)
            }
            let count = missing.count + builtFromCache.count + localBuilds.count + gitBuilds.count
            if !summaryOnly {
                context.printer.info(context.printer.stderrPaint.dimmed(
                    "Prepared \(count) \(count == 1 ? "package" : "packages") in \(ElapsedFormat.format(prepareStarted.duration(to: .now)))"))
            }
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
            try await applyChanges(removals: removals, wanted: wanted, unpacked: unpacked, directURLs: directURLs, scheme: scheme)
        } catch let interrupted as InstallInterrupted {
            // Die of the signal, as the shell expects, once the in-flight installs rolled back.
            signal(interrupted.signal, SIG_DFL)
            kill(getpid(), interrupted.signal)
            throw interrupted
        }
    }

    /// Changes the environment as one transaction: what is uninstalled goes into an
    /// ``UninstallStash`` until every install has succeeded, and a failure (a full disk, a broken
    /// wheel, a signal) takes out what this sync installed and puts the stash back, so that the
    /// environment is as it was.
    private func applyChanges(removals: [InstalledDistribution], wanted: [(position: Int, item: LockInstallPlan.Item)],
                              unpacked: [Int: UnpackedWheel], directURLs: [Int: DirectURL], scheme: InstallScheme) async throws {
        let root = environment.environment.root
        UninstallStash.removeLeftovers(environmentRoot: root)
        let stash = UninstallStash(environmentRoot: root)
        let installed = Mutex<[String]>([])
        do {
            try await changeEnvironment(removals: removals, wanted: wanted, unpacked: unpacked, directURLs: directURLs,
                                        scheme: scheme, stash: stash) { result in installed.withLock { $0.append(result.distInfo) } }
            stash.discard()
        } catch {
            if let problem = rollBack(installed: installed.withLock { $0 }, stash: stash, scheme: scheme) {
                context.warn(["The environment at `\(root)` could not be put back as it was: \(problem)"])
            }
            throw error
        }
    }

    /// Takes out the distributions the failed sync finished installing (`installed`: their
    /// `.dist-info` folders; one that failed rolled itself back), then restores the stash.
    /// Returns what went wrong, if anything did.
    private func rollBack(installed: [String], stash: UninstallStash, scheme: InstallScheme) -> String? {
        var problems: [String] = []
        for distInfo in installed.reversed() {
            do {
                _ = try WheelUninstaller.uninstall(distInfo: distInfo, scheme: scheme)
            } catch {
                problems.append("\(error)")
            }
        }
        do {
            try stash.restore()
        } catch {
            problems.append("\(error)")
        }
        if !stash.unrecoverable.isEmpty {
            problems.append("\(stash.unrecoverable.count) removed files were on another file system and are gone")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    private func changeEnvironment(removals: [InstalledDistribution], wanted: [(position: Int, item: LockInstallPlan.Item)],
                                   unpacked: [Int: UnpackedWheel], directURLs: [Int: DirectURL], scheme: InstallScheme,
                                   stash: UninstallStash, installed: @escaping @Sendable (InstallResult) -> Void) async throws {
        let sitePackages = environment.environment.sitePackages
        if !removals.isEmpty {
            let uninstallStarted = ContinuousClock.now
            for distribution in removals {
                if let signal = InstallInterruption.signal { throw InstallInterrupted(signal: signal) }
                switch distribution.kind {
                case .distInfo where distribution.isBroken:
                    // An install that never finished: no RECORD to follow; the reinstall below
                    // overwrites what it left.
                    try stash.take(distribution.path)
                case .distInfo:
                    _ = try WheelUninstaller.uninstall(distInfo: distribution.path, scheme: scheme, stash: stash)
                default:
                    _ = try WheelUninstaller.uninstallEgg(eggInfo: distribution.path, stash: stash)
                }
            }
            let count = removals.count
            context.printer.info(context.printer.stderrPaint.dimmed(
                "Uninstalled \(count) \(count == 1 ? "package" : "packages") in \(ElapsedFormat.format(uninstallStarted.duration(to: .now)))"))
        }
        let installStarted = ContinuousClock.now
        let options = InstallOptions(linkMode: linkMode, requested: true, installer: "suv")
        let toInstall = wanted.compactMap { entry in
            unpacked[entry.position].map { wheel in
                var options = options
                options.directURL = directURLs[entry.position]
                return (wheel, options)
            }
        }
        let installing = ProgressBar(printer: context.printer, label: "Installing wheels...", total: toInstall.count,
                                     hidden: context.settings.noProgress)
        let results: [InstallResult]
        do {
            defer { installing.finish() }
            results = try await WheelInstaller.install(toInstall, into: scheme) { result in
                installed(result)
                installing.advance(result.name.normalized)
            }
        }
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
        if !summaryOnly {
            // A project locked without a version (dynamic) shows the version it was built as.
            var built: [PackageName: String] = [:]
            for entry in wanted where entry.item.version == nil {
                if let wheel = unpacked[entry.position] { built[entry.item.name] = wheel.filename.version.description }
            }
            for line in Self.changeLines(removed: removals, added: wanted.map(\.item), workspaceRoot: workspaceRoot, builtVersions: built) {
                context.printer.info(line)
            }
        }
    }

    /// Whether what is installed is the locked distribution: same version, complete, from an
    /// index (no direct URL) for registry packages; for local projects, installed from the same
    /// folder, editable exactly when the lock says so.
    static func satisfies(_ installed: InstalledDistribution, _ item: LockInstallPlan.Item, workspaceRoot: String) -> Bool {
        // A local project with a dynamic version is locked without one: any installed version
        // of the same tree will do.
        let versionMatches = installed.version == item.version
            || (item.version == nil && { if case .editable = item.artifact { true } else if case .directory = item.artifact { true } else { false } }())
        guard !installed.isBroken, versionMatches else { return false }
        if let expected = directURL(for: item, workspaceRoot: workspaceRoot) { return installed.directURL == expected.json }
        switch item.source {
        case .registry: return installed.directURL == nil
        default: return true
        }
    }

    /// The `direct_url.json` an item is installed with: local trees, Git checkouts and archive
    /// URLs; `nil` for index files.
    static func directURL(for item: LockInstallPlan.Item, workspaceRoot: String) -> DirectURL? {
        switch item.artifact {
        case .editable(let path):
            return DirectURL(url: fileURL(absolute(path, root: workspaceRoot)), kind: .directory(editable: true))
        case .directory(let path):
            return DirectURL(url: fileURL(absolute(path, root: workspaceRoot)), kind: .directory(editable: false))
        case .git(let source):
            return DirectURL(url: source.repository, kind: .vcs(vcs: "git", commitID: source.commit ?? "", requestedRevision: source.reference?.value),
                             subdirectory: source.subdirectory)
        case .wheel, .sdist:
            if case .path(let path) = item.source { return DirectURL(url: fileURL(absolute(path, root: workspaceRoot)), kind: .archive(hash: nil)) }
            guard case .url(let url, let subdirectory) = item.source else { return nil }
            return DirectURL(url: url, kind: .archive(hash: nil), subdirectory: subdirectory)
        }
    }

    /// `name @ <url>` for what comes from a URL or Git, else `name==version`: how uv names a build.
    static func buildLabel(_ item: LockInstallPlan.Item, workspaceRoot: String) -> String {
        if let origin = origin(of: item, workspaceRoot: workspaceRoot) { return "\(item.name) @ \(origin)" }
        return "\(item.name)==\(item.version ?? "")"
    }

    /// Where a Git or URL item comes from, as uv shows it (`git+https://…@<commit>`, the URL).
    static func origin(of item: LockInstallPlan.Item, workspaceRoot: String) -> String? {
        switch item.artifact {
        case .git(let source): return source.displayText
        case .wheel, .sdist:
            if case .url(let url, _) = item.source { return url }
            if case .path(let path) = item.source { return fileURL(absolute(path, root: workspaceRoot)) }
            return nil
        case .editable, .directory: return nil
        }
    }

    /// Prints uv's `Building …` / `Built …` around one build; failures become
    /// `Failed to build `…`` with uv's hint.
    private func building(_ label: String, _ build: () async throws -> String) async throws -> String {
        context.printer.info("   Building \(label)")
        let wheel: String
        do {
            wheel = try await build()
        } catch {
            throw error.context("Failed to build `\(label)`",
                                hints: ["Build failures usually indicate a problem with the package or the build environment"])
        }
        context.printer.info("      Built \(label)")
        return wheel
    }

    /// Unpacks a built wheel, checking it is the locked name and version.
    private func checkedUnpack(_ wheel: String, for item: LockInstallPlan.Item, cache: WheelCache) async throws -> UnpackedWheel {
        let unpacked = try await cache.unpack(wheelPath: wheel)
        let version = unpacked.filename.version.description
        if unpacked.filename.name != item.name || (item.version.map { $0 != version && PEP440.Version($0) != unpacked.filename.version } ?? false) {
            throw SyncError.builtMismatch(name: item.name.description, version: item.version ?? "",
                                          builtName: unpacked.filename.name.description, builtVersion: version)
        }
        return unpacked
    }

    static func isBuildableArchive(_ filename: String) -> Bool {
        let lowercased = filename.lowercased()
        return [".tar.gz", ".tgz", ".tar", ".zip"].contains { lowercased.hasSuffix($0) }
    }

    /// A lock path (relative to the workspace root, or absolute), normalized.
    static func absolute(_ path: String, root: String) -> String {
        WorkspacePaths.normalize(path.hasPrefix("/") ? path : root + "/" + path)
    }

    /// `file://` and the percent-encoded absolute path.
    static func fileURL(_ path: String) -> String {
        "file://" + PercentEncoding.encodePath(path)
    }

    static func temporaryFolder(in parent: String) throws -> String {
        var current = ""
        for component in parent.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw SyncError.io(path: current, errno: errno) }
        }
        let path = parent + "/wheel-" + RandomName.suffix()
        guard mkdir(path, 0o755) == 0 else { throw SyncError.io(path: path, errno: errno) }
        return path
    }

    static func sha256(_ artifact: LockArtifact) -> SHA256Digest? {
        guard let hash = artifact.hash, hash.hasPrefix("sha256:") else { return nil }
        return SHA256Digest(hex: hash.dropFirst("sha256:".count))
    }

    /// ` - name==old` and ` + name==new`, by name, removals first, as uv lists them; local
    /// projects with ` (from file:///…)`.
    static func changeLines(removed: [InstalledDistribution], added: [LockInstallPlan.Item], workspaceRoot: String,
                            builtVersions: [PackageName: String] = [:]) -> [String] {
        var lines: [(name: PackageName, order: Int, text: String)] = []
        for distribution in removed { lines.append((distribution.name, 0, " - \(distribution.name)==\(distribution.version)")) }
        for item in added {
            var text = " + \(item.name)==\(item.version ?? builtVersions[item.name] ?? "")"
            switch item.artifact {
            case .editable(let path), .directory(let path): text += " (from \(fileURL(absolute(path, root: workspaceRoot))))"
            case .wheel, .sdist, .git: if let origin = origin(of: item, workspaceRoot: workspaceRoot) { text += " (from \(origin))" }
            }
            lines.append((item.name, 1, text))
        }
        return lines.sorted { ($0.name, $0.order) < ($1.name, $1.order) }.map(\.text)
    }
}

/// Why a sync stopped.
enum SyncError: SuvError, Equatable {
    case unbuildableArchive(name: String, version: String, filename: String)
    case removal(path: String, reason: String)
    case builtMismatch(name: String, version: String, builtName: String, builtVersion: String)
    case io(path: String, errno: Int32)

    var message: String {
        switch self {
        case .unbuildableArchive(let name, let version, let filename):
            "Failed to build `\(name)==\(version)`: `\(filename)` is not a `.tar.gz`, `.tar` or `.zip` source distribution"
        case .removal(let path, let reason):
            "Failed to remove `\(path)`: \(reason)"
        case .builtMismatch(let name, let version, let builtName, let builtVersion):
            "The wheel built for `\(name)==\(version)` is `\(builtName)==\(builtVersion)`"
        case .io(let path, let code):
            "Failed to create `\(path)`: \(String(cString: strerror(code)))"
        }
    }

    var kind: ErrorKind {
        if case .io = self { return .error }
        return .failure
    }
}
