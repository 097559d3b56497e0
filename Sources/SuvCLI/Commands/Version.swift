import ArgumentParser

/// `suv version`: read or update the project's version.
package struct Version: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Read or update the project's version",
        usage: "suv version [OPTIONS] [VALUE]"
    )

    @Argument(help: ArgumentHelp("Set the project version to this value", valueName: "VALUE"))
    package var value: String?

    @Option(help: ArgumentHelp("Update the project version using the given semantics", valueName: "BUMP[=VALUE]"))
    package var bump: [VersionBump] = []

    @Flag(name: .customLong("dry-run"), help: "Don't write a new version to the `pyproject.toml`")
    package var dryRun = false

    @Flag(help: "Only show the version")
    package var short = false

    @Option(name: .customLong("output-format"), help: ArgumentHelp("The format of the output", valueName: "OUTPUT_FORMAT"))
    package var outputFormat: OutputFormat = .text

    @Flag(
        name: .customLong("no-sync"),
        help: "Avoid syncing the virtual environment after re-locking the project [env: UV_NO_SYNC=]"
    )
    package var noSync = false

    @Flag(help: "Prefer the active virtual environment over the project's virtual environment")
    package var active = false

    @Flag(inversion: .prefixedNo, help: "Assert that the `uv.lock` will remain unchanged [env: UV_LOCKED=]")
    package var locked: Bool?

    @Flag(inversion: .prefixedNo, help: "Update the version without re-locking the project [env: UV_FROZEN=]")
    package var frozen: Bool?

    @Option(name: .customLong("package"), help: ArgumentHelp(
        "Update the version of a specific package in the workspace",
        valueName: "PACKAGE"
    ))
    package var member: String?

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Installer options") package var installer: InstallerOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("[VALUE]", value != nil), ("--bump <BUMP[=VALUE]>", !bump.isEmpty))
        try Conflicts.exclusive(("--frozen", frozen == true), ("--locked", locked == true))
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> VersionRequest {
        let env = EnvironmentReader(environment)
        let mode = try LockModeResolver.resolve(frozen: frozen, locked: locked, environment: env)
        let resolver = try resolver.settings(environment: environment)
        return VersionRequest(
            value: value,
            bumps: bump,
            dryRun: dryRun,
            short: short,
            outputFormat: outputFormat,
            noSync: try env.flag(noSync, "UV_NO_SYNC", option: "--no-sync"),
            active: active,
            mode: mode.mode,
            member: member,
            index: try index.settings(environment: environment),
            resolver: resolver,
            installer: try installer.settings(environment: environment),
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            warnings: mode.warnings + resolver.warnings
        )
    }
}

/// A parsed `suv version`.
package struct VersionRequest: CommandRequest, Equatable {
    /// The version to set, if any.
    package var value: String?
    /// The `--bump` components, in the order given.
    package var bumps: [VersionBump]
    package var dryRun: Bool
    package var short: Bool
    package var outputFormat: OutputFormat
    package var noSync: Bool
    package var active: Bool
    package var mode: LockMode
    /// `--package`: the workspace member whose version to read or change.
    package var member: String?
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var installer: InstallerSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}
