import Console

/// The global options after the environment has been consulted: what every command runs with.
///
/// Built by ``resolve(_:environment:)``, a pure function of the parsed flags and an environment
/// dictionary. A flag given on the command line beats its `UV_*` variable, as with clap's `env`.
package struct GlobalSettings: Equatable, Sendable {
    /// `-q` count.
    package var quiet: Int
    /// `-v` count.
    package var verbose: Int
    /// `--color`, else `NO_COLOR`, else `FORCE_COLOR`/`CLICOLOR_FORCE`, else `auto`.
    package var color: ColorChoice
    /// `--offline` / `UV_OFFLINE`.
    package var offline: Bool
    /// `--no-progress` / `UV_NO_PROGRESS`.
    package var noProgress: Bool
    /// `--system-certs` (or the deprecated `--native-tls`) / `UV_SYSTEM_CERTS` / `UV_NATIVE_TLS`.
    package var systemCerts: Bool
    /// `--allow-insecure-host` / `UV_INSECURE_HOST` (space-separated).
    package var allowInsecureHosts: [String]
    /// `--cache-dir` / `UV_CACHE_DIR`.
    package var cacheDir: String?
    /// `--no-cache` / `UV_NO_CACHE`.
    package var noCache: Bool
    /// `--directory` / `UV_WORKING_DIR`.
    package var directory: String?
    /// `--project` / `UV_PROJECT`.
    package var project: String?
    /// `--config-file` / `UV_CONFIG_FILE`.
    package var configFile: String?
    /// `--no-config` / `UV_NO_CONFIG`.
    package var noConfig: Bool
    /// `UV_PROJECT_ENVIRONMENT`: the project's virtual environment, relative to the workspace root.
    package var projectEnvironment: String?
    /// Warnings to show once output is set up (deprecated spellings and the like).
    package var warnings: [String]

    package init(
        quiet: Int = 0, verbose: Int = 0, color: ColorChoice = .auto, offline: Bool = false,
        noProgress: Bool = false, systemCerts: Bool = false, allowInsecureHosts: [String] = [],
        cacheDir: String? = nil, noCache: Bool = false, directory: String? = nil,
        project: String? = nil, configFile: String? = nil, noConfig: Bool = false,
        projectEnvironment: String? = nil, warnings: [String] = []
    ) {
        self.quiet = quiet
        self.verbose = verbose
        self.color = color
        self.offline = offline
        self.noProgress = noProgress
        self.systemCerts = systemCerts
        self.allowInsecureHosts = allowInsecureHosts
        self.cacheDir = cacheDir
        self.noCache = noCache
        self.directory = directory
        self.project = project
        self.configFile = configFile
        self.noConfig = noConfig
        self.projectEnvironment = projectEnvironment
        self.warnings = warnings
    }

    /// Resolves the global flags against the environment.
    ///
    /// - Throws: ``UsageError`` for a variable clap would reject (`UV_OFFLINE=maybe`, an empty
    ///   `UV_CACHE_DIR`), or for `-q` together with `-v`.
    package static func resolve(
        _ flags: GlobalFlags,
        environment: [String: String]
    ) throws(UsageError) -> GlobalSettings {
        if flags.quiet > 0 && flags.verbose > 0 {
            throw UsageError("the argument '--quiet...' cannot be used with '--verbose...'")
        }
        let env = EnvironmentReader(environment)
        var warnings: [String] = []
        if flags.nativeTLS {
            warnings.append(
                "The `--native-tls` flag is deprecated and will be removed in a future release. Use `--system-certs` instead."
            )
        }
        var systemCerts = flags.systemCerts || flags.nativeTLS
        if !systemCerts {
            if let variable = try env.bool("UV_SYSTEM_CERTS", option: "--system-certs") {
                systemCerts = variable
            } else {
                systemCerts = try env.bool("UV_NATIVE_TLS", option: "--native-tls") ?? false
            }
        }
        let color = flags.color ?? (flags.noColor ? .never : nil)
        return GlobalSettings(
            quiet: flags.quiet,
            verbose: flags.verbose,
            color: ColorChoice.resolve(flag: color, environment: environment),
            offline: try env.flag(flags.offline, "UV_OFFLINE", option: "--offline"),
            noProgress: try env.flag(flags.noProgress, "UV_NO_PROGRESS", option: "--no-progress"),
            systemCerts: systemCerts,
            allowInsecureHosts: env.list(flags.allowInsecureHost, "UV_INSECURE_HOST", separator: " "),
            cacheDir: try env.string(flags.cacheDir, "UV_CACHE_DIR", option: "--cache-dir <CACHE_DIR>"),
            noCache: try env.flag(flags.noCache, "UV_NO_CACHE", option: "--no-cache"),
            directory: try env.string(flags.directory, "UV_WORKING_DIR", option: "--directory <DIRECTORY>"),
            project: try env.string(flags.project, "UV_PROJECT", option: "--project <PROJECT>"),
            configFile: try env.string(flags.configFile, "UV_CONFIG_FILE", option: "--config-file <CONFIG_FILE>"),
            noConfig: try env.flag(flags.noConfig, "UV_NO_CONFIG", option: "--no-config"),
            projectEnvironment: env.raw("UV_PROJECT_ENVIRONMENT").flatMap { $0.isEmpty ? nil : $0 },
            warnings: warnings
        )
    }
}
