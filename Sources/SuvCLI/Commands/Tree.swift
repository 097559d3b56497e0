import ArgumentParser

/// `suv tree`: display the project's dependency tree.
package struct Tree: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "tree",
        abstract: "Display the project's dependency tree",
        usage: "suv tree [OPTIONS]"
    )

    @Flag(help: "Show a platform-independent dependency tree")
    package var universal = false

    @Option(help: ArgumentHelp("The format in which to display the dependency graph", valueName: "FORMAT"))
    package var format: OutputFormat = .text

    @Option(name: [.customShort("d"), .customLong("depth")], help: ArgumentHelp(
        "Maximum display depth of the dependency tree",
        valueName: "DEPTH"
    ))
    package var depth: Int = 255

    @Option(help: ArgumentHelp("Prune the given package from the display of the dependency tree", valueName: "PRUNE"))
    package var prune: [String] = []

    @Option(name: .customLong("package"), help: ArgumentHelp("Display only the specified packages", valueName: "PACKAGE"))
    package var packages: [String] = []

    @Flag(
        name: .customLong("no-dedupe"),
        help: "Do not de-duplicate repeated dependencies. Usually, when a package has already displayed its dependencies, further occurrences will not re-display its dependencies, and will include a (*) to indicate it has already been shown. This flag will cause those duplicates to be repeated"
    )
    package var noDedupe = false

    @Flag(help: "Show the reverse dependencies for the given package. This flag will invert the tree and display the packages that depend on the given package")
    package var invert = false

    /// suv's older spelling of `--invert`.
    @Flag(help: .hidden)
    package var reverse = false

    @Flag(help: "Show the latest available version of each package in the tree")
    package var outdated = false

    @Flag(name: .customLong("show-sizes"), help: "Show compressed wheel sizes for packages in the tree")
    package var showSizes = false

    @OptionGroup package var groups: DependencyGroupOptions

    @Flag(inversion: .prefixedNo, help: "Assert that the `uv.lock` will remain unchanged [env: UV_LOCKED=]")
    package var locked: Bool?

    @Flag(inversion: .prefixedNo, help: "Display the requirements without locking the project [env: UV_FROZEN=]")
    package var frozen: Bool?

    @Option(help: ArgumentHelp(
        "Show the dependency tree the specified PEP 723 Python script, rather than the current project",
        valueName: "SCRIPT"
    ))
    package var script: String?

    @Option(name: .customLong("python-version"), help: ArgumentHelp(
        "The Python version to use when filtering the tree",
        valueName: "PYTHON_VERSION"
    ))
    package var pythonVersion: String?

    @Option(name: .customLong("python-platform"), help: ArgumentHelp(
        "The platform to use when filtering the tree",
        valueName: "PYTHON_PLATFORM"
    ))
    package var pythonPlatform: String?

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--frozen", frozen == true), ("--locked", locked == true))
        try Conflicts.exclusive(("--universal", universal), with: [
            ("--python-version <PYTHON_VERSION>", pythonVersion != nil),
            ("--python-platform <PYTHON_PLATFORM>", pythonPlatform != nil),
        ])
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> TreeRequest {
        try TreeRequest.resolve(
            universal: universal, format: format, depth: depth, prune: prune, packages: packages,
            noDedupe: noDedupe, invert: invert || reverse, outdated: outdated, showSizes: showSizes,
            groups: try groups.selection(environment: environment), frozen: frozen, locked: locked,
            script: script, pythonVersion: pythonVersion, pythonPlatform: pythonPlatform,
            index: try index.settings(environment: environment),
            resolver: try resolver.settings(environment: environment),
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            environment: environment
        )
    }
}

/// A parsed `suv tree`.
package struct TreeRequest: CommandRequest, Equatable {
    package var universal: Bool
    package var format: OutputFormat
    package var depth: Int
    package var prune: [String]
    package var packages: [String]
    package var noDedupe: Bool
    /// `--invert` or suv's `--reverse`.
    package var invert: Bool
    package var outdated: Bool
    package var showSizes: Bool
    package var groups: DependencyGroupSelection
    package var mode: LockMode
    package var script: String?
    package var pythonVersion: String?
    package var pythonPlatform: String?
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}

extension TreeRequest {
    /// `suv tree`'s option values (defaults: none given) and its option groups' settings,
    /// resolved against the environment: what a fully parsed ``Tree`` and a ``QuickTree`` line
    /// both build their request with.
    static func resolve(
        universal: Bool = false, format: OutputFormat = .text, depth: Int = 255, prune: [String] = [],
        packages: [String] = [], noDedupe: Bool = false, invert: Bool = false, outdated: Bool = false,
        showSizes: Bool = false, groups: DependencyGroupSelection, frozen: Bool? = nil, locked: Bool? = nil,
        script: String? = nil, pythonVersion: String? = nil, pythonPlatform: String? = nil,
        index: IndexSettings, resolver: ResolverSettings, refresh: RefreshSettings = RefreshSettings(),
        python: PythonSettings, environment: [String: String]
    ) throws(UsageError) -> TreeRequest {
        let mode = try LockModeResolver.resolve(frozen: frozen, locked: locked, environment: EnvironmentReader(environment))
        return TreeRequest(
            universal: universal, format: format, depth: depth, prune: prune, packages: packages,
            noDedupe: noDedupe, invert: invert, outdated: outdated, showSizes: showSizes, groups: groups,
            mode: mode.mode, script: script, pythonVersion: pythonVersion, pythonPlatform: pythonPlatform,
            index: index, resolver: resolver, refresh: refresh, python: python,
            warnings: mode.warnings + resolver.warnings
        )
    }
}
