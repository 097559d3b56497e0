import ArgumentParser

/// `suv upgrade` (beyond uv; uv issue #6794): raise the lower bounds in `pyproject.toml` to the
/// newest versions the constraints allow, then lock and sync.
package struct Upgrade: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Raise the lower bounds of the project's dependencies to the newest versions allowed",
        usage: "suv upgrade [OPTIONS] [PACKAGES]..."
    )

    @Argument(help: ArgumentHelp("Only these dependencies (default: all of them)", valueName: "PACKAGES"))
    package var packages: [String] = []

    @Flag(help: "Show what would change without writing `pyproject.toml` or `uv.lock`")
    package var dryRun = false

    @Flag(name: .customLong("no-sync"), help: "Avoid syncing the virtual environment [env: UV_NO_SYNC=]")
    package var noSync = false

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Installer options") package var installer: InstallerOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func request(environment: [String: String]) throws(UsageError) -> UpgradeRequest {
        let env = EnvironmentReader(environment)
        var resolver = try resolver.settings(environment: environment)
        if packages.isEmpty { resolver.upgrade = true } else { resolver.upgradePackages += packages }
        return UpgradeRequest(
            packages: packages, dryRun: dryRun,
            noSync: try env.flag(noSync, "UV_NO_SYNC", option: "--no-sync"),
            index: try index.settings(environment: environment), resolver: resolver,
            installer: try installer.settings(environment: environment), refresh: refresh.settings,
            python: try python.settings(environment: environment), warnings: resolver.warnings)
    }
}

/// A parsed `suv upgrade`.
package struct UpgradeRequest: CommandRequest, Equatable {
    package var packages: [String]
    package var dryRun: Bool
    package var noSync: Bool
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var installer: InstallerSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}
