import ArgumentParser

/// `suv sync`: update the project's environment.
package struct Sync: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Update the project's environment",
        usage: "suv sync [OPTIONS]"
    )

    @OptionGroup package var extras: ExtraOptions

    @Option(name: .customLong("output-format"), help: ArgumentHelp("Select the output format", valueName: "OUTPUT_FORMAT"))
    package var outputFormat: OutputFormat = .text

    @OptionGroup package var groups: DependencyGroupOptions

    /// suv's older spelling of `--no-dev`.
    @Flag(help: .hidden)
    package var production = false

    @Flag(
        name: .customLong("no-editable"),
        help: "Install any editable dependencies, including the project and any workspace members, as non-editable [env: UV_NO_EDITABLE=]"
    )
    package var noEditable = false

    @Flag(exclusivity: .chooseLast)
    package var exactness: SyncExactness?

    @Flag(help: "Sync dependencies to the active virtual environment")
    package var active = false

    @Flag(name: .customLong("no-install-project"), help: "Do not install the current project [env: UV_NO_INSTALL_PROJECT=]")
    package var noInstallProject = false

    @Flag(
        name: .customLong("no-install-workspace"),
        help: "Do not install any workspace members, including the root project [env: UV_NO_INSTALL_WORKSPACE=]"
    )
    package var noInstallWorkspace = false

    @Flag(name: .customLong("no-install-local"), help: "Do not install local path dependencies [env: UV_NO_INSTALL_LOCAL=]")
    package var noInstallLocal = false

    @Option(name: .customLong("no-install-package"), help: ArgumentHelp("Do not install the given package(s)", valueName: "NO_INSTALL_PACKAGE"))
    package var noInstallPackage: [String] = []

    @Flag(inversion: .prefixedNo, help: "Assert that the `uv.lock` will remain unchanged [env: UV_LOCKED=]")
    package var locked: Bool?

    @Flag(inversion: .prefixedNo, help: "Sync without updating the `uv.lock` file [env: UV_FROZEN=]")
    package var frozen: Bool?

    @Flag(
        name: .customLong("dry-run"),
        help: "Perform a dry run, without writing the lockfile or modifying the project environment"
    )
    package var dryRun = false

    @Flag(name: .customLong("all-packages"), help: "Sync all packages in the workspace")
    package var allPackages = false

    @Option(name: .customLong("package"), help: ArgumentHelp("Sync for specific packages in the workspace", valueName: "PACKAGE"))
    package var packages: [String] = []

    @Option(help: ArgumentHelp("Sync the environment for a Python script, rather than the current project", valueName: "SCRIPT"))
    package var script: String?

    @Option(name: .customLong("python-platform"), help: ArgumentHelp(
        "The platform for which requirements should be installed",
        valueName: "PYTHON_PLATFORM"
    ))
    package var pythonPlatform: String?

    @Flag(help: "Check if the Python environment is synchronized with the project")
    package var check = false

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Installer options") package var installer: InstallerOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--frozen", frozen == true), ("--locked", locked == true))
        try Conflicts.exclusive(("--production", production), ("--only-dev", groups.onlyDev))
        try Conflicts.exclusive(("--package <PACKAGE>", !packages.isEmpty), ("--all-packages", allPackages))
        try Conflicts.exclusive(("--script <SCRIPT>", script != nil), with: [
            ("--package <PACKAGE>", !packages.isEmpty), ("--all-packages", allPackages),
        ])
        try extras.validate(against: groups)
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> SyncRequest {
        try SyncRequest.resolve(
            frozen: frozen, locked: locked, extras: extras.selection,
            groups: try groups.selection(environment: environment, noDevAlias: production),
            exact: exactness != .inexact, noEditable: noEditable, noInstallProject: noInstallProject,
            noInstallWorkspace: noInstallWorkspace, noInstallLocal: noInstallLocal, noInstallPackages: noInstallPackage,
            active: active, dryRun: dryRun, check: check, packages: packages, allPackages: allPackages, script: script,
            pythonPlatform: pythonPlatform, outputFormat: outputFormat,
            index: try index.settings(environment: environment),
            resolver: try resolver.settings(environment: environment),
            installer: try installer.settings(environment: environment),
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            environment: environment
        )
    }
}

extension SyncRequest {
    /// The request for these option values (defaults: not given), resolved against the
    /// environment as ``Sync/request(environment:)`` resolves parsed ones.
    package static func resolve(
        frozen: Bool?, locked: Bool?, extras: ExtraSelection = ExtraSelection(), groups: DependencyGroupSelection,
        exact: Bool = true, noEditable: Bool = false, noInstallProject: Bool = false, noInstallWorkspace: Bool = false,
        noInstallLocal: Bool = false, noInstallPackages: [String] = [], active: Bool = false, dryRun: Bool = false,
        check: Bool = false, packages: [String] = [], allPackages: Bool = false, script: String? = nil,
        pythonPlatform: String? = nil, outputFormat: OutputFormat = .text, index: IndexSettings,
        resolver: ResolverSettings, installer: InstallerSettings, refresh: RefreshSettings = RefreshSettings(),
        python: PythonSettings, environment: [String: String]
    ) throws(UsageError) -> SyncRequest {
        let env = EnvironmentReader(environment)
        let mode = try LockModeResolver.resolve(frozen: frozen, locked: locked, environment: env)
        return SyncRequest(
            mode: mode.mode,
            extras: extras,
            groups: groups,
            exact: exact,
            noEditable: try env.flag(noEditable, "UV_NO_EDITABLE", option: "--no-editable"),
            noInstallProject: try env.flag(noInstallProject, "UV_NO_INSTALL_PROJECT", option: "--no-install-project"),
            noInstallWorkspace: try env.flag(noInstallWorkspace, "UV_NO_INSTALL_WORKSPACE", option: "--no-install-workspace"),
            noInstallLocal: try env.flag(noInstallLocal, "UV_NO_INSTALL_LOCAL", option: "--no-install-local"),
            noInstallPackages: noInstallPackages,
            active: active,
            dryRun: dryRun,
            check: check,
            packages: packages,
            allPackages: allPackages,
            script: script,
            pythonPlatform: pythonPlatform,
            outputFormat: outputFormat,
            index: index,
            resolver: resolver,
            installer: installer,
            refresh: refresh,
            python: python,
            warnings: mode.warnings + resolver.warnings
        )
    }
}

/// `--exact` (the default for `sync`), `--inexact`, and suv's `--clean` (an exact sync).
package enum SyncExactness: String, EnumerableFlag, Sendable {
    case exact
    case clean
    case inexact

    package static func help(for value: SyncExactness) -> ArgumentHelp? {
        switch value {
        case .exact: "Perform an exact sync, removing extraneous packages (the default)"
        case .clean: .hidden
        case .inexact: "Do not remove extraneous packages present in the environment"
        }
    }
}

/// A parsed `suv sync`.
package struct SyncRequest: CommandRequest, Equatable {
    package var mode: LockMode
    package var extras: ExtraSelection
    package var groups: DependencyGroupSelection
    /// Remove packages that are not in the lockfile (`--exact`/`--clean`, the default).
    package var exact: Bool
    package var noEditable: Bool
    package var noInstallProject: Bool
    package var noInstallWorkspace: Bool
    package var noInstallLocal: Bool
    package var noInstallPackages: [String]
    package var active: Bool
    package var dryRun: Bool
    package var check: Bool
    package var packages: [String]
    package var allPackages: Bool
    package var script: String?
    package var pythonPlatform: String?
    package var outputFormat: OutputFormat
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var installer: InstallerSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}
