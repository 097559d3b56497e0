/// A `suv run` line made only of the options runs are usually given, read by ``QuickLine``
/// without the argument parser (which took about a quarter of a no-op `suv run python -c pass`).
///
/// Taken: global options on both sides of `run`, and `--frozen`, `--locked`, `--no-sync`,
/// `--isolated`, `--no-project`, `--active`, `--exact`, `-p`/`--python`; not `--frozen` with
/// `--locked`. Everything else goes to the full parse. `QuickRunTests` checks that every line
/// taken gives the same global options and the same ``RunRequest`` as the full parse, in
/// several environments.
package struct QuickRun: CommandInvocation {
    let line: QuickLine

    static let vocabulary = QuickLine.Vocabulary(
        switches: [
            "--frozen": "--frozen", "--locked": "--locked", "--no-sync": "--no-sync", "--isolated": "--isolated",
            "--no-project": "--no-project", "--active": "--active", "--exact": "--exact",
        ],
        valued: ["-p": "--python", "--python": "--python"],
        globalsBefore: true,
        takesTail: true
    )

    /// Reads `arguments` (the command line after `suv`), or returns `nil` when the line is not
    /// one this reader takes.
    package init?(arguments: [String]) {
        guard let line = QuickLine(arguments, command: "run", vocabulary: Self.vocabulary), !line.tail.isEmpty,
              !(line.has("--frozen") && line.has("--locked"))
        else { return nil }
        self.line = line
    }

    /// The global options of both sides of `run`, merged as ``Run/globalFlags`` merges them.
    package var globalFlags: GlobalFlags { line.leading.merged(with: line.trailing) }

    /// The request the full parse of the same line would build.
    package func request(environment: [String: String]) throws(UsageError) -> RunRequest {
        try RunRequest.resolve(
            command: line.tail,
            groups: try DependencyGroupOptions.selection(environment: environment),
            exact: line.has("--exact"), isolated: line.has("--isolated"), active: line.has("--active"),
            noSync: line.has("--no-sync"), frozen: line.has("--frozen") ? true : nil,
            locked: line.has("--locked") ? true : nil, noProject: line.has("--no-project"),
            index: try IndexOptions.settings(environment: environment),
            resolver: try ResolverOptions.settings(environment: environment),
            installer: try InstallerOptions.settings(environment: environment),
            python: try PythonOptions.settings(python: line.values["--python"], environment: environment),
            environment: environment
        )
    }

    package func run(context: CommandContext) async throws {
        try await Run.perform(try request(environment: context.environment), global: globalFlags, context: context)
    }
}
