import ArgumentParser

/// `suv run`: run a command or script in the project environment.
///
/// Everything from the first positional argument on is the command to run, verbatim:
/// `suv run pytest -x -q` passes `-x -q` to pytest. Global options may appear before `run` or
/// between `run` and the command: ``SuvCommand/parseCommandLine(_:)`` hands the ones before
/// `run` to this command's own parser.
package struct Run: RequestCommand {
    package static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a command or script",
        usage: "suv run [OPTIONS] [COMMAND]"
    )

    @OptionGroup package var extras: ExtraOptions
    @OptionGroup package var groups: DependencyGroupOptions

    @Flag(name: [.customShort("m"), .customLong("module")], help: "Run a Python module")
    package var module = false

    @Flag(
        name: .customLong("no-editable"),
        help: "Install any editable dependencies, including the project and any workspace members, as non-editable [env: UV_NO_EDITABLE=]"
    )
    package var noEditable = false

    @Flag(help: "Perform an exact sync, removing extraneous packages")
    package var exact = false

    @Option(name: .customLong("env-file"), help: ArgumentHelp(
        "Load environment variables from a `.env` file [env: UV_ENV_FILE=]",
        valueName: "ENV_FILE"
    ))
    package var envFile: [String] = []

    @Flag(name: .customLong("no-env-file"), help: "Avoid reading environment variables from a `.env` file [env: UV_NO_ENV_FILE=]")
    package var noEnvFile = false

    @Option(name: [.customShort("w"), .customLong("with")], help: ArgumentHelp("Run with the given packages installed", valueName: "WITH"))
    package var with: [String] = []

    @Option(name: .customLong("with-editable"), help: ArgumentHelp(
        "Run with the given packages installed in editable mode",
        valueName: "WITH_EDITABLE"
    ))
    package var withEditable: [String] = []

    @Option(name: .customLong("with-requirements"), help: ArgumentHelp(
        "Run with the packages listed in the given files",
        valueName: "WITH_REQUIREMENTS"
    ))
    package var withRequirements: [String] = []

    @Flag(help: "Run the command in an isolated virtual environment [env: UV_ISOLATED=]")
    package var isolated = false

    @Flag(help: "Prefer the active virtual environment over the project's virtual environment")
    package var active = false

    @Flag(name: .customLong("no-sync"), help: "Avoid syncing the virtual environment [env: UV_NO_SYNC=]")
    package var noSync = false

    @Flag(inversion: .prefixedNo, help: "Assert that the `uv.lock` will remain unchanged [env: UV_LOCKED=]")
    package var locked: Bool?

    @Flag(inversion: .prefixedNo, help: "Run without updating the `uv.lock` file [env: UV_FROZEN=]")
    package var frozen: Bool?

    @Flag(name: [.customShort("s"), .customLong("script")], help: "Run the given path as a Python script")
    package var script = false

    @Flag(name: .customLong("gui-script"), help: "Run the given path as a Python GUI script")
    package var guiScript = false

    @Flag(name: .customLong("all-packages"), help: "Run the command with all workspace members installed")
    package var allPackages = false

    @Option(name: .customLong("package"), help: ArgumentHelp(
        "Run the command in a specific package in the workspace",
        valueName: "PACKAGE"
    ))
    package var member: String?

    @Flag(name: .customLong("no-project"), help: "Avoid discovering the project or workspace [env: UV_NO_PROJECT=]")
    package var noProject = false

    @Option(name: .customLong("python-platform"), help: ArgumentHelp(
        "The platform for which requirements should be installed",
        valueName: "PYTHON_PLATFORM"
    ))
    package var pythonPlatform: String?

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("The command to run, and its arguments", valueName: "COMMAND")
    )
    package var command: [String] = []

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Installer options") package var installer: InstallerOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: PassthroughGlobalOptions

    /// The global options given before `run` (`suv -v run …`), set by
    /// ``SuvCommand/parseCommandLine(_:)``; the argument parser leaves it empty.
    package var leading = LeadingGlobalFlags()

    package init() {}

    /// The options before `run` merged with the ones after it, as uv merges them (each side
    /// is checked on its own: `suv -q run -v` is accepted).
    package var globalFlags: GlobalFlags { (leading.flags ?? GlobalFlags()).merged(with: global.flags) }

    package func validate() throws {
        // Capturing for passthrough takes the first unknown option as the start of the command;
        // a command cannot start with a dash, so it is a help request or a misspelt option.
        if let first = command.first, first.hasPrefix("-"), first != "--" {
            if first == "-h" || first == "--help" {
                throw CleanExit.helpRequest(self)
            }
            throw ValidationError("Unknown option '\(first)'")
        }
        try Conflicts.exclusive(("--frozen", frozen == true), ("--locked", locked == true))
        try Conflicts.exclusive(("--package <PACKAGE>", member != nil), ("--all-packages", allPackages))
        try Conflicts.exclusive(("--module", module), with: [("--script", script), ("--gui-script", guiScript)])
        try Conflicts.exclusive(("--script", script), ("--gui-script", guiScript))
        try extras.validate(against: groups)
    }

    /// The command line to run: the captured arguments, without a leading `--`.
    package var commandLine: [String] {
        command.first == "--" ? Array(command.dropFirst()) : command
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> RunRequest {
        try RunRequest.resolve(
            command: commandLine,
            kind: module ? .module : script ? .script : guiScript ? .guiScript : .command,
            extras: extras.selection,
            groups: try groups.selection(environment: environment),
            noEditable: noEditable, exact: exact, envFile: envFile, noEnvFile: noEnvFile,
            with: with, withEditable: withEditable, withRequirements: withRequirements,
            isolated: isolated, active: active, noSync: noSync, frozen: frozen, locked: locked,
            allPackages: allPackages, member: member, noProject: noProject, pythonPlatform: pythonPlatform,
            index: try index.settings(environment: environment),
            resolver: try resolver.settings(environment: environment),
            installer: try installer.settings(environment: environment),
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            environment: environment
        )
    }
}

/// A parsed `suv run`.
package struct RunRequest: CommandRequest, Equatable {
    /// How the first word of ``command`` is interpreted.
    package enum Kind: Equatable, Sendable {
        /// A command on `PATH` or a script path (the default).
        case command
        /// `-m`: a Python module.
        case module
        /// `-s`: a Python script.
        case script
        /// `--gui-script`: a Python GUI script.
        case guiScript
    }

    /// The command and its arguments, verbatim.
    package var command: [String]
    package var kind: Kind
    package var extras: ExtraSelection
    package var groups: DependencyGroupSelection
    package var noEditable: Bool
    package var exact: Bool
    package var envFiles: [String]
    package var noEnvFile: Bool
    package var with: [String]
    package var withEditable: [String]
    package var withRequirements: [String]
    package var isolated: Bool
    package var active: Bool
    package var noSync: Bool
    package var mode: LockMode
    package var allPackages: Bool
    /// `--package`: the workspace member to run in.
    package var member: String?
    package var noProject: Bool
    package var pythonPlatform: String?
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var installer: InstallerSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}

extension RunRequest {
    /// `suv run`'s own option values (defaults: none given) and its option groups' settings,
    /// resolved against the environment: what a fully parsed ``Run`` and a ``QuickRun`` line
    /// both build their request with.
    static func resolve(
        command: [String], kind: Kind = .command, extras: ExtraSelection = ExtraSelection(),
        groups: DependencyGroupSelection, noEditable: Bool = false, exact: Bool = false,
        envFile: [String] = [], noEnvFile: Bool = false, with: [String] = [], withEditable: [String] = [],
        withRequirements: [String] = [], isolated: Bool = false, active: Bool = false, noSync: Bool = false,
        frozen: Bool? = nil, locked: Bool? = nil, allPackages: Bool = false, member: String? = nil,
        noProject: Bool = false, pythonPlatform: String? = nil, index: IndexSettings, resolver: ResolverSettings,
        installer: InstallerSettings, refresh: RefreshSettings = RefreshSettings(), python: PythonSettings,
        environment: [String: String]
    ) throws(UsageError) -> RunRequest {
        let env = EnvironmentReader(environment)
        let mode = try LockModeResolver.resolve(frozen: frozen, locked: locked, environment: env)
        let envFiles = envFile.isEmpty
            ? (env.raw("UV_ENV_FILE").map { $0.split(separator: " ").map(String.init) } ?? [])
            : envFile
        return RunRequest(
            command: command,
            kind: kind,
            extras: extras,
            groups: groups,
            noEditable: try env.flag(noEditable, "UV_NO_EDITABLE", option: "--no-editable"),
            exact: exact,
            envFiles: envFiles,
            noEnvFile: try env.flag(noEnvFile, "UV_NO_ENV_FILE", option: "--no-env-file"),
            with: with,
            withEditable: withEditable,
            withRequirements: withRequirements,
            isolated: try env.flag(isolated, "UV_ISOLATED", option: "--isolated"),
            active: active,
            noSync: try env.flag(noSync, "UV_NO_SYNC", option: "--no-sync"),
            mode: mode.mode,
            allPackages: allPackages,
            member: member,
            noProject: try env.flag(noProject, "UV_NO_PROJECT", option: "--no-project"),
            pythonPlatform: pythonPlatform,
            index: index,
            resolver: resolver,
            installer: installer,
            refresh: refresh,
            python: python,
            warnings: mode.warnings + resolver.warnings
        )
    }
}

/// Global options parsed apart from a command's own: never decoded by the argument parser.
package struct LeadingGlobalFlags: Decodable, Sendable {
    package var flags: GlobalFlags?

    package init() {}

    package init(from decoder: any Decoder) throws {}
}
