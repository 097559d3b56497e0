import ArgumentParser

/// `suv lock` (alias `suv resolve`): update the project's lockfile.
package struct Lock: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Update the project's lockfile",
        usage: "suv lock [OPTIONS]",
        aliases: ["resolve"]
    )

    @Flag(help: "Check if the lockfile is up-to-date")
    package var check = false

    /// uv's hidden alias of `--check`.
    @Flag(help: .hidden)
    package var locked = false

    @Flag(
        name: .customLong("check-exists"),
        help: "Assert that a `uv.lock` exists without checking if it is up-to-date [env: UV_FROZEN=]"
    )
    package var checkExists = false

    /// uv's hidden alias of `--check-exists`.
    @Flag(help: .hidden)
    package var frozen = false

    @Flag(name: .customLong("dry-run"), help: "Perform a dry run, without writing the lockfile")
    package var dryRun = false

    @Option(help: ArgumentHelp("Lock the specified Python script, rather than the current project", valueName: "SCRIPT"))
    package var script: String?

    /// suv's older spelling of `--upgrade`.
    @Flag(help: .hidden)
    package var update = false

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    /// The spelling used for "locked" (`--check` or its alias `--locked`).
    private var lockedSpelling: String { locked && !check ? "--locked" : "--check" }
    /// The spelling used for "frozen" (`--check-exists` or its alias `--frozen`).
    private var frozenSpelling: String { frozen && !checkExists ? "--frozen" : "--check-exists" }

    package func validate() throws {
        let isLocked = check || locked
        let isFrozen = checkExists || frozen
        try Conflicts.exclusive((frozenSpelling, isFrozen), (lockedSpelling, isLocked))
        try Conflicts.exclusive((lockedSpelling, isLocked), ("--upgrade", resolver.upgrade || update))
        try Conflicts.exclusive(("--dry-run", dryRun), with: [(lockedSpelling, isLocked), (frozenSpelling, isFrozen)])
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> LockRequest {
        let mode = try LockModeResolver.resolve(
            frozen: checkExists || frozen ? true : nil,
            locked: check || locked ? true : nil,
            frozenFlag: frozenSpelling,
            lockedFlag: lockedSpelling,
            environment: EnvironmentReader(environment)
        )
        let resolver = try resolver.settings(environment: environment, upgradeAlias: update)
        return LockRequest(
            mode: mode.mode,
            dryRun: dryRun,
            script: script,
            index: try index.settings(environment: environment),
            resolver: resolver,
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            warnings: mode.warnings + resolver.warnings
        )
    }
}

/// A parsed `suv lock`. `mode` is ``LockMode/locked(source:)`` for `--check` and
/// ``LockMode/frozen(source:)`` for `--check-exists`.
package struct LockRequest: CommandRequest, Equatable {
    package var mode: LockMode
    package var dryRun: Bool
    package var script: String?
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}
