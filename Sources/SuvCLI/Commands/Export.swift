import ArgumentParser

/// `suv export`: export the project's lockfile to an alternate format.
package struct Export: RequestCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the project's lockfile to an alternate format",
        usage: "suv export [OPTIONS]"
    )

    @Option(help: ArgumentHelp("The format to which `uv.lock` should be exported", valueName: "FORMAT"))
    package var format: ExportFormat?

    @Flag(name: .customLong("all-packages"), help: "Export the entire workspace")
    package var allPackages = false

    @Option(name: .customLong("package"), help: ArgumentHelp(
        "Export the dependencies for specific packages in the workspace",
        valueName: "PACKAGE"
    ))
    package var packages: [String] = []

    @Option(help: ArgumentHelp("Prune the given package from the dependency tree", valueName: "PACKAGE"))
    package var prune: [String] = []

    @OptionGroup package var extras: ExtraOptions
    @OptionGroup package var groups: DependencyGroupOptions

    @Flag(name: .customLong("no-annotate"), help: "Exclude comment annotations indicating the source of each package")
    package var noAnnotate = false

    @Flag(name: .customLong("no-header"), help: "Exclude the comment header at the top of the generated output file")
    package var noHeader = false

    @Flag(
        name: .customLong("emit-index-url"),
        help: "Include `--index-url` and `--extra-index-url` entries in the generated output file"
    )
    package var emitIndexURL = false

    @Flag(name: .customLong("emit-find-links"), help: "Include `--find-links` entries in the generated output file")
    package var emitFindLinks = false

    @Flag(
        name: .customLong("no-editable"),
        help: "Export any editable dependencies, including the project and any workspace members, as non-editable [env: UV_NO_EDITABLE=]"
    )
    package var noEditable = false

    @Flag(name: .customLong("no-hashes"), help: "Omit hashes in the generated output")
    package var noHashes = false

    @Option(name: [.customShort("o"), .customLong("output-file")], help: ArgumentHelp(
        "Write the exported requirements to the given file",
        valueName: "OUTPUT_FILE"
    ))
    package var outputFile: String?

    @Flag(name: .customLong("no-emit-project"), help: "Do not emit the current project")
    package var noEmitProject = false

    @Flag(name: .customLong("no-emit-workspace"), help: "Do not emit any workspace members, including the root project")
    package var noEmitWorkspace = false

    @Flag(name: .customLong("no-emit-local"), help: "Do not include local path dependencies in the exported requirements")
    package var noEmitLocal = false

    @Option(name: .customLong("no-emit-package"), help: ArgumentHelp("Do not emit the given package(s)", valueName: "NO_EMIT_PACKAGE"))
    package var noEmitPackage: [String] = []

    @Flag(inversion: .prefixedNo, help: "Assert that the `uv.lock` will remain unchanged [env: UV_LOCKED=]")
    package var locked: Bool?

    @Flag(inversion: .prefixedNo, help: "Do not update the `uv.lock` before exporting [env: UV_FROZEN=]")
    package var frozen: Bool?

    @Option(help: ArgumentHelp(
        "Export the dependencies for the specified PEP 723 Python script, rather than the current project",
        valueName: "SCRIPT"
    ))
    package var script: String?

    @OptionGroup(title: "Index options") package var index: IndexOptions
    @OptionGroup(title: "Resolver options") package var resolver: ResolverOptions
    @OptionGroup(title: "Cache options") package var refresh: RefreshOptions
    @OptionGroup(title: "Python options") package var python: PythonOptions
    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func validate() throws {
        try Conflicts.exclusive(("--frozen", frozen == true), ("--locked", locked == true))
        try Conflicts.exclusive(("--package <PACKAGE>", !packages.isEmpty), ("--all-packages", allPackages))
        try extras.validate(against: groups)
    }

    /// What to do, resolved against the environment.
    package func request(environment: [String: String]) throws(UsageError) -> ExportRequest {
        let env = EnvironmentReader(environment)
        let mode = try LockModeResolver.resolve(frozen: frozen, locked: locked, environment: env)
        let resolver = try resolver.settings(environment: environment)
        return ExportRequest(
            format: format ?? Self.inferredFormat(outputFile: outputFile),
            allPackages: allPackages,
            packages: packages,
            prune: prune,
            extras: extras.selection,
            groups: try groups.selection(environment: environment),
            noAnnotate: noAnnotate,
            noHeader: noHeader,
            emitIndexURL: emitIndexURL,
            emitFindLinks: emitFindLinks,
            noEditable: try env.flag(noEditable, "UV_NO_EDITABLE", option: "--no-editable"),
            noHashes: noHashes,
            outputFile: outputFile,
            noEmitProject: noEmitProject,
            noEmitWorkspace: noEmitWorkspace,
            noEmitLocal: noEmitLocal,
            noEmitPackages: noEmitPackage,
            mode: mode.mode,
            script: script,
            index: try index.settings(environment: environment),
            resolver: resolver,
            refresh: refresh.settings,
            python: try python.settings(environment: environment),
            warnings: mode.warnings + resolver.warnings
        )
    }

    /// The format uv picks without `--format`: `pylock.toml` for an output file named
    /// `pylock.toml` or `pylock.<name>.toml`, `requirements.txt` otherwise.
    package static func inferredFormat(outputFile: String?) -> ExportFormat {
        guard let outputFile else { return .requirementsTxt }
        let name = outputFile.split(separator: "/").last.map(String.init) ?? outputFile
        guard name.hasPrefix("pylock."), name.hasSuffix(".toml") else { return .requirementsTxt }
        let middle = name.dropFirst("pylock.".count).dropLast(".toml".count)
        return name == "pylock.toml" || (!middle.isEmpty && !middle.contains(".")) ? .pylockToml : .requirementsTxt
    }
}

/// A parsed `suv export`.
package struct ExportRequest: CommandRequest, Equatable {
    package var format: ExportFormat
    package var allPackages: Bool
    package var packages: [String]
    package var prune: [String]
    package var extras: ExtraSelection
    package var groups: DependencyGroupSelection
    package var noAnnotate: Bool
    package var noHeader: Bool
    package var emitIndexURL: Bool
    package var emitFindLinks: Bool
    package var noEditable: Bool
    package var noHashes: Bool
    package var outputFile: String?
    package var noEmitProject: Bool
    package var noEmitWorkspace: Bool
    package var noEmitLocal: Bool
    package var noEmitPackages: [String]
    package var mode: LockMode
    package var script: String?
    package var index: IndexSettings
    package var resolver: ResolverSettings
    package var refresh: RefreshSettings
    package var python: PythonSettings
    package var warnings: [String]
}
