import ArgumentParser

/// `suv pip install`: install packages into an environment.
package struct PipInstall: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install packages into an environment",
        usage: "suv pip install [OPTIONS] <PACKAGE|--requirements <REQUIREMENTS>|--editable <EDITABLE>|--group <GROUP>>"
    )

    @Argument(help: ArgumentHelp("Install all listed packages", valueName: "PACKAGE"))
    package var packages: [String] = []

    @Option(name: [.customShort("r"), .customLong("requirements")], help: ArgumentHelp(
        "Install the packages listed in the given files",
        valueName: "REQUIREMENTS"
    ))
    package var requirements: [String] = []

    @Option(name: [.customShort("e"), .customLong("editable")], help: ArgumentHelp(
        "Install the editable package based on the provided local file path",
        valueName: "EDITABLE"
    ))
    package var editable: [String] = []

    @OptionGroup package var requirementOptions: PipRequirementOptions

    @Option(help: ArgumentHelp("Override versions using the given requirements files [env: UV_OVERRIDE=]", valueName: "OVERRIDES"))
    package var overrides: [String] = []

    @Option(help: ArgumentHelp(
        "Install the specified dependency group from a `pylock.toml` or `pyproject.toml`",
        valueName: "GROUP"
    ))
    package var group: [String] = []

    @Flag(
        name: .customLong("no-deps"),
        help: "Ignore package dependencies, instead only installing those packages explicitly listed on the command line or in the requirements files"
    )
    package var noDeps = false

    @Flag(name: .customLong("require-hashes"), help: "Require a matching hash for each requirement [env: UV_REQUIRE_HASHES=]")
    package var requireHashes = false

    @OptionGroup package var environment: PipEnvironmentOptions

    @Option(name: .customLong("python-version"), help: ArgumentHelp(
        "The minimum Python version that should be supported by the requirements (e.g., `3.7` or `3.7.9`)",
        valueName: "PYTHON_VERSION"
    ))
    package var pythonVersion: String?

    @Option(name: .customLong("python-platform"), help: ArgumentHelp(
        "The platform for which requirements should be installed",
        valueName: "PYTHON_PLATFORM"
    ))
    package var pythonPlatform: String?

    @Flag(help: "Perform an exact sync, removing extraneous packages")
    package var exact = false

    @Flag(help: "Validate the Python environment after completing the installation, to detect packages with missing dependencies or other issues")
    package var strict = false

    @Flag(
        name: .customLong("dry-run"),
        help: "Perform a dry run, i.e., don't actually install anything but resolve the dependencies and print the resulting plan"
    )
    package var dryRun = false

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Installer options") package var installer: InstallerOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        if packages.isEmpty && requirements.isEmpty && editable.isEmpty && group.isEmpty {
            throw ValidationError(
                "the following required arguments were not provided:\n  <PACKAGE|--requirements <REQUIREMENTS>|--editable <EDITABLE>|--group <GROUP>>"
            )
        }
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> PipInstallRequest {
        let env = EnvironmentReader(environment)
        let resolver = try resolver.settings(environment: environment)
        return PipInstallRequest(
            packages: packages,
            requirements: requirements,
            editables: editable,
            constraints: requirementOptions.constraintFiles(env),
            overrides: env.list(overrides, "UV_OVERRIDE", separator: " "),
            extras: requirementOptions.extras,
            groups: group,
            noDeps: noDeps,
            requireHashes: try env.flag(requireHashes, "UV_REQUIRE_HASHES", option: "--require-hashes"),
            environment: try self.environment.settings(environment: environment),
            pythonVersion: pythonVersion,
            pythonPlatform: pythonPlatform,
            exact: exact,
            strict: strict,
            dryRun: dryRun,
            index: try index.settings(environment: environment),
            resolver: resolver,
            installer: try installer.settings(environment: environment),
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            warnings: resolver.warnings
        )
    }
}

/// A parsed `suv pip install`.
package struct PipInstallRequest: CommandRequest, Equatable {
    package var packages: [String]
    package var requirements: [String]
    package var editables: [String]
    package var constraints: [String]
    package var overrides: [String]
    package var extras: ExtraSelection
    package var groups: [String]
    package var noDeps: Bool
    package var requireHashes: Bool
    package var environment: PipEnvironmentSettings
    package var pythonVersion: String?
    package var pythonPlatform: String?
    package var exact: Bool
    package var strict: Bool
    package var dryRun: Bool
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var installer: InstallerSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}

/// `suv pip sync`: make an environment match a `requirements.txt` or `pylock.toml` exactly.
package struct PipSync: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync an environment with a `requirements.txt` or `pylock.toml` file",
        usage: "suv pip sync [OPTIONS] <SRC_FILE>..."
    )

    @Argument(help: ArgumentHelp("Include the packages listed in the given files", valueName: "SRC_FILE"))
    package var sources: [String]

    @OptionGroup package var requirementOptions: PipRequirementOptions

    @Option(help: ArgumentHelp(
        "Install the specified dependency group from a `pylock.toml` or `pyproject.toml`",
        valueName: "GROUP"
    ))
    package var group: [String] = []

    @Flag(name: .customLong("require-hashes"), help: "Require a matching hash for each requirement [env: UV_REQUIRE_HASHES=]")
    package var requireHashes = false

    @OptionGroup package var environment: PipEnvironmentOptions

    @Flag(
        name: .customLong("allow-empty-requirements"),
        help: "Allow sync of empty requirements, which will clear the environment of all packages"
    )
    package var allowEmptyRequirements = false

    @Option(name: .customLong("python-version"), help: ArgumentHelp(
        "The minimum Python version that should be supported by the requirements (e.g., `3.7` or `3.7.9`)",
        valueName: "PYTHON_VERSION"
    ))
    package var pythonVersion: String?

    @Option(name: .customLong("python-platform"), help: ArgumentHelp(
        "The platform for which requirements should be installed",
        valueName: "PYTHON_PLATFORM"
    ))
    package var pythonPlatform: String?

    @Flag(help: "Validate the Python environment after completing the installation, to detect packages with missing dependencies or other issues")
    package var strict = false

    @Flag(
        name: .customLong("dry-run"),
        help: "Perform a dry run, i.e., don't actually install anything but resolve the dependencies and print the resulting plan"
    )
    package var dryRun = false

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Installer options") package var installer: InstallerOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> PipSyncRequest {
        let env = EnvironmentReader(environment)
        let resolver = try resolver.settings(environment: environment)
        return PipSyncRequest(
            sources: sources,
            constraints: requirementOptions.constraintFiles(env),
            extras: requirementOptions.extras,
            groups: group,
            requireHashes: try env.flag(requireHashes, "UV_REQUIRE_HASHES", option: "--require-hashes"),
            environment: try self.environment.settings(environment: environment),
            allowEmptyRequirements: allowEmptyRequirements,
            pythonVersion: pythonVersion,
            pythonPlatform: pythonPlatform,
            strict: strict,
            dryRun: dryRun,
            index: try index.settings(environment: environment),
            resolver: resolver,
            installer: try installer.settings(environment: environment),
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            warnings: resolver.warnings
        )
    }
}

/// A parsed `suv pip sync`.
package struct PipSyncRequest: CommandRequest, Equatable {
    package var sources: [String]
    package var constraints: [String]
    package var extras: ExtraSelection
    package var groups: [String]
    package var requireHashes: Bool
    package var environment: PipEnvironmentSettings
    package var allowEmptyRequirements: Bool
    package var pythonVersion: String?
    package var pythonPlatform: String?
    package var strict: Bool
    package var dryRun: Bool
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var installer: InstallerSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}
