import ArgumentParser

/// `suv add`: add dependencies to the project.
package struct Add: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add dependencies to the project",
        usage: "suv add [OPTIONS] <PACKAGES|--requirements <REQUIREMENTS>>"
    )

    @Argument(help: ArgumentHelp("The packages to add, as PEP 508 requirements (e.g., `ruff==0.5.0`)", valueName: "PACKAGES"))
    package var packages: [String] = []

    @Option(name: [.customShort("r"), .customLong("requirements")], help: ArgumentHelp(
        "Add the packages listed in the given files",
        valueName: "REQUIREMENTS"
    ))
    package var requirements: [String] = []

    @Option(name: [.customShort("c"), .customLong("constraints")], help: ArgumentHelp(
        "Constrain versions using the given requirements files [env: UV_CONSTRAINT=]",
        valueName: "CONSTRAINTS"
    ))
    package var constraints: [String] = []

    @Option(name: [.customShort("m"), .customLong("marker")], help: ArgumentHelp(
        "Apply this marker to all added packages",
        valueName: "MARKER"
    ))
    package var marker: String?

    @Flag(help: "Add the requirements to the development dependency group [env: UV_DEV=]")
    package var dev = false

    @Option(help: ArgumentHelp(
        "Add the requirements to the package's optional dependencies for the specified extra",
        valueName: "OPTIONAL"
    ))
    package var optional: String?

    @Option(help: ArgumentHelp("Add the requirements to the specified dependency group", valueName: "GROUP"))
    package var group: String?

    @Flag(help: "Add the requirements as editable")
    package var editable = false

    @Flag(help: "Add a dependency as provided")
    package var raw = false

    @Option(help: ArgumentHelp(
        "The kind of version specifier to use when adding dependencies",
        valueName: "BOUNDS"
    ))
    package var bounds: AddBounds?

    @Option(help: ArgumentHelp("Commit to use when adding a dependency from Git", valueName: "REV"))
    package var rev: String?

    @Option(help: ArgumentHelp("Tag to use when adding a dependency from Git", valueName: "TAG"))
    package var tag: String?

    @Option(help: ArgumentHelp("Branch to use when adding a dependency from Git", valueName: "BRANCH"))
    package var branch: String?

    @Flag(help: "Whether to use Git LFS when adding a dependency from Git")
    package var lfs = false

    @Option(help: ArgumentHelp("Extras to enable for the dependency", valueName: "EXTRA"))
    package var extra: [String] = []

    @Flag(name: .customLong("no-sync"), help: "Avoid syncing the virtual environment [env: UV_NO_SYNC=]")
    package var noSync = false

    @Flag(inversion: .prefixedNo, help: "Assert that the `uv.lock` will remain unchanged [env: UV_LOCKED=]")
    package var locked: Bool?

    @Flag(inversion: .prefixedNo, help: "Add dependencies without re-locking the project [env: UV_FROZEN=]")
    package var frozen: Bool?

    @Flag(help: "Prefer the active virtual environment over the project's virtual environment")
    package var active = false

    @Option(name: .customLong("package"), help: ArgumentHelp(
        "Add the dependency to a specific package in the workspace",
        valueName: "PACKAGE"
    ))
    package var targetPackage: String?

    @Option(help: ArgumentHelp(
        "Add the dependency to the specified Python script, rather than to a project",
        valueName: "SCRIPT"
    ))
    package var script: String?

    @Flag(help: "Add the dependency as a workspace member")
    package var workspace = false

    @Flag(name: .customLong("no-workspace"), help: "Don't add the dependency as a workspace member")
    package var noWorkspace = false

    @Flag(name: .customLong("no-install-project"), help: "Do not install the current project [env: UV_NO_INSTALL_PROJECT=]")
    package var noInstallProject = false

    @Flag(
        name: .customLong("no-install-workspace"),
        help: "Do not install any workspace members, including the current project [env: UV_NO_INSTALL_WORKSPACE=]"
    )
    package var noInstallWorkspace = false

    @Flag(name: .customLong("no-install-local"), help: "Do not install local path dependencies [env: UV_NO_INSTALL_LOCAL=]")
    package var noInstallLocal = false

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Installer options") package var installer: InstallerOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        if packages.isEmpty && requirements.isEmpty {
            throw ValidationError(
                "the following required arguments were not provided:\n  <PACKAGES|--requirements <REQUIREMENTS>>"
            )
        }
        try Conflicts.exclusive(("--dev", dev), with: [
            ("--group <GROUP>", group != nil), ("--optional <OPTIONAL>", optional != nil),
        ])
        try Conflicts.exclusive(("--group <GROUP>", group != nil), ("--optional <OPTIONAL>", optional != nil))
        try Conflicts.exclusive(("--rev <REV>", rev != nil), with: [("--tag <TAG>", tag != nil), ("--branch <BRANCH>", branch != nil)])
        try Conflicts.exclusive(("--tag <TAG>", tag != nil), ("--branch <BRANCH>", branch != nil))
        try Conflicts.exclusive(("--frozen", frozen == true), ("--locked", locked == true))
        try Conflicts.exclusive(("--workspace", workspace), ("--no-workspace", noWorkspace))
        try Conflicts.exclusive(("--script <SCRIPT>", script != nil), ("--package <PACKAGE>", targetPackage != nil))
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> AddRequest {
        let env = EnvironmentReader(environment)
        if noSync && frozen == true {
            throw UsageError("the argument `--no-sync` cannot be used with `--frozen`")
        }
        let mode = try LockModeResolver.resolve(frozen: frozen, locked: locked, environment: env)
        let resolver = try resolver.settings(environment: environment)
        let target: DependencyTarget
        if let optional {
            target = .optional(extra: optional)
        } else if let group {
            target = .group(group)
        } else if try env.flag(dev, "UV_DEV", option: "--dev") {
            target = .dev
        } else {
            target = .project
        }
        let gitReference: GitReference? =
            if let rev { .rev(rev) } else if let tag { .tag(tag) } else if let branch { .branch(branch) } else { nil }
        return AddRequest(
            packages: packages,
            requirementsFiles: requirements,
            constraintFiles: env.list(constraints, "UV_CONSTRAINT", separator: " "),
            marker: marker,
            target: target,
            editable: editable,
            raw: raw,
            bounds: bounds,
            gitReference: gitReference,
            lfs: lfs,
            extras: extra,
            noSync: try env.flag(noSync, "UV_NO_SYNC", option: "--no-sync"),
            mode: mode.mode,
            active: active,
            member: targetPackage,
            script: script,
            workspace: workspace ? true : (noWorkspace ? false : nil),
            noInstallProject: try env.flag(noInstallProject, "UV_NO_INSTALL_PROJECT", option: "--no-install-project"),
            noInstallWorkspace: try env.flag(noInstallWorkspace, "UV_NO_INSTALL_WORKSPACE", option: "--no-install-workspace"),
            noInstallLocal: try env.flag(noInstallLocal, "UV_NO_INSTALL_LOCAL", option: "--no-install-local"),
            index: try index.settings(environment: environment),
            resolver: resolver,
            installer: try installer.settings(environment: environment),
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            warnings: mode.warnings + resolver.warnings
        )
    }
}

/// Where `add`/`remove` put (or look for) a dependency.
package enum DependencyTarget: Equatable, Sendable {
    /// `[project.dependencies]`.
    case project
    /// The `dev` dependency group (`--dev`).
    case dev
    /// `[project.optional-dependencies.<extra>]` (`--optional`).
    case optional(extra: String)
    /// `[dependency-groups.<name>]` (`--group`).
    case group(String)
}

/// A Git reference for `add` (`--rev`, `--tag`, `--branch`).
package enum GitReference: Equatable, Sendable {
    case rev(String)
    case tag(String)
    case branch(String)
}

/// A parsed `suv add`.
package struct AddRequest: CommandRequest, Equatable {
    package var packages: [String]
    package var requirementsFiles: [String]
    package var constraintFiles: [String]
    package var marker: String?
    package var target: DependencyTarget
    package var editable: Bool
    package var raw: Bool
    package var bounds: AddBounds?
    package var gitReference: GitReference?
    package var lfs: Bool
    package var extras: [String]
    package var noSync: Bool
    package var mode: LockMode
    package var active: Bool
    /// `--package`: the workspace member to edit.
    package var member: String?
    package var script: String?
    /// `--workspace` (true), `--no-workspace` (false), or neither.
    package var workspace: Bool?
    package var noInstallProject: Bool
    package var noInstallWorkspace: Bool
    package var noInstallLocal: Bool
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var installer: InstallerSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}
