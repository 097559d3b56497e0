import Glibc
import Cache
import Console
import Distribution
import Lockfile
import PEP440
import PEP508
import Project
import Python
import Resolution
import Resolver
import Settings
import SuvBasics
import VirtualEnv

extension Lock {
    /// Resolves the project universally and writes `uv.lock` when the result differs from the
    /// existing one, as `uv lock` does; `--check`/`--locked` fail instead of writing,
    /// `--check-exists`/`--frozen` only require a lock, `--dry-run` reports without writing.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let project = try request.script.map { try LoadedProject.script($0, from: cwd) }
            ?? LoadedProject.find(from: context.settings.project.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd)
        let lockPath = project.lockPath
        let lockExists = access(lockPath, F_OK) == 0

        switch request.mode {
        case .frozen(let source):
            guard lockExists else { throw LockfileMissing(flag: source) }
            return
        case .locked(let source):
            guard lockExists else { throw LockfileMissing(flag: source) }
        case .write:
            break
        }

        let started = ContinuousClock.now
        let session = try await IndexSession.open(global: global.flags, context: context, index: request.index, refresh: request.refresh)
        defer { session.close() }
        let interpreter: ProjectInterpreter
        let selection = try InterpreterSelection(context: context, global: global.flags, workingDirectory: cwd, python: request.python)
        let python = try ProjectPythonRequest.resolve(
            explicit: request.python.request, directory: cwd, stopAt: project.root,
            noConfig: context.settings.noConfig, environment: context.environment,
            requiresPython: project.workspace.requiresPython)
        let requiresPython = project.workspace.requiresPython
        if !project.isScript, let existing = await ProjectEnvironment.existingInterpreter(
            workspaceRoot: project.root, request: python.request, requiresPython: requiresPython, finder: selection.finder) {
            // The project environment's interpreter, used silently as uv does.
            interpreter = ProjectInterpreter(info: existing)
        } else {
            let found = try await selection.finder.find(python.request, requiresPython: python.searchFilter(requiresPython))
            interpreter = ProjectInterpreter(info: found.info)
            // uv names the interpreter for projects, not for scripts.
            if !project.isScript { context.printer.info("Using \(interpreter.displayName) interpreter at: \(interpreter.info.executable)") }
            if !project.isScript { try python.validate(found.info, workspace: project.workspace) }
        }

        _ = try await LockEngine(request: request, project: project, session: session, interpreter: interpreter,
                                 context: context, started: started).run()
    }
}

/// Everything `suv lock` does once the interpreter is known, shared with `suv sync`: keep an
/// up-to-date lock, else resolve and write it (or fail for `--locked`), printing uv's lines.
struct LockEngine {
    let request: LockRequest
    let project: LoadedProject
    let session: IndexSession
    let interpreter: ProjectInterpreter
    let context: CommandContext
    let started: ContinuousClock.Instant
    /// `Added x v1` lines (`suv lock`); `suv sync` lists installed changes instead.
    var printsChanges = true
    /// The `Resolved N packages` line (off when `suv add` locks again after writing bounds).
    var printsResolved = true
    /// Whether a new lock is written (and remembered); `suv run` of a script without a lock
    /// file resolves in memory only, as uv does.
    var persists = true
    /// Where the resolution is kept for a second lock of the same command (see
    /// ``ResolutionMemo``).
    var memo: ResolutionMemo?

    /// The lock the project now has: `nil` when an unchanged lock was recognized without
    /// reading it (read it from ``LoadedProject/lockPath`` when needed) or for a dry run.
    @discardableResult
    func run() async throws -> Lockfile.Lock? {
        var recognized: [UInt8]?
        return try await run(recognizedBytes: &recognized)
    }

    /// Like ``run()``, but always gives the lock: when it was recognized unchanged without
    /// being read, it is read now, with `scope`, from the bytes already in hand.
    func runAndRead(scope: LockReader.Scope) async throws -> Lockfile.Lock {
        var recognized: [UInt8]?
        if let lock = try await run(recognizedBytes: &recognized) { return lock }
        guard let bytes = recognized else { return try Sync.readLock(project.lockPath, scope: scope) }
        return try Lockfile.Lock(parsing: bytes, fileName: "uv.lock", scope: scope)
    }

    /// ``run()``, handing back in `recognizedBytes` the file's bytes when an unchanged lock was
    /// recognized without being read.
    private func run(recognizedBytes: inout [UInt8]?) async throws -> Lockfile.Lock? {
        let lockPath = project.lockPath
        let lockExists = access(lockPath, F_OK) == 0
        var workspace = project.workspace
        if workspace.requiresPython.isEmpty {
            let minor = "\(interpreter.info.versionInfo.major).\(interpreter.info.versionInfo.minor)"
            if project.warnsWithoutRequiresPython {
                context.warn(["No `requires-python` value found in the workspace. Defaulting to `>=\(minor)`."])
            }
            workspace.defaultRequiresPython(try VersionSpecifiers(parsing: ">=\(minor)"))
        }
        guard let lowest = workspace.lowestPython else { throw ProjectFileError(path: "pyproject.toml", reason: "`requires-python` has no lower bound") }

        let lockOptions = Lock.lockOptions(request: request, project: project, session: session)
        let upgrading = request.resolver.upgrade || !request.resolver.upgradePackages.isEmpty
        let state = LockState(cache: session.cache)
        let lockBytes = lockExists ? (try FileContents.contents(of: lockPath)) ?? [] : []
        let stateKey = LockState.key(pyproject: project.text, lockBytes: lockBytes, options: lockOptions,
                                     indexes: session.settings.indexes, mirrors: session.settings.mirrors, python: interpreter.info.executable)
        if lockExists, !upgrading, let count = state.recordedCount(for: stateKey) {
            // The same project, settings and lock file as the last time this lock was found up
            // to date: nothing to read again.
            if printsResolved { Lock.printResolved(count, since: started, context: context) }
            if request.dryRun { context.printer.info("No lockfile changes detected") }
            recognizedBytes = lockBytes
            return nil
        }
        // The lock this command's first pass wrote, when the file still holds it: not read again.
        let written = memo.flatMap { memo in memo.written.flatMap { $0.bytes == lockBytes ? $0.lock : nil } }
        let existing: Lockfile.Lock? = lockExists
            ? try written ?? Lockfile.Lock(parsing: lockBytes, fileName: "uv.lock")
            : nil
        let staleness = existing.map { LockBuilder(workspace: workspace, forks: [], options: lockOptions).staleness(of: $0) ?? (Lock.indexesAccept($0, session.settings.indexes, mirrors: session.settings.mirrors) ? nil : "the configured indexes changed") }
        if let staleness, let reason = staleness { context.printer.debug("Resolving despite existing lockfile: \(reason)") }
        if let existing, !request.resolver.upgrade, request.resolver.upgradePackages.isEmpty, staleness == .some(nil) {
            // Nothing the lock records changed: keep it without resolving, as uv does.
            if printsResolved { Lock.printResolved(existing.packages.count, since: started, context: context) }
            if request.dryRun { context.printer.info("No lockfile changes detected") }
            state.record(stateKey, count: existing.packages.count)
            return existing
        }

        var preferences: [PackageName: PEP440.Version] = [:]
        if let existing, !request.resolver.upgrade {
            let upgraded = Set(request.resolver.upgradePackages.map(PackageName.init))
            var counts: [PackageName: Int] = [:]
            for package in existing.packages { counts[package.name, default: 0] += 1 }
            for package in existing.packages where counts[package.name] == 1 && !upgraded.contains(package.name) {
                if case .registry = package.source, let text = package.version, let version = PEP440.Version(text) {
                    preferences[package.name] = version
                }
            }
        }

        if workspace.localProjects.contains(where: \.dynamicDependencies) {
            try await DynamicProjectMetadata(session: session, context: context, interpreter: interpreter.info).fill(&workspace)
        }
        if !project.remoteSources.isEmpty, !(memo?.reuse ?? false) || memo?.forks == nil {
            let upgraded = Set(request.resolver.upgradePackages.map(PackageName.init))
            let everything = request.resolver.upgrade
            workspace.directDistributions = try await DirectSources(session: session, context: context, interpreter: interpreter.info)
                .distributions(for: project.remoteSources, existing: existing, upgrading: { everything || upgraded.contains($0) })
            memo?.directDistributions = workspace.directDistributions
        } else if let saved = memo?.directDistributions {
            workspace.directDistributions = saved
        }
        var options = ResolutionOptions(
            markers: interpreter.info.markers, pythonVersion: lowest, tags: nil,
            prerelease: request.resolver.prerelease ?? session.settings.settings.prerelease,
            resolution: request.resolver.resolution ?? session.settings.settings.resolution,
            pythonRequirementText: workspace.lockRequiresPython)
        options.localPackages = workspace.localPackages
        options.reportWording = .project
        let source = RegistryDistributionSource(
            registry: session.registry, locations: session.settings.indexes,
            builder: SdistMetadataBuilder(session: session, context: context, interpreter: interpreter.info),
            pins: try workspace.indexPins.mapValues { try session.configuredIndex(url: $0) })
        let environments = try workspace.environments.map { text in
            do {
                return NormalizedMarker(try MarkerTree(parsing: text))
            } catch {
                throw ProjectFileError(path: project.settingsPath, reason: "invalid marker in `tool.uv.environments`: `\(text)`")
            }
        }
        let plan = workspace.seeds(environments: environments)
        let forks: [UniversalResolution.Fork]
        if let memo, memo.reuse, let saved = memo.forks {
            forks = saved
        } else {
            var resolution = UniversalResolution(source: source, options: options)
            let printer = context.printer
            resolution.onFork = { printer.debug($0) }
            let initialForks = Self.reusableForks(of: existing, workspace: workspace, options: lockOptions,
                                                  upgradeAll: request.resolver.upgrade, lowest: lowest)
            // The pages of every package the existing lock takes from an index, asked for at
            // once: a re-resolution wants nearly all of them, and finding them level by level
            // (a package's page, then its dependencies' pages) waits on the network at each level.
            var locked: Set<PackageName> = []
            for package in existing?.packages ?? [] {
                if case .registry = package.source { locked.insert(package.name) }
            }
            let prefetched = locked, configured = resolution, seeds = plan.seeds, preferred = preferences
            let (constraints, overrides) = (workspace.constraints, workspace.overrides)
            forks = try await withThrowingTaskGroup(of: [UniversalResolution.Fork]?.self) { group in
                group.addTask {
                    await withTaskGroup(of: Void.self) { pages in
                        for name in prefetched { pages.addTask { _ = try? await source.files(for: name) } }
                    }
                    return nil
                }
                group.addTask {
                    try await configured.resolve(seeds: seeds, lowestPython: lowest, constraints: constraints,
                                                 overrides: overrides, preferences: preferred, initialForks: initialForks)
                }
                var resolved: [UniversalResolution.Fork] = []
                for try await result in group {
                    if let result { resolved = result }
                }
                return resolved
            }
        }
        memo?.forks = forks
        ProcessLifetime.keep(forks)
        if let existing { ProcessLifetime.keep(existing) }
        for fork in forks { context.printer.debug("Fork: \(fork.marker.exactDescription ?? "true")") }
        let builder = LockBuilder(workspace: workspace, forks: forks, options: lockOptions, excluded: plan.excluded)
        // A second pass over the same resolution redraws only the members (see ``ResolutionMemo``).
        let built = memo?.reuse == true && memo?.built != nil ? builder.rebuildingMembers(of: memo?.built ?? builder.build()) : builder.build()
        memo?.built = built
        let lock = try LockMirroring(rules: session.settings.mirrors, existing: existing).canonical(built)
        let text = lock.serialized()
        let count = lock.packages.count
        if printsResolved { Lock.printResolved(count, since: started, context: context) }

        let textBytes = Array(text.utf8)
        // The same bytes answer at once; otherwise the same model written differently also is.
        let upToDate = existing.map { _ in lockBytes == textBytes } == true || (existing.map { $0.serialized() == text } ?? false)
        if case .locked(let source) = request.mode {
            if !upToDate { throw LockfileOutdated(flag: source) }
            return existing
        }
        let changes = LockChanges(old: existing, new: lock)
        if printsChanges { for line in changes.lines { context.printer.info(line) } }
        if request.dryRun {
            context.printer.info(upToDate ? "No lockfile changes detected" : "Lockfile changes detected")
            return nil
        }
        guard persists else { return lock }
        if !upToDate {
            try OutputFile.write(text, to: lockPath, relativeTo: project.root)
            memo?.written = (textBytes, lock)
        }
        if !request.dryRun {
            state.record(LockState.key(pyproject: project.text, lockBytes: upToDate ? lockBytes : textBytes, options: lockOptions,
                                       indexes: session.settings.indexes, mirrors: session.settings.mirrors, python: interpreter.info.executable),
                         count: lock.packages.count)
        }
        return lock
    }
}

extension LockEngine {
    /// The forks of `existing` a new resolution starts from, as uv reuses a lock's
    /// `resolution-markers`: not when upgrading everything, when the resolution mode, fork
    /// strategy, `requires-python`, environments or conflicts changed, or when the forks do not
    /// cover every Python the project allows.
    static func reusableForks(of existing: Lockfile.Lock?, workspace: WorkspaceInputs, options: LockOptions,
                              upgradeAll: Bool, lowest: PEP440.Version) -> [NormalizedMarker] {
        guard let existing, !upgradeAll, !existing.resolutionMarkers.isEmpty,
              existing.options.resolutionMode == options.resolutionMode, existing.options.forkStrategy == options.forkStrategy,
              options.resolutionMode == nil, options.forkStrategy == nil,
              existing.requiresPython == workspace.lockRequiresPython,
              workspace.environments.isEmpty, existing.supportedMarkers.isEmpty, existing.requiredMarkers.isEmpty,
              workspace.conflicts.isEmpty, existing.conflicts.isEmpty else { return [] }
        var forks: [NormalizedMarker] = []
        for text in existing.resolutionMarkers {
            guard let tree = try? MarkerTree(parsing: text) else { return [] }
            forks.append(NormalizedMarker(tree))
        }
        guard let python = try? UniversalResolution.pythonMarker(lower: lowest, upper: nil) else { return [] }
        let union = forks.dropFirst().reduce(forks[0]) { $0.or($1) }
        return python.and(union.negated).withPythonReleasesOnly.isAlwaysFalse ? forks : []
    }
}

extension Lock {
    static func printResolved(_ count: Int, since started: ContinuousClock.Instant, context: CommandContext) {
        let elapsed = ElapsedFormat.format(started.duration(to: .now))
        // uv leaves the count out when there is nothing (a script without dependencies).
        let what = count == 0 ? "" : " \(count) \(count == 1 ? "package" : "packages")"
        context.printer.info(context.printer.stderrPaint.dimmed("Resolved\(what) in \(elapsed)"))
    }

    /// The resolver options a new lock records in `[options]` (only those differing from
    /// uv's defaults).
    static func lockOptions(request: LockRequest, project: LoadedProject, session: IndexSession) -> LockOptions {
        let settings = project.toolUv?.settings
        let resolution = request.resolver.resolution ?? session.settings.settings.resolution
        let prerelease = request.resolver.prerelease ?? session.settings.settings.prerelease
        let forkStrategy = request.resolver.forkStrategy ?? settings?.forkStrategy
        return LockOptions(
            resolutionMode: resolution == .highest ? nil : resolution.rawValue,
            prereleaseMode: [.ifNecessary, .ifNecessaryOrExplicit].contains(prerelease) ? nil : prerelease.rawValue,
            forkStrategy: forkStrategy.flatMap { $0.rawValue == "requires-python" ? nil : $0.rawValue },
            excludeNewer: request.resolver.excludeNewer ?? settings?.excludeNewer)
    }

    /// uv's index rule for an existing lock: when the user configured indexes (flags,
    /// variables, configuration files), every registry the lock names must be one of them;
    /// with none configured (suv's fallbacks: pip's configuration or pip's default), any is
    /// accepted. A configured mirror also accepts the canonical index it is declared to mirror.
    static func indexesAccept(_ lock: Lockfile.Lock, _ locations: IndexLocations, mirrors: MirrorRules = MirrorRules()) -> Bool {
        let configured = locations.allowed.filter { index in
            switch index.origin {
            case .pipEnvironment, .pipConfiguration, .interpreterPip: false
            default: true
            }
        }
        guard !configured.isEmpty else { return true }
        let known = Set(configured.flatMap { index in
            [index.url.string, mirrors.recordedIndexURL(index.url.string)].flatMap { [$0, Self.trimmed($0)] }
        })
        for package in lock.packages {
            if case .registry(let url) = package.source, !known.contains(url), !known.contains(Self.trimmed(url)) { return false }
        }
        return true
    }

    private static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}

/// `Added x v1`, `Updated x v1 -> v2`, `Removed x v1`, by package name.
struct LockChanges {
    let lines: [String]

    init(old: Lockfile.Lock?, new: Lockfile.Lock) {
        guard let old else {
            lines = []
            return
        }
        func versions(_ lock: Lockfile.Lock) -> [PackageName: [String]] {
            var result: [PackageName: [String]] = [:]
            for package in lock.packages { result[package.name, default: []].append(package.version ?? "") }
            return result.mapValues { $0.sorted { (PEP440.Version($0) ?? .init(release: [0])) < (PEP440.Version($1) ?? .init(release: [0])) } }
        }
        let before = versions(old)
        let after = versions(new)
        var lines: [String] = []
        for name in Set(before.keys).union(after.keys).sorted() {
            let was = before[name] ?? []
            let now = after[name] ?? []
            if was == now { continue }
            if was.isEmpty {
                lines += now.map { "Added \(name) v\($0)" }
            } else if now.isEmpty {
                lines += was.map { "Removed \(name) v\($0)" }
            } else {
                lines.append("Updated \(name) \(was.map { "v\($0)" }.joined(separator: ", ")) -> \(now.map { "v\($0)" }.joined(separator: ", "))")
            }
        }
        self.lines = lines
    }
}

/// `--check`/`--locked`/`--frozen` without a lock.
struct LockfileMissing: SuvError {
    let flag: String
    var message: String {
        "Unable to find lockfile at `uv.lock`, but `\(flag)` was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag."
    }
    var kind: ErrorKind { .failure }
}

/// `--check`/`--locked` with a lock that a new resolution would change.
struct LockfileOutdated: SuvError {
    let flag: String
    var message: String { "The lockfile at `uv.lock` needs to be updated, but `\(flag)` was provided." }
    var hints: [String] { ["To update the lockfile, run `uv lock`."] }
    var kind: ErrorKind { .failure }
}

/// The interpreter a project command runs with, chosen by ``InterpreterFinder`` in uv's order.
struct ProjectInterpreter {
    let info: InterpreterInfo

    var displayName: String { info.displayName }

    /// - Parameter request: `--python` / `UV_PYTHON`; without one, the nearest `.python-version`
    ///   (up to the project root), else any interpreter `requires-python` allows.
    static func find(request: String?, requiresPython: VersionSpecifiers, environment: [String: String],
                     cache: CacheStore, workingDirectory: String, projectRoot: String, noConfig: Bool,
                     printer: Printer) async throws -> ProjectInterpreter {
        let finder = InterpreterFinder(
            cache: InterpreterInfoCache(directory: cache.bucket(.interpreter)), environment: environment,
            workingDirectory: workingDirectory, debug: { printer.debug($0) })
        let parsed = try InterpreterSelection.request(explicit: request, directory: workingDirectory, stopAt: projectRoot,
                                                      noConfig: noConfig, environment: environment)
        let found = try await finder.find(parsed, requiresPython: requiresPython)
        return ProjectInterpreter(info: found.info)
    }
}

/// The resolution of a command's first lock, kept for its second: `suv add` and `suv upgrade`
/// lock, write bounds the locked versions satisfy, and lock again; the second lock writes the new
/// requirements with the same resolution instead of resolving anew.
final class ResolutionMemo: @unchecked Sendable {
    var forks: [UniversalResolution.Fork]?
    /// The Git and direct-URL packages the first lock fetched.
    var directDistributions: [DirectDistribution]?
    /// The lock the first pass built (before mirror canonicalization).
    var built: Lockfile.Lock?
    /// The lock the first pass wrote, with its bytes (the second pass starts from it).
    var written: (bytes: [UInt8], lock: Lockfile.Lock)?
    /// Use ``forks`` instead of resolving.
    var reuse = false
}
