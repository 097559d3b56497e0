import SuvBasics

extension PipInstall {
    /// Installs the requested packages into the environment, as `uv pip install` does: nothing
    /// when what is installed already satisfies them, otherwise a resolution for the
    /// environment's interpreter that keeps installed versions where they fit, then the
    /// downloads, builds, removals and installs that brings the environment there.
    package func run(context: CommandContext) async throws {
        let started = ContinuousClock.now
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        if !request.groups.isEmpty { throw NotImplementedError(command: "suv pip install --group") }
        if request.requireHashes { throw NotImplementedError(command: "suv pip install --require-hashes") }
        if !request.extras.extras.isEmpty || request.extras.allExtras {
            throw PipExtrasWithoutProject(localTrees: !request.editables.isEmpty || request.packages.contains(where: PipRequirementSpec.looksLikePath))
        }
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let spec = try PipRequirementSpec.read(
            packages: request.packages, files: request.requirements, editables: request.editables,
            constraintFiles: request.constraints, overrideFiles: request.overrides,
            workingDirectory: cwd, environment: context.environment)
        try await PipInstallOperation(
            spec: spec, mode: .install(exact: request.exact), noDeps: request.noDeps,
            environmentSettings: request.environment, pythonVersion: request.pythonVersion,
            pythonPlatform: request.pythonPlatform, index: request.index, resolver: request.resolver,
            installer: request.installer, refresh: request.refresh, python: request.python,
            dryRun: request.dryRun, strict: request.strict
        ).run(global: global.flags, context: context, started: started)
    }
}

extension PipSync {
    /// Makes the environment hold exactly the listed distributions, as `uv pip sync` does:
    /// each resolved on its own (no dependencies followed), installed or replaced, and every
    /// other installed distribution removed.
    package func run(context: CommandContext) async throws {
        let started = ContinuousClock.now
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        if !request.groups.isEmpty { throw NotImplementedError(command: "suv pip sync --group") }
        if request.requireHashes { throw NotImplementedError(command: "suv pip sync --require-hashes") }
        if !request.extras.extras.isEmpty || request.extras.allExtras {
            throw PipExtrasWithoutProject(localTrees: false)
        }
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let spec = try PipRequirementSpec.read(
            packages: [], files: request.sources, editables: [], constraintFiles: request.constraints,
            workingDirectory: cwd, environment: context.environment)
        if spec.count == 0 && !request.allowEmptyRequirements {
            context.warn(spec.warnings)
            context.printer.info("No requirements found (hint: use `--allow-empty-requirements` to clear the environment)")
            return
        }
        try await PipInstallOperation(
            spec: spec, mode: .sync, noDeps: true,
            environmentSettings: request.environment, pythonVersion: request.pythonVersion,
            pythonPlatform: request.pythonPlatform, index: request.index, resolver: request.resolver,
            installer: request.installer, refresh: request.refresh, python: request.python,
            dryRun: request.dryRun, strict: request.strict
        ).run(global: global.flags, context: context, started: started)
    }
}

/// `--extra`/`--all-extras` with no `pylock.toml`, `pyproject.toml`, `setup.cfg` or `setup.py`
/// source to take them from (suv's pip commands read requirement files and local trees only),
/// in uv's words.
struct PipExtrasWithoutProject: SuvError {
    /// Whether editables or local trees were given (uv then suggests `<dir>[extra]`).
    let localTrees: Bool

    var message: String {
        "Requesting extras requires a `pylock.toml`, `pyproject.toml`, `setup.cfg`, or `setup.py` file"
    }

    var hints: [String] {
        [localTrees ? "Use `<dir>[extra]` syntax or `-r <file>` instead" : "Use `package[extra]` syntax instead"]
    }
}
