import ArgumentParser

/// The requirement-shaping options shared by `pip compile`, `pip install` and `pip sync`:
/// `-c/--constraints`, `--extra` and `--all-extras`.
package struct PipRequirementOptions: ParsableArguments, Sendable {
    @Option(name: [.customShort("c"), .customLong("constraints")], help: ArgumentHelp(
        "Constrain versions using the given requirements files [env: UV_CONSTRAINT=]",
        valueName: "CONSTRAINTS"
    ))
    package var constraints: [String] = []

    @Option(help: ArgumentHelp(
        "Include optional dependencies from the specified extra name; may be provided more than once",
        valueName: "EXTRA"
    ))
    package var extra: [String] = []

    @Flag(name: .customLong("all-extras"), help: "Include all optional dependencies")
    package var allExtras = false

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--extra <EXTRA>", !extra.isEmpty), ("--all-extras", allExtras))
    }

    /// Constraint files from the flag, else `UV_CONSTRAINT` (space-separated).
    package func constraintFiles(_ env: EnvironmentReader) -> [String] {
        env.list(constraints, "UV_CONSTRAINT", separator: " ")
    }

    /// The extras as plain data.
    package var extras: ExtraSelection {
        ExtraSelection(extras: extra, allExtras: allExtras)
    }
}
