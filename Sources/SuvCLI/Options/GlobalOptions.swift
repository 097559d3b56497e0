import ArgumentParser
import Console

/// Options every suv command accepts, before or after the subcommand name (uv's "Global
/// options" plus its global cache options, and `-V/--version`, which prints suv's version
/// wherever it appears, like a propagated clap version flag).
///
/// The root command and every subcommand include this group. The argument parser decodes it once,
/// at the root, and hands the same value to the subcommand, so `suv -q lock` and `suv lock -q`
/// mean the same thing. `suv run` is the exception: the root stops parsing at `run` (everything
/// after the command to run belongs to that command), so `run` declares its own copy,
/// ``PassthroughGlobalOptions``, and merges it with the root's (see ``GlobalFlags/merged(with:)``).
///
/// `Scope` only makes the two copies distinct types; it is never instantiated.
package struct GlobalOptionSet<Scope>: ParsableArguments, Sendable {
    @Flag(name: .shortAndLong, help: "Use quiet output")
    package var quiet: Int

    @Flag(name: .shortAndLong, help: "Use verbose output")
    package var verbose: Int

    @Option(help: ArgumentHelp("Control the use of color in output", valueName: "COLOR_CHOICE"))
    package var color: ColorChoice?

    @Flag(name: .customLong("no-color"), help: .hidden)
    package var noColor = false

    @Flag(
        name: .customLong("system-certs"),
        help: "Whether to load TLS certificates from the platform's native certificate store [env: UV_SYSTEM_CERTS=]"
    )
    package var systemCerts = false

    @Flag(
        name: .customLong("native-tls"),
        help: "(Deprecated: use `--system-certs` instead) Whether to load TLS certificates from the platform's native certificate store [env: UV_NATIVE_TLS=]"
    )
    package var nativeTLS = false

    @Flag(help: "Disable network access [env: UV_OFFLINE=]")
    package var offline = false

    @Option(
        name: .customLong("allow-insecure-host"),
        help: ArgumentHelp("Allow insecure connections to a host [env: UV_INSECURE_HOST=]", valueName: "ALLOW_INSECURE_HOST")
    )
    package var allowInsecureHost: [String] = []

    @Flag(name: .customLong("no-progress"), help: "Hide all progress outputs [env: UV_NO_PROGRESS=]")
    package var noProgress = false

    @Option(help: ArgumentHelp(
        "Change to the given directory prior to running the command [env: UV_WORKING_DIR=]",
        valueName: "DIRECTORY"
    ))
    package var directory: String?

    @Option(help: ArgumentHelp("Discover a project in the given directory [env: UV_PROJECT=]", valueName: "PROJECT"))
    package var project: String?

    @Option(
        name: .customLong("config-file"),
        help: ArgumentHelp("The path to a `uv.toml` file to use for configuration [env: UV_CONFIG_FILE=]", valueName: "CONFIG_FILE")
    )
    package var configFile: String?

    @Flag(
        name: .customLong("no-config"),
        help: "Avoid discovering configuration files (`pyproject.toml`, `uv.toml`) [env: UV_NO_CONFIG=]"
    )
    package var noConfig = false

    @Flag(
        name: [.customShort("n"), .customLong("no-cache")],
        help: "Avoid reading from or writing to the cache, instead using a temporary directory for the duration of the operation [env: UV_NO_CACHE=]"
    )
    package var noCache = false

    @Flag(name: [.customShort("V"), .customLong("version")], help: "Display the suv version")
    package var version = false

    @Option(
        name: .customLong("cache-dir"),
        help: ArgumentHelp("Path to the cache directory [env: UV_CACHE_DIR=]", valueName: "CACHE_DIR")
    )
    package var cacheDir: String?

    package init() {}

    package func validate() throws {
        if quiet > 0 && verbose > 0 {
            throw ValidationError("the argument '--quiet...' cannot be used with '--verbose...'")
        }
    }

    /// The parsed values as plain data.
    package var flags: GlobalFlags {
        GlobalFlags(
            quiet: quiet, verbose: verbose, color: color, noColor: noColor,
            systemCerts: systemCerts, nativeTLS: nativeTLS, offline: offline,
            allowInsecureHost: allowInsecureHost, noProgress: noProgress,
            directory: directory, project: project, configFile: configFile, noConfig: noConfig,
            noCache: noCache, cacheDir: cacheDir, version: version
        )
    }
}

/// Scope of the global options decoded by the root command and shared with its subcommands.
package enum SharedScope {}
/// Scope of `suv run`'s own copy of the global options.
package enum PassthroughScope {}

/// The global options of every command but `run`.
package typealias GlobalOptions = GlobalOptionSet<SharedScope>
/// `suv run`'s copy of the global options (see ``GlobalOptionSet``).
package typealias PassthroughGlobalOptions = GlobalOptionSet<PassthroughScope>

/// The global options as given on the command line, before the environment is consulted.
package struct GlobalFlags: Equatable, Sendable {
    package var quiet = 0
    package var verbose = 0
    package var color: ColorChoice?
    package var noColor = false
    package var systemCerts = false
    package var nativeTLS = false
    package var offline = false
    package var allowInsecureHost: [String] = []
    package var noProgress = false
    package var directory: String?
    package var project: String?
    package var configFile: String?
    package var noConfig = false
    package var noCache = false
    package var cacheDir: String?
    /// `-V`/`--version`: print suv's version instead of running the command.
    package var version = false

    package init(
        quiet: Int = 0, verbose: Int = 0, color: ColorChoice? = nil, noColor: Bool = false,
        systemCerts: Bool = false, nativeTLS: Bool = false, offline: Bool = false,
        allowInsecureHost: [String] = [], noProgress: Bool = false,
        directory: String? = nil, project: String? = nil, configFile: String? = nil,
        noConfig: Bool = false, noCache: Bool = false, cacheDir: String? = nil, version: Bool = false
    ) {
        self.quiet = quiet
        self.verbose = verbose
        self.color = color
        self.noColor = noColor
        self.systemCerts = systemCerts
        self.nativeTLS = nativeTLS
        self.offline = offline
        self.allowInsecureHost = allowInsecureHost
        self.noProgress = noProgress
        self.directory = directory
        self.project = project
        self.configFile = configFile
        self.noConfig = noConfig
        self.noCache = noCache
        self.cacheDir = cacheDir
        self.version = version
    }

    /// These flags (given first) combined with `later` ones: counts add up, lists concatenate,
    /// switches are on if either is, and a later value replaces an earlier one.
    package func merged(with later: GlobalFlags) -> GlobalFlags {
        GlobalFlags(
            quiet: quiet + later.quiet,
            verbose: verbose + later.verbose,
            color: later.color ?? color,
            noColor: noColor || later.noColor,
            systemCerts: systemCerts || later.systemCerts,
            nativeTLS: nativeTLS || later.nativeTLS,
            offline: offline || later.offline,
            allowInsecureHost: allowInsecureHost + later.allowInsecureHost,
            noProgress: noProgress || later.noProgress,
            directory: later.directory ?? directory,
            project: later.project ?? project,
            configFile: later.configFile ?? configFile,
            noConfig: noConfig || later.noConfig,
            noCache: noCache || later.noCache,
            cacheDir: later.cacheDir ?? cacheDir,
            version: version || later.version
        )
    }
}
