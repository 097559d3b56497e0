import ArgumentParser

// The `suv pip` commands that read or trim an existing environment: uninstall, freeze, list,
// show and check.

/// `suv pip uninstall`: uninstall packages from an environment.
package struct PipUninstall: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Uninstall packages from an environment",
        usage: "suv pip uninstall [OPTIONS] <PACKAGE|--requirements <REQUIREMENTS>>"
    )

    @Argument(help: ArgumentHelp("Uninstall all listed packages", valueName: "PACKAGE"))
    package var packages: [String] = []

    @Option(name: [.customShort("r"), .customLong("requirements")], help: ArgumentHelp(
        "Uninstall the packages listed in the given files",
        valueName: "REQUIREMENTS"
    ))
    package var requirements: [String] = []

    @OptionGroup package var environment: PipEnvironmentOptions

    @Flag(
        name: .customLong("dry-run"),
        help: "Perform a dry run, i.e., don't actually uninstall anything but print the resulting plan"
    )
    package var dryRun = false

    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        if packages.isEmpty && requirements.isEmpty {
            throw ValidationError(
                "the following required arguments were not provided:\n  <PACKAGE|--requirements <REQUIREMENTS>>"
            )
        }
    }
}

/// `suv pip freeze`: list installed packages in requirements format.
package struct PipFreeze: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "freeze",
        abstract: "List, in requirements format, packages installed in an environment",
        usage: "suv pip freeze [OPTIONS]"
    )

    @Flag(name: .customLong("exclude-editable"), help: "Exclude any editable packages from output")
    package var excludeEditable = false

    @Option(help: ArgumentHelp("Exclude the specified package(s) from the output", valueName: "EXCLUDE"))
    package var exclude: [String] = []

    @Flag(help: "Validate the Python environment, to detect packages with missing dependencies and other issues")
    package var strict = false

    @Option(name: .customLong("path"), help: ArgumentHelp(
        "Restrict to the specified installation path for listing packages (can be used multiple times)",
        valueName: "PATHS"
    ))
    package var paths: [String] = []

    @OptionGroup package var environment: PipEnvironmentOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv pip list`: list installed packages in a table (or as JSON / requirements).
package struct PipList: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List, in tabular format, packages installed in an environment",
        usage: "suv pip list [OPTIONS]"
    )

    @Flag(name: [.customShort("e"), .customLong("editable")], help: "Only include editable projects")
    package var editable = false

    @Flag(name: .customLong("exclude-editable"), help: "Exclude any editable packages from output")
    package var excludeEditable = false

    @Option(help: ArgumentHelp("Exclude the specified package(s) from the output", valueName: "EXCLUDE"))
    package var exclude: [String] = []

    @Option(help: ArgumentHelp("Select the output format", valueName: "FORMAT"))
    package var format: PipListFormat = .columns

    @Flag(help: "List outdated packages")
    package var outdated = false

    @Flag(help: "Validate the Python environment, to detect packages with missing dependencies and other issues")
    package var strict = false

    @OptionGroup package var environment: PipEnvironmentOptions
    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--editable", editable), ("--exclude-editable", excludeEditable))
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> PipListRequest {
        if outdated && format == .freeze {
            throw UsageError("`--outdated` cannot be used with `--format freeze`")
        }
        return PipListRequest(
            editable: editable,
            excludeEditable: excludeEditable,
            exclude: exclude,
            format: format,
            outdated: outdated,
            strict: strict,
            environment: try self.environment.settings(environment: environment),
            index: try index.settings(environment: environment),
            python: try python.settings(environment: environment)
        )
    }
}

/// A parsed `suv pip list`.
package struct PipListRequest: CommandRequest, Equatable {
    package var editable: Bool
    package var excludeEditable: Bool
    package var exclude: [String]
    package var format: PipListFormat
    package var outdated: Bool
    package var strict: Bool
    package var environment: PipEnvironmentSettings
    package var index: IndexSettings
    package var python: PythonSettings
}

/// `suv pip show`: show information about installed packages.
package struct PipShow: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show information about one or more installed packages",
        usage: "suv pip show [OPTIONS] [PACKAGE]..."
    )

    @Argument(help: ArgumentHelp("The package(s) to display", valueName: "PACKAGE"))
    package var packages: [String] = []

    @Flag(help: "Validate the Python environment, to detect packages with missing dependencies and other issues")
    package var strict = false

    @Flag(name: [.customShort("f"), .customLong("files")], help: "Show the full list of installed files for each package")
    package var files = false

    @OptionGroup package var environment: PipEnvironmentOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv pip check`: verify installed packages have compatible dependencies.
package struct PipCheck: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify installed packages have compatible dependencies",
        usage: "suv pip check [OPTIONS]"
    )

    @Flag(help: "Check packages in the system Python environment [env: UV_SYSTEM_PYTHON=]")
    package var system = false

    @Option(name: .customLong("python-version"), help: ArgumentHelp(
        "The Python version against which packages should be checked",
        valueName: "PYTHON_VERSION"
    ))
    package var pythonVersion: String?

    @Option(name: .customLong("python-platform"), help: ArgumentHelp(
        "The platform for which packages should be checked",
        valueName: "PYTHON_PLATFORM"
    ))
    package var pythonPlatform: String?

    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}
