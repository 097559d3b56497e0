import Glibc
import Build
import Cache
import Console
import Hashing
import Installer
import PackagingTypes
import Resolution
import Settings
import SuvBasics

/// Carries out a ``PipInstallPlan`` as uv's pip interface does and prints what uv prints:
/// nothing to do (`Checked N packages`), a dry run (`Would download/uninstall/install`), or
/// the distributions prepared (downloaded, unpacked, built), the old ones removed, the new ones
/// installed, then the change list (` - old`, ` + new`, ` ~ reinstalled`).
///
/// Nothing in the environment changes before every distribution is prepared; from then on
/// SIGINT and SIGTERM stop between distributions, and each distribution being installed rolls
/// back, so every package is either fully installed or fully absent.
struct PipChanges {
    let plan: PipInstallPlan
    let environment: PipEnvironment
    let session: IndexSession
    let context: CommandContext
    let linkMode: Installer.LinkMode
    let compileBytecode: Bool
    let dryRun: Bool

    private var printer: Printer { context.printer }

    func apply() async throws {
        let started = ContinuousClock.now
        if plan.isEmpty {
            PipOutput.checked(plan.resolved, since: started, printer: printer)
            if dryRun { printer.info("Would make no changes") }
            return
        }
        let wheelCache = WheelCache(store: session.cache)
        let builtWheels = BuiltWheelCache(store: session.cache)

        // What is already unpacked (or built) in the cache, and what must be fetched or built.
        var ready: [Int: UnpackedWheel] = [:]
        var builtFromCache: [Int: String] = [:]
        var remote: [Int] = []
        for (position, item) in plan.installs.enumerated() {
            switch item.source {
            case .local(let local):
                switch local.state {
                case .built: remote.append(position)
                case .cached(let wheel): ready[position] = wheel
                case .installed: break
                }
            case .index(let indexed):
                let file = indexed.file
                let digest = Self.sha256(file)
                if item.refresh || digest == nil {
                    remote.append(position)
                } else if let digest, let filename = try? WheelFilename(parsing: file.filename) {
                    if let hit = wheelCache.cached(filename: filename, hash: digest) { ready[position] = hit } else { remote.append(position) }
                } else if let digest, let hit = builtWheels.cached(name: item.name, sdistSHA256: digest.hex) {
                    builtFromCache[position] = hit
                } else {
                    remote.append(position)
                }
            }
        }

        if dryRun {
            if !remote.isEmpty { printer.info(printer.stderrPaint.dimmed("Would download \(Plural.count(remote.count, "package"))")) }
            if !plan.removals.isEmpty { printer.info(printer.stderrPaint.dimmed("Would uninstall \(Plural.count(plan.removals.count, "package"))")) }
            if !plan.installs.isEmpty {
                printer.info(printer.stderrPaint.dimmed("Would install \(Plural.count(plan.installs.count, "package"))"))
            }
            var lines: [PipOutput.Change] = plan.removals.map { PipOutput.Change(name: $0.name, kind: .removed, suffix: $0.changeSuffix) }
            lines += plan.installs.map { PipOutput.Change(name: $0.name, kind: .added, suffix: $0.changeSuffix) }
            PipOutput.print(lines, printer: printer)
            return
        }

        var unpacked = ready
        var directURLs: [Int: DirectURL] = [:]
        for (position, wheel) in builtFromCache {
            unpacked[position] = try await wheelCache.unpack(wheelPath: wheel)
        }
        if !remote.isEmpty {
            let prepareStarted = ContinuousClock.now
            let prepared = try await prepare(remote, cache: wheelCache, builtWheels: builtWheels)
            unpacked.merge(prepared) { _, new in new }
            printer.info(printer.stderrPaint.dimmed(
                "Prepared \(Plural.count(remote.count, "package")) in \(ElapsedFormat.format(prepareStarted.duration(to: .now)))"))
        }
        for (position, item) in plan.installs.enumerated() {
            if case .local(let built) = item.source { directURLs[position] = built.directURL }
        }

        let previousInterrupt = signal(SIGINT) { InstallInterruption.request(signal: $0) }
        let previousTerminate = signal(SIGTERM) { InstallInterruption.request(signal: $0) }
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGTERM, previousTerminate)
        }
        do {
            try await change(unpacked: unpacked, directURLs: directURLs)
        } catch let interrupted as InstallInterrupted {
            // Die of the signal, as the shell expects, once the in-flight installs rolled back.
            signal(interrupted.signal, SIG_DFL)
            kill(getpid(), interrupted.signal)
            throw interrupted
        }
    }

    /// Downloads, unpacks and builds what is not in the cache yet; the unpacked wheels by
    /// install position. Wheels download together, each unpacked as soon as it arrives; source
    /// distributions are built one at a time; local trees were built before resolving.
    private func prepare(_ positions: [Int], cache: WheelCache, builtWheels: BuiltWheelCache) async throws -> [Int: UnpackedWheel] {
        let indexes = configuredIndexes()
        let registry = session.registry
        var unpacked: [Int: UnpackedWheel] = [:]
        var sdists: [(position: Int, item: PipInstallPlan.Item, file: SimpleFile)] = []
        var wheels: [(position: Int, item: PipInstallPlan.Item, file: SimpleFile)] = []
        for position in positions {
            let item = plan.installs[position]
            switch item.source {
            case .local(let built):
                unpacked[position] = built.state.wheel
            case .index(let indexed):
                if indexed.file.filename.hasSuffix(".whl") {
                    wheels.append((position, item, indexed.file))
                } else {
                    sdists.append((position, item, indexed.file))
                }
            }
        }
        let downloaded = try await withThrowingTaskGroup(of: (Int, UnpackedWheel?, String?).self) { group in
            for entry in wheels + sdists {
                guard case .index(let indexed) = entry.item.source else { continue }
                guard let index = indexes[indexed.indexURL] ?? indexes.values.first else {
                    throw PipPlanError.noDistribution(name: entry.item.name.description, version: entry.item.version.description)
                }
                let isWheel = entry.file.filename.hasSuffix(".whl")
                group.addTask {
                    let path: String
                    do {
                        path = try await registry.download(entry.file, package: entry.item.name, index: index)
                    } catch {
                        throw error.context("Failed to download `\(entry.item.name)==\(entry.item.version)`")
                    }
                    guard isWheel else { return (entry.position, nil, path) }
                    let wheel = try await cache.unpack(wheelPath: path, hash: Self.sha256(entry.file), filename: entry.file.filename)
                    return (entry.position, wheel, nil)
                }
            }
            var results: [(Int, UnpackedWheel?, String?)] = []
            for try await result in group { results.append(result) }
            return results
        }
        var archives: [Int: String] = [:]
        for (position, wheel, archive) in downloaded {
            if let wheel { unpacked[position] = wheel }
            if let archive { archives[position] = archive }
        }
        if !sdists.isEmpty {
            let builder = SourceBuilder(
                interpreter: environment.interpreter, installer: IndexBuildRequirementsInstaller(session: session),
                scratch: session.cache.bucket(.builds), creator: .init(name: "suv", version: SuvVersion.current),
                environment: context.environment)
            for entry in sdists {
                guard let archive = archives[entry.position] else { continue }
                let label = "\(entry.item.name)==\(entry.item.version)"
                printer.info("   Building \(label)")
                let wheel: String
                do {
                    let hex = try Self.sha256(entry.file)?.hex ?? SdistMetadataBuilder.sha256(of: archive)
                    wheel = try await builtWheels.build(name: entry.item.name, sdistSHA256: hex) { output in
                        try await builder.build(sdist: archive, outputDirectory: output)
                    }
                } catch {
                    throw error.context("Failed to build `\(label)`",
                                        hints: ["Build failures usually indicate a problem with the package or the build environment"])
                }
                printer.info("      Built \(label)")
                unpacked[entry.position] = try await cache.unpack(wheelPath: wheel)
            }
        }
        for position in positions {
            guard case .local(let built) = plan.installs[position].source else { continue }
            printer.info("   Building \(built.label)")
            printer.info("      Built \(built.label)")
        }
        return unpacked
    }

    /// Removes what goes, installs what comes, and prints the summary lines and the changes.
    private func change(unpacked: [Int: UnpackedWheel], directURLs: [Int: DirectURL]) async throws {
        let scheme = environment.scheme
        if !plan.removals.isEmpty {
            let started = ContinuousClock.now
            for package in plan.removals {
                if let signal = InstallInterruption.signal { throw InstallInterrupted(signal: signal) }
                try PipRemoval.remove(package, scheme: scheme)
            }
            printer.info(printer.stderrPaint.dimmed(
                "Uninstalled \(Plural.count(plan.removals.count, "package")) in \(ElapsedFormat.format(started.duration(to: .now)))"))
        }
        let started = ContinuousClock.now
        let options = InstallOptions(linkMode: linkMode, requested: true, installer: "suv")
        let wheels = plan.installs.indices.compactMap { position in
            unpacked[position].map { wheel in
                var options = options
                options.directURL = directURLs[position]
                return (wheel: wheel, options: options)
            }
        }
        let results = try await WheelInstaller.install(wheels, into: scheme)
        var warned: Set<String> = []
        for result in results {
            for fallback in result.fallbacks {
                if let warning = fallback.warning, warned.insert(warning).inserted { context.warn([warning]) }
            }
        }
        if !wheels.isEmpty {
            printer.info(printer.stderrPaint.dimmed(
                "Installed \(Plural.count(wheels.count, "package")) in \(ElapsedFormat.format(started.duration(to: .now)))"))
        }
        if compileBytecode {
            let failures = try await BytecodeCompiler.compile(directories: environment.sitePackages, interpreter: environment.interpreter.executable)
            for failure in failures { context.warn(["Failed to compile `\(failure.path)`: \(failure.message)"]) }
        }

        // A removal and an install of the same distribution is a reinstall (`~`).
        var removed = plan.removals.map { PipOutput.Change(name: $0.name, kind: .removed, suffix: $0.changeSuffix) }
        var lines: [PipOutput.Change] = []
        for item in plan.installs {
            let added = PipOutput.Change(name: item.name, kind: .added, suffix: item.changeSuffix)
            if let match = removed.firstIndex(where: { $0.name == added.name && $0.suffix == added.suffix }) {
                removed.remove(at: match)
                lines.append(PipOutput.Change(name: item.name, kind: .reinstalled, suffix: added.suffix))
            } else {
                lines.append(added)
            }
        }
        PipOutput.print(removed + lines, printer: printer)
    }

    /// Every configured index and find-links location by URL, as resolved files name them.
    private func configuredIndexes() -> [String: ConfiguredIndex] {
        var indexes: [String: ConfiguredIndex] = [:]
        for index in session.settings.indexes.searchOrder + session.settings.indexes.findLinks where indexes[index.url.string] == nil {
            indexes[index.url.string] = index
        }
        return indexes
    }

    static func sha256(_ file: SimpleFile) -> SHA256Digest? {
        file.hashes.first { $0.algorithm == .sha256 }.flatMap { SHA256Digest(hex: $0.value) }
    }
}

/// Removing one installed distribution, whatever installed it.
enum PipRemoval {
    static func remove(_ package: PipInstalledPackage, scheme: InstallScheme) throws {
        let distribution = package.distribution
        switch distribution.kind {
        case .distInfo where distribution.isBroken:
            // An install that never finished: no RECORD to follow.
            let code = DirectoryListing.removeTree(distribution.path)
            if code != 0 { throw SyncError.removal(path: distribution.path, reason: String(cString: strerror(code))) }
        case .distInfo:
            _ = try WheelUninstaller.uninstall(distInfo: distribution.path, scheme: scheme)
        case .eggInfo:
            _ = try WheelUninstaller.uninstallEgg(eggInfo: distribution.path)
        }
    }
}

/// The summary and change lines the `pip` commands print.
enum PipOutput {
    struct Change: Sendable {
        enum Kind: Int, Sendable, Comparable {
            case removed, added, reinstalled

            static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        let name: PackageName
        let kind: Kind
        let suffix: String
    }

    /// `Checked 2 packages in 0.51ms` (`Checked in …` for none).
    static func checked(_ count: Int, since started: ContinuousClock.Instant, printer: Printer) {
        let elapsed = ElapsedFormat.format(started.duration(to: .now))
        let text = count == 0 ? "Checked in \(elapsed)" : "Checked \(Plural.count(count, "package")) in \(elapsed)"
        printer.info(printer.stderrPaint.dimmed(text))
    }

    /// `Resolved 3 packages in 12ms` (`Resolved in …` for none).
    static func resolved(_ count: Int, since started: ContinuousClock.Instant, printer: Printer) {
        let elapsed = ElapsedFormat.format(started.duration(to: .now))
        let text = count == 0 ? "Resolved in \(elapsed)" : "Resolved \(Plural.count(count, "package")) in \(elapsed)"
        printer.info(printer.stderrPaint.dimmed(text))
    }

    /// The change list, by name, then removals before additions before reinstalls.
    static func print(_ changes: [Change], printer: Printer) {
        let paint = printer.stderrPaint
        let sorted = changes.sorted { ($0.name, $0.kind, $0.suffix) < ($1.name, $1.kind, $1.suffix) }
        for change in sorted {
            let symbol: String
            switch change.kind {
            case .removed: symbol = paint.red("-")
            case .added: symbol = paint.green("+")
            case .reinstalled: symbol = paint.yellow("~")
            }
            printer.info(" \(symbol) \(paint.bold(change.name.description))\(paint.dimmed(change.suffix))")
        }
    }
}
