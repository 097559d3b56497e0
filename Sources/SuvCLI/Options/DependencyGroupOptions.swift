import ArgumentParser

/// uv's dependency-group selection flags (`--no-dev`, `--group`, `--only-group`, ...), shared by
/// `sync`, `run`, `tree` and `export`.
package struct DependencyGroupOptions: ParsableArguments, Sendable {
    @Flag(name: .customLong("no-dev"), help: "Disable the development dependency group [env: UV_NO_DEV=]")
    package var noDev = false

    /// Include the development group (the default; kept for older scripts).
    @Flag(help: .hidden)
    package var dev = false

    @Flag(name: .customLong("only-dev"), help: "Only include the development dependency group")
    package var onlyDev = false

    @Option(help: ArgumentHelp("Include dependencies from the specified dependency group", valueName: "GROUP"))
    package var group: [String] = []

    @Option(name: .customLong("no-group"), help: ArgumentHelp(
        "Disable the specified dependency group [env: UV_NO_GROUP=]",
        valueName: "NO_GROUP"
    ))
    package var noGroup: [String] = []

    @Flag(
        name: .customLong("no-default-groups"),
        help: "Ignore the default dependency groups [env: UV_NO_DEFAULT_GROUPS=]"
    )
    package var noDefaultGroups = false

    @Option(name: .customLong("only-group"), help: ArgumentHelp(
        "Only include dependencies from the specified dependency group",
        valueName: "ONLY_GROUP"
    ))
    package var onlyGroup: [String] = []

    @Flag(name: .customLong("all-groups"), help: "Include dependencies from all dependency groups")
    package var allGroups = false

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--no-dev", noDev), ("--only-dev", onlyDev))
        try Conflicts.exclusive(("--only-dev", onlyDev), with: [
            ("--group <GROUP>", !group.isEmpty), ("--all-groups", allGroups),
        ])
        try Conflicts.exclusive(("--group <GROUP>", !group.isEmpty), ("--only-group <ONLY_GROUP>", !onlyGroup.isEmpty))
        try Conflicts.exclusive(("--all-groups", allGroups), ("--only-group <ONLY_GROUP>", !onlyGroup.isEmpty))
    }

    /// The selection resolved against `UV_NO_DEV`, `UV_NO_GROUP` (space-separated) and
    /// `UV_NO_DEFAULT_GROUPS`.
    ///
    /// - Parameter noDevAlias: an extra spelling of `--no-dev` given on the command line
    ///   (`suv sync --production`).
    package func selection(
        environment: [String: String],
        noDevAlias: Bool = false
    ) throws(UsageError) -> DependencyGroupSelection {
        try Self.selection(
            noDev: noDev || noDevAlias, dev: dev, onlyDev: onlyDev, group: group, noGroup: noGroup,
            noDefaultGroups: noDefaultGroups, onlyGroup: onlyGroup, allGroups: allGroups, environment: environment
        )
    }

    /// The given option values (defaults: none given) resolved against the environment, as
    /// ``selection(environment:noDevAlias:)`` resolves parsed ones.
    package static func selection(
        noDev: Bool = false, dev: Bool = false, onlyDev: Bool = false, group: [String] = [], noGroup: [String] = [],
        noDefaultGroups: Bool = false, onlyGroup: [String] = [], allGroups: Bool = false,
        environment: [String: String]
    ) throws(UsageError) -> DependencyGroupSelection {
        let env = EnvironmentReader(environment)
        var noDev = noDev
        if !noDev && !dev && !onlyDev {
            noDev = try env.bool("UV_NO_DEV", option: "--no-dev") ?? false
        }
        return DependencyGroupSelection(
            noDev: noDev,
            onlyDev: onlyDev,
            groups: group,
            noGroups: env.list(noGroup, "UV_NO_GROUP", separator: " "),
            noDefaultGroups: try env.flag(noDefaultGroups, "UV_NO_DEFAULT_GROUPS", option: "--no-default-groups"),
            onlyGroups: onlyGroup,
            allGroups: allGroups
        )
    }
}

/// Which dependency groups a command includes.
package struct DependencyGroupSelection: Equatable, Sendable {
    package var noDev = false
    package var onlyDev = false
    package var groups: [String] = []
    package var noGroups: [String] = []
    package var noDefaultGroups = false
    package var onlyGroups: [String] = []
    package var allGroups = false

    package init(
        noDev: Bool = false, onlyDev: Bool = false, groups: [String] = [], noGroups: [String] = [],
        noDefaultGroups: Bool = false, onlyGroups: [String] = [], allGroups: Bool = false
    ) {
        self.noDev = noDev
        self.onlyDev = onlyDev
        self.groups = groups
        self.noGroups = noGroups
        self.noDefaultGroups = noDefaultGroups
        self.onlyGroups = onlyGroups
        self.allGroups = allGroups
    }
}
