import ArgumentParser

/// `suv venv`: create a virtual environment.
package struct Venv: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "venv",
        abstract: "Create a virtual environment",
        usage: "suv venv [OPTIONS] [PATH]"
    )

    @Argument(help: ArgumentHelp("The path to the virtual environment to create", valueName: "PATH"))
    package var path: String?

    @Flag(name: .customLong("no-project"), help: "Avoid discovering a project or workspace [env: UV_NO_PROJECT=]")
    package var noProject = false

    @Flag(help: "Install seed packages (one or more of: `pip`, `setuptools`, and `wheel`) into the virtual environment [env: UV_VENV_SEED=]")
    package var seed = false

    @Flag(name: [.customShort("c"), .customLong("clear")], help: "Remove any existing files or directories at the target path [env: UV_VENV_CLEAR=]")
    package var clear = false

    @Flag(help: "Allow `--clear` to remove a non-virtual environment directory")
    package var force = false

    @Flag(name: .customLong("allow-existing"), help: "Preserve any existing files or directories at the target path")
    package var allowExisting = false

    @Option(help: ArgumentHelp("Provide an alternative prompt prefix for the virtual environment.", valueName: "PROMPT"))
    package var prompt: String?

    @Flag(
        name: .customLong("system-site-packages"),
        help: "Give the virtual environment access to the system site packages directory"
    )
    package var systemSitePackages = false

    @Flag(help: "Make the virtual environment relocatable [env: UV_VENV_RELOCATABLE=]")
    package var relocatable = false

    @Option(name: .customLong("link-mode"), help: ArgumentHelp(
        "The method to use when installing packages from the global cache [env: UV_LINK_MODE=]",
        valueName: "LINK_MODE"
    ))
    package var linkMode: LinkMode?

    @Option(name: .customLong("exclude-newer"), help: ArgumentHelp(
        "Limit candidate packages to those that were uploaded prior to the given date [env: UV_EXCLUDE_NEWER=]",
        valueName: "EXCLUDE_NEWER"
    ))
    package var excludeNewer: String?

    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> VenvRequest {
        let env = EnvironmentReader(environment)
        return VenvRequest(
            path: path,
            noProject: try env.flag(noProject, "UV_NO_PROJECT", option: "--no-project"),
            seed: try env.flag(seed, "UV_VENV_SEED", option: "--seed"),
            clear: try env.flag(clear, "UV_VENV_CLEAR", option: "--clear"),
            force: force,
            allowExisting: allowExisting,
            prompt: prompt,
            systemSitePackages: systemSitePackages,
            relocatable: try env.flag(relocatable, "UV_VENV_RELOCATABLE", option: "--relocatable"),
            linkMode: try env.value(linkMode, "UV_LINK_MODE", option: "--link-mode <LINK_MODE>"),
            excludeNewer: try env.string(excludeNewer, "UV_EXCLUDE_NEWER", option: "--exclude-newer <EXCLUDE_NEWER>"),
            python: try python.settings(environment: environment),
            index: try index.settings(environment: environment)
        )
    }
}

/// A parsed `suv venv`.
package struct VenvRequest: CommandRequest, Equatable {
    /// Where to create the environment; `.venv` (or `UV_PROJECT_ENVIRONMENT`) when `nil`.
    package var path: String?
    package var noProject: Bool
    package var seed: Bool
    package var clear: Bool
    package var force: Bool
    package var allowExisting: Bool
    package var prompt: String?
    package var systemSitePackages: Bool
    package var relocatable: Bool
    package var linkMode: LinkMode?
    package var excludeNewer: String?
    package var python: PythonSettings
    package var index: IndexSettings
}
