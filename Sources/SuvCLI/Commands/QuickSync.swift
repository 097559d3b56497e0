/// A `suv sync` line made only of common options, read by ``QuickLine`` without the argument
/// parser (which took a quarter of the user time of a warm `suv sync` of a small project).
///
/// Taken: `sync` first, then global options and `--frozen`, `--locked`, `--no-dev`,
/// `--production`, `--exact`, `--inexact`, `--clean`, `--no-install-project`, `--all-extras`,
/// `--dry-run`, `-p`/`--python X`; not `--frozen` with `--locked`, and at most one of `--exact`,
/// `--inexact` and `--clean` (the full parse takes the last). Everything else goes to the full
/// parse. `QuickSyncTests` checks that every line taken gives the same global options and
/// ``SyncRequest`` as the full parse.
package struct QuickSync: CommandInvocation {
    let line: QuickLine

    static let vocabulary = QuickLine.Vocabulary(
        switches: [
            "--frozen": "--frozen", "--locked": "--locked", "--no-dev": "--no-dev", "--production": "--production",
            "--exact": "--exact", "--inexact": "--inexact", "--clean": "--clean",
            "--no-install-project": "--no-install-project", "--all-extras": "--all-extras", "--dry-run": "--dry-run",
        ],
        valued: ["-p": "--python", "--python": "--python"],
        globalsBefore: false,
        takesTail: false
    )

    /// Reads `arguments` (the command line after `suv`), or returns `nil` when the line is not
    /// one this reader takes.
    package init?(arguments: [String]) {
        guard let line = QuickLine(arguments, command: "sync", vocabulary: Self.vocabulary),
              !(line.has("--frozen") && line.has("--locked")),
              ["--exact", "--inexact", "--clean"].filter(line.has).count <= 1
        else { return nil }
        self.line = line
    }

    /// The global options given after `sync`.
    package var globalFlags: GlobalFlags { line.leading.merged(with: line.trailing) }

    /// The request the full parse of the same line would build.
    package func request(environment: [String: String]) throws(UsageError) -> SyncRequest {
        try SyncRequest.resolve(
            frozen: line.has("--frozen") ? true : nil, locked: line.has("--locked") ? true : nil,
            extras: ExtraSelection(allExtras: line.has("--all-extras")),
            groups: try DependencyGroupOptions.selection(
                noDev: line.has("--no-dev") || line.has("--production"), environment: environment),
            exact: !line.has("--inexact"), noInstallProject: line.has("--no-install-project"),
            dryRun: line.has("--dry-run"),
            index: try IndexOptions.settings(environment: environment),
            resolver: try ResolverOptions.settings(environment: environment),
            installer: try InstallerOptions.settings(environment: environment),
            python: try PythonOptions.settings(python: line.values["--python"], environment: environment),
            environment: environment
        )
    }

    package func run(context: CommandContext) async throws {
        try await Sync.execute(try request(environment: context.environment), global: globalFlags, context: context)
    }
}
