import ArgumentParser

/// uv's optional-dependency selection flags (`--extra`, `--all-extras`, `--no-extra`), shared by
/// `sync`, `run` and `export`.
package struct ExtraOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("Include optional dependencies from the specified extra name", valueName: "EXTRA"))
    package var extra: [String] = []

    @Flag(name: .customLong("all-extras"), help: "Include all optional dependencies")
    package var allExtras = false

    @Option(name: .customLong("no-extra"), help: ArgumentHelp(
        "Exclude the specified optional dependencies, if `--all-extras` is supplied",
        valueName: "NO_EXTRA"
    ))
    package var noExtra: [String] = []

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--extra <EXTRA>", !extra.isEmpty), ("--all-extras", allExtras))
    }

    /// Rejects extras together with `--only-group`, which selects nothing but the named groups.
    package func validate(against groups: DependencyGroupOptions) throws {
        let onlyGroup = ("--only-group <ONLY_GROUP>", !groups.onlyGroup.isEmpty)
        try Conflicts.exclusive(onlyGroup, with: [("--extra <EXTRA>", !extra.isEmpty), ("--all-extras", allExtras)])
    }

    /// The options as plain data.
    package var selection: ExtraSelection {
        ExtraSelection(extras: extra, allExtras: allExtras, noExtras: noExtra)
    }
}

/// Which optional dependencies a command includes.
package struct ExtraSelection: Equatable, Sendable {
    package var extras: [String] = []
    package var allExtras = false
    package var noExtras: [String] = []

    package init(extras: [String] = [], allExtras: Bool = false, noExtras: [String] = []) {
        self.extras = extras
        self.allExtras = allExtras
        self.noExtras = noExtras
    }
}
