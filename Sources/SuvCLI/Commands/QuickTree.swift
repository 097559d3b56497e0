/// A `suv tree` line made only of common options, read by ``QuickLine`` without the argument
/// parser (which took about a quarter of a `suv tree` on a small lock).
///
/// Taken: `tree` first, then global options and `--frozen`, `--locked`, `--universal`,
/// `--no-dedupe`, `--invert`/`--reverse`, `--outdated`, `--show-sizes`, `--no-dev`,
/// `-d`/`--depth N`, `--format text|json`, `-p`/`--python X`; not `--frozen` with `--locked`,
/// not `--invert` with `--reverse`. Everything else goes to the full parse. `QuickTreeTests`
/// checks that every line taken gives the same global options and ``TreeRequest`` as the full
/// parse.
package struct QuickTree: CommandInvocation {
    let line: QuickLine
    let depth: Int
    let format: OutputFormat

    static let vocabulary = QuickLine.Vocabulary(
        switches: [
            "--frozen": "--frozen", "--locked": "--locked", "--universal": "--universal", "--no-dedupe": "--no-dedupe",
            "--invert": "--invert", "--reverse": "--reverse", "--outdated": "--outdated", "--show-sizes": "--show-sizes",
            "--no-dev": "--no-dev",
        ],
        valued: ["-d": "--depth", "--depth": "--depth", "--format": "--format", "-p": "--python", "--python": "--python"],
        globalsBefore: false,
        takesTail: false
    )

    /// Reads `arguments` (the command line after `suv`), or returns `nil` when the line is not
    /// one this reader takes.
    package init?(arguments: [String]) {
        guard let line = QuickLine(arguments, command: "tree", vocabulary: Self.vocabulary),
              !(line.has("--frozen") && line.has("--locked")), !(line.has("--invert") && line.has("--reverse"))
        else { return nil }
        let depth = line.values["--depth"].map { Int($0) } ?? 255
        let format = line.values["--format"].map { OutputFormat(rawValue: $0) } ?? .text
        guard let depth, let format else { return nil }
        self.line = line
        self.depth = depth
        self.format = format
    }

    package var globalFlags: GlobalFlags { line.leading.merged(with: line.trailing) }

    /// The request the full parse of the same line would build.
    package func request(environment: [String: String]) throws(UsageError) -> TreeRequest {
        try TreeRequest.resolve(
            universal: line.has("--universal"), format: format, depth: depth, noDedupe: line.has("--no-dedupe"),
            invert: line.has("--invert") || line.has("--reverse"), outdated: line.has("--outdated"),
            showSizes: line.has("--show-sizes"),
            groups: try DependencyGroupOptions.selection(noDev: line.has("--no-dev"), environment: environment),
            frozen: line.has("--frozen") ? true : nil, locked: line.has("--locked") ? true : nil,
            index: try IndexOptions.settings(environment: environment),
            resolver: try ResolverOptions.settings(environment: environment),
            python: try PythonOptions.settings(python: line.values["--python"], environment: environment),
            environment: environment
        )
    }

    package func run(context: CommandContext) async throws {
        try await Tree.perform(try request(environment: context.environment), global: globalFlags, context: context)
    }
}
