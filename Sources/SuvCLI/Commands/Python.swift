import ArgumentParser

/// `suv python`: manage Python versions and installations.
package struct Python: SuvCommandGroup, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "python",
        abstract: "Manage Python versions and installations",
        usage: "suv python [OPTIONS] <COMMAND>",
        subcommands: [PythonList.self, PythonFind.self, PythonPin.self, PythonDir.self]
    )

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv python list`: list the available Python installations.
package struct PythonList: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the available Python installations",
        usage: "suv python list [OPTIONS] [REQUEST]"
    )

    @Argument(help: ArgumentHelp("A Python request to filter by", valueName: "REQUEST"))
    package var request: String?

    @Flag(name: .customLong("all-versions"), help: "List all Python versions, including old patch versions")
    package var allVersions = false

    @Flag(name: .customLong("all-platforms"), help: "List Python downloads for all platforms")
    package var allPlatforms = false

    @Flag(name: .customLong("all-arches"), help: "List Python downloads for all architectures")
    package var allArches = false

    @Flag(name: .customLong("only-installed"), help: "Only show installed Python versions")
    package var onlyInstalled = false

    @Flag(name: .customLong("only-downloads"), help: "Only show available Python downloads")
    package var onlyDownloads = false

    @Flag(name: .customLong("show-urls"), help: "Show the URLs of available Python downloads")
    package var showURLs = false

    @Option(name: .customLong("output-format"), help: ArgumentHelp("Select the output format", valueName: "OUTPUT_FORMAT"))
    package var outputFormat: OutputFormat = .text

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--only-installed", onlyInstalled), ("--only-downloads", onlyDownloads))
    }
}

/// `suv python find`: search for a Python installation and print its path.
package struct PythonFind: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Search for a Python installation",
        usage: "suv python find [OPTIONS] [REQUEST]"
    )

    @Argument(help: ArgumentHelp("The Python request", valueName: "REQUEST"))
    package var request: String?

    @Flag(name: .customLong("no-project"), help: "Avoid discovering a project or workspace [env: UV_NO_PROJECT=]")
    package var noProject = false

    @Flag(help: "Only find system Python interpreters [env: UV_SYSTEM_PYTHON=]")
    package var system = false

    @Option(help: ArgumentHelp(
        "Find the environment for a Python script, rather than the current project",
        valueName: "SCRIPT"
    ))
    package var script: String?

    @Flag(
        name: .customLong("show-version"),
        help: "Show the Python version that would be used instead of the path to the interpreter"
    )
    package var showVersion = false

    @Flag(name: .customLong("resolve-links"), help: "Resolve symlinks in the output path")
    package var resolveLinks = false

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv python pin`: write (or remove) a `.python-version` pin.
package struct PythonPin: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "Pin to a specific Python version",
        usage: "suv python pin [OPTIONS] [REQUEST]"
    )

    @Argument(help: ArgumentHelp("The Python version request", valueName: "REQUEST"))
    package var request: String?

    @Flag(help: "Write the resolved Python interpreter path instead of the request")
    package var resolved = false

    @Flag(
        name: .customLong("no-project"),
        help: "Avoid validating the Python pin is compatible with the project or workspace [env: UV_NO_PROJECT=]"
    )
    package var noProject = false

    @Flag(name: .customLong("global"), help: "Update the global Python version pin")
    package var global_ = false

    @Flag(help: "Remove the Python version pin")
    package var rm = false

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--rm", rm), ("[REQUEST]", request != nil))
    }
}

/// `suv python dir`: show the Python installation directory.
package struct PythonDir: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "dir",
        abstract: "Show the suv Python installation directory",
        usage: "suv python dir [OPTIONS]"
    )

    @Flag(help: "Show the directory into which `suv python` will install Python executables.")
    package var bin = false

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}
