import ArgumentParser

/// `suv remove`: remove dependencies from the project.
package struct Remove: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove dependencies from the project",
        usage: "suv remove [OPTIONS] <PACKAGES>..."
    )

    @Argument(help: ArgumentHelp("The names of the dependencies to remove (e.g., `ruff`)", valueName: "PACKAGES"))
    package var packages: [String]

    @Flag(help: "Remove the packages from the development dependency group [env: UV_DEV=]")
    package var dev = false

    @Option(help: ArgumentHelp(
        "Remove the packages from the project's optional dependencies for the specified extra",
        valueName: "OPTIONAL"
    ))
    package var optional: String?

    @Option(help: ArgumentHelp("Remove the packages from the specified dependency group", valueName: "GROUP"))
    package var group: String?

    @Flag(
        name: .customLong("no-sync"),
        help: "Avoid syncing the virtual environment after re-locking the project [env: UV_NO_SYNC=]"
    )
    package var noSync = false

    @Flag(help: "Prefer the active virtual environment over the project's virtual environment")
    package var active = false

    @Flag(inversion: .prefixedNo, help: "Assert that the `uv.lock` will remain unchanged [env: UV_LOCKED=]")
    package var locked: Bool?

    @Flag(inversion: .prefixedNo, help: "Remove dependencies without re-locking the project [env: UV_FROZEN=]")
    package var frozen: Bool?

    @Option(name: .customLong("package"), help: ArgumentHelp(
        "Remove the dependencies from a specific package in the workspace",
        valueName: "PACKAGE"
    ))
    package var targetPackage: String?

    @Option(help: ArgumentHelp(
        "Remove the dependency from the specified Python script, rather than from a project",
        valueName: "SCRIPT"
    ))
    package var script: String?

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Installer options") package var installer: InstallerOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--dev", dev), with: [
            ("--group <GROUP>", group != nil), ("--optional <OPTIONAL>", optional != nil),
        ])
        try Conflicts.exclusive(("--group <GROUP>", group != nil), ("--optional <OPTIONAL>", optional != nil))
        try Conflicts.exclusive(("--frozen", frozen == true), ("--locked", locked == true))
        try Conflicts.exclusive(("--script <SCRIPT>", script != nil), ("--package <PACKAGE>", targetPackage != nil))
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> RemoveRequest {
        let env = EnvironmentReader(environment)
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
        return RemoveRequest(
            packages: packages,
            target: target,
            noSync: try env.flag(noSync, "UV_NO_SYNC", option: "--no-sync"),
            active: active,
            mode: mode.mode,
            member: targetPackage,
            script: script,
            index: try index.settings(environment: environment),
            resolver: resolver,
            installer: try installer.settings(environment: environment),
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            warnings: mode.warnings + resolver.warnings
        )
    }
}

/// A parsed `suv remove`.
package struct RemoveRequest: CommandRequest, Equatable {
    package var packages: [String]
    package var target: DependencyTarget
    package var noSync: Bool
    package var active: Bool
    package var mode: LockMode
    /// `--package`: the workspace member to edit.
    package var member: String?
    package var script: String?
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var installer: InstallerSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}
