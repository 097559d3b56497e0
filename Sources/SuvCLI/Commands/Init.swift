import ArgumentParser
import SuvBasics

/// `suv init`: create a new project.
///
/// Besides uv's flags, suv accepts `--flask` (same as `--template flask`) to scaffold a Flask
/// application, and `--no-lock` to skip writing `uv.lock` after scaffolding.
package struct Init: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new project",
        usage: "suv init [OPTIONS] [PATH]"
    )

    @Argument(help: ArgumentHelp("The path to use for the project/script", valueName: "PATH"))
    package var path: String?

    @Option(help: ArgumentHelp("The name of the project", valueName: "NAME"))
    package var name: String?

    @Flag(help: "Only create a `pyproject.toml`")
    package var bare = false

    @Flag(name: .customLong("package"), help: "Set up the project to be built as a Python package")
    package var packaged = false

    @Flag(name: .customLong("no-package"), help: "Do not set up the project to be built as a Python package")
    package var noPackage = false

    @Flag(help: "Create a project for an application")
    package var app = false

    @Flag(help: "Create a project for a library")
    package var lib = false

    @Flag(help: "Create a script")
    package var script = false

    @Option(help: ArgumentHelp("Set the project description", valueName: "DESCRIPTION"))
    package var description: String?

    @Flag(name: .customLong("no-description"), help: "Disable the description for the project")
    package var noDescription = false

    @Option(help: ArgumentHelp("Initialize a version control system for the project", valueName: "VCS"))
    package var vcs: VersionControl?

    @Option(name: .customLong("build-backend"), help: ArgumentHelp(
        "Initialize a build-backend of choice for the project [env: UV_INIT_BUILD_BACKEND=]",
        valueName: "BUILD_BACKEND"
    ))
    package var buildBackend: BuildBackendChoice?

    @Flag(name: .customLong("no-readme"), help: "Do not create a `README.md` file")
    package var noReadme = false

    @Option(name: .customLong("author-from"), help: ArgumentHelp(
        "Fill in the `authors` field in the `pyproject.toml`",
        valueName: "AUTHOR_FROM"
    ))
    package var authorFrom: AuthorFrom?

    @Flag(name: .customLong("no-pin-python"), help: "Do not create a `.python-version` file for the project")
    package var noPinPython = false

    @Flag(name: .customLong("no-workspace"), help: "Avoid discovering a workspace and create a standalone project")
    package var noWorkspace = false

    @Flag(help: "Create a Flask application (suv; same as `--template flask`)")
    package var flask = false

    @Option(help: ArgumentHelp("Scaffold the project from a suv template", valueName: "TEMPLATE"))
    package var template: InitTemplate?

    @Flag(name: .customLong("no-lock"), help: "Do not write a `uv.lock` after creating the project (suv)")
    package var noLock = false

    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--app", app), ("--lib", lib))
        try Conflicts.exclusive(("--package", packaged), ("--no-package", noPackage))
        try Conflicts.exclusive(("--lib", lib), ("--no-package", noPackage))
        try Conflicts.exclusive(("--no-package", noPackage), ("--build-backend <BUILD_BACKEND>", buildBackend != nil))
        try Conflicts.exclusive(("--script", script), with: [
            ("--app", app), ("--lib", lib), ("--package", packaged), ("--no-package", noPackage),
            ("--name <NAME>", name != nil), ("--description <DESCRIPTION>", description != nil), ("--no-description", noDescription),
            ("--vcs <VCS>", vcs != nil), ("--build-backend <BUILD_BACKEND>", buildBackend != nil),
        ])
        if script && path == nil {
            throw ValidationError("the following required arguments were not provided:\n  <PATH>")
        }
        try Conflicts.exclusive(("--description <DESCRIPTION>", description != nil), ("--no-description", noDescription))
        let flaskSpelling = flask ? "--flask" : "--template <TEMPLATE>"
        let wantsFlask = flask || template == .flask
        try Conflicts.exclusive((flaskSpelling, wantsFlask), with: [
            ("--lib", lib), ("--script", script), ("--bare", bare), ("--package", packaged),
            ("--build-backend <BUILD_BACKEND>", buildBackend != nil),
        ])
        if let name, !PackageName.isValid(name) {
            throw ValidationError(
                "invalid value '\(name)' for '--name <NAME>': Not a valid package or extra name: \"\(name)\". "
                    + "Names must start and end with a letter or digit and may only contain -, _, ., and alphanumeric characters."
            )
        }
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> InitRequest {
        let env = EnvironmentReader(environment)
        let kind: InitRequest.Kind =
            if script { .script } else if lib { .library } else { .application }
        return InitRequest(
            path: path,
            name: name,
            kind: kind,
            bare: bare,
            packaged: packaged ? true : (noPackage ? false : nil),
            description: description,
            noDescription: noDescription,
            vcs: vcs,
            buildBackend: try env.value(buildBackend, "UV_INIT_BUILD_BACKEND", option: "--build-backend <BUILD_BACKEND>"),
            noReadme: noReadme,
            authorFrom: authorFrom,
            noPinPython: noPinPython,
            noWorkspace: noWorkspace,
            template: flask ? .flask : template,
            noLock: noLock,
            python: try python.settings(environment: environment)
        )
    }
}

/// A parsed `suv init`.
package struct InitRequest: CommandRequest, Equatable {
    /// What kind of project to create.
    package enum Kind: Equatable, Sendable {
        case application
        case library
        case script
    }

    package var path: String?
    package var name: String?
    package var kind: Kind
    package var bare: Bool
    /// `--package` (true), `--no-package` (false), or the kind's default (`nil`).
    package var packaged: Bool?
    package var description: String?
    package var noDescription: Bool
    package var vcs: VersionControl?
    package var buildBackend: BuildBackendChoice?
    package var noReadme: Bool
    package var authorFrom: AuthorFrom?
    package var noPinPython: Bool
    package var noWorkspace: Bool
    /// `--flask` or `--template flask`.
    package var template: InitTemplate?
    package var noLock: Bool
    package var python: PythonSettings
}
