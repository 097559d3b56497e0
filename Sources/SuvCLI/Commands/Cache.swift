import ArgumentParser
import Cache
import Console
import SuvBasics
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `suv cache`: manage suv's cache.
package struct Cache: SuvCommandGroup, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Manage suv's cache",
        usage: "suv cache [OPTIONS] <COMMAND>",
        subcommands: [CacheClean.self, CachePrune.self, CacheDir.self]
    )

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv cache clean`: clear the cache, entirely or for some packages.
package struct CacheClean: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clear the cache, removing all entries or those linked to specific packages",
        usage: "suv cache clean [OPTIONS] [PACKAGE]..."
    )

    @Argument(help: ArgumentHelp("The packages to remove from the cache", valueName: "PACKAGE"))
    package var packages: [String] = []

    @Flag(help: "Force removal of the cache, ignoring in-use checks")
    package var force = false

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    /// Rejects package names clap would reject, in uv's words.
    package func validate() throws {
        for name in packages where !PackageName.isValid(name) {
            throw ValidationError(
                "invalid value '\(name)' for '[PACKAGE]...': Not a valid package or extra name: \"\(name)\". "
                    + "Names must start and end with a letter or digit and may only contain -, _, ., and alphanumeric characters."
            )
        }
    }

    /// Prints `Clearing cache at: <dir>` (only when clearing everything), removes the entries,
    /// then prints the summary (`Removed 12 files (1.4MiB)` or `No cache entries found`).
    package func run(context: CommandContext) async throws {
        try await CacheCommandSupport.withCache(global: global.flags, context: context, force: force) { store, display in
            let summary: RemovalSummary
            if packages.isEmpty {
                context.printer.info("Clearing cache at: \(context.printer.stderrPaint.cyan(display))")
                do {
                    summary = try store.clear()
                } catch {
                    throw error.context("Failed to clear cache at: \(display)")
                }
            } else {
                summary = try store.remove(packages: packages.map(PackageName.init))
            }
            CacheCommandSupport.printSummary(summary, emptyMessage: "No cache entries found", context: context)
        }
    }
}

/// `suv cache prune`: prune dangling cache entries.
package struct CachePrune: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Prune dangling cache entries and cached environments",
        usage: "suv cache prune [OPTIONS]"
    )

    @Flag(help: "Optimize the cache for persistence in a continuous integration environment, like GitHub Actions")
    package var ci = false

    @Flag(help: "Force removal of the cache, ignoring in-use checks")
    package var force = false

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    /// Prints `Pruning cache at: <dir>`, prunes, then prints the summary
    /// (`Removed 145 files (648.0KiB)` or `No unused entries found`).
    package func run(context: CommandContext) async throws {
        try await CacheCommandSupport.withCache(global: global.flags, context: context, force: force) { store, display in
            context.printer.info("Pruning cache at: \(context.printer.stderrPaint.cyan(display))")
            let summary: RemovalSummary
            do {
                summary = try store.prune(ci: ci)
            } catch {
                throw error.context("Failed to prune cache at: \(display)")
            }
            CacheCommandSupport.printSummary(summary, emptyMessage: "No unused entries found", context: context)
        }
    }
}

/// `suv cache dir`: show the cache directory.
package struct CacheDir: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "dir",
        abstract: "Show the cache directory",
        usage: "suv cache dir [OPTIONS]"
    )

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    /// Prints the cache directory to stdout, as configured (a relative `--cache-dir` stays
    /// relative). With `--no-cache`, the temporary directory this invocation would use.
    package func run(context: CommandContext) async throws {
        if context.settings.noCache {
            let temporary = try TemporaryCacheDirectory(environment: context.environment)
            defer { temporary.remove() }
            context.printer.data(context.printer.stdoutPaint.cyan(temporary.path))
            return
        }
        let root = try CacheCommandSupport.root(global: global.flags, context: context)
        context.printer.data(context.printer.stdoutPaint.cyan(root.path))
    }
}

/// What the three `suv cache` commands share: finding the cache, locking it, and reporting.
enum CacheCommandSupport {
    /// The cache root: `--cache-dir`, else `SUV_CACHE_DIR`, else `UV_CACHE_DIR` (resolved by
    /// ``GlobalSettings``), else `$XDG_CACHE_HOME/suv`, else `~/.cache/suv`.
    static func root(global: GlobalFlags, context: CommandContext) throws(CacheError) -> CacheRoot {
        let flag = global.cacheDir
        // `settings.cacheDir` is `--cache-dir` or, without the flag, `UV_CACHE_DIR`.
        let uvCacheDir = flag == nil ? context.settings.cacheDir : nil
        return try CacheRoot.resolve(flag: flag, inherited: uvCacheDir, environment: context.environment)
    }

    /// The directory relative paths are taken from: `--directory` if given, else the process's.
    static func currentDirectory(settings: GlobalSettings) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let process = getcwd(&buffer, buffer.count) != nil
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : "/"
        guard let directory = settings.directory, !directory.isEmpty else { return process }
        return directory.hasPrefix("/") ? directory : process + "/" + directory
    }

    /// Runs `body` with the cache held exclusively, as uv's `cache clean` and `cache prune` do.
    ///
    /// Prints `No cache found at: <dir>` and returns when the cache does not exist. When another
    /// suv holds the cache, waits after saying so, unless `force` is set. `body` receives the
    /// store and the directory as shown to the user.
    static func withCache(
        global: GlobalFlags,
        context: CommandContext,
        force: Bool,
        _ body: (CacheStore, String) async throws -> Void
    ) async throws {
        let cwd = currentDirectory(settings: context.settings)
        var temporary: TemporaryCacheDirectory?
        defer { temporary?.remove() }
        let root: CacheRoot
        if context.settings.noCache {
            let directory = try TemporaryCacheDirectory(environment: context.environment)
            temporary = directory
            root = directory.root
        } else {
            root = try Self.root(global: global, context: context)
        }
        let store = CacheStore(root: root.absolutePath(relativeTo: cwd))
        let display = PathDisplay.user(root.path, currentDirectory: cwd)
        guard store.exists else {
            context.printer.info("No cache found at: \(context.printer.stderrPaint.cyan(display))")
            return
        }
        var lock = try store.tryLockExclusive()
        if lock == nil && !force {
            context.printer.info(
                "Cache is currently in-use, waiting for other suv processes to finish (use `--force` to override)"
            )
            lock = try await store.lockExclusive()
        }
        defer { lock?.release() }
        try await body(store, display)
    }

    /// Prints the removal summary line (the size in green).
    static func printSummary(_ summary: RemovalSummary, emptyMessage: String, context: CommandContext) {
        let paint = context.printer.stderrPaint
        context.printer.info(summary.summaryLine(emptyMessage: emptyMessage, size: paint.green))
    }
}
