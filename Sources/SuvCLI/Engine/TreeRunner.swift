import Cache
import Lockfile
import PackagingTypes
import PEP440
import PEP508
import Project
import Python
import SuvBasics

extension Tree {
    /// Prints the project's dependency tree from its lock, as `uv tree` does: the lock brought
    /// up to date first (unless `--frozen`), then the tree for the interpreter's markers (with
    /// `--python-version`/`--python-platform` applied), or for every platform with
    /// `--universal`; `--format json` writes suv's JSON document (`docs/tree-json.md`).
    package func run(context: CommandContext) async throws {
        try await Self.perform(try request(environment: context.environment), global: global.flags, context: context)
    }

    /// Prints the tree `request` asks for: what a fully parsed `suv tree` and a ``QuickTree``
    /// line both do.
    static func perform(_ request: TreeRequest, global: GlobalFlags, context: CommandContext) async throws {
        context.warn(request.warnings)
        if request.script != nil { throw NotImplementedError(command: "suv tree --script") }
        let version = try request.pythonVersion.map(Self.parsePythonVersion)
        let platform = try request.pythonPlatform.map { text throws(UsageError) in
            guard let platform = PythonPlatform(text) else { throw .invalidValue(text, option: "--python-platform <PYTHON_PLATFORM>", possible: []) }
            return platform
        }

        let loaded = try await LockedProject.load(
            LockedProject.Request(mode: request.mode, index: request.index, resolver: request.resolver, refresh: request.refresh,
                                  python: request.python, needsInterpreter: !request.universal,
                                  lockScope: request.showSizes ? .everything : .dependencyGraph),
            global: global, context: context)
        defer { loaded.close() }
        let lock = loaded.lock

        let selection = SyncSelection.selection(
            extras: ExtraSelection(), groups: request.groups, defaultGroups: loaded.project.toolUv?.defaultGroups,
            declaredGroups: Self.declaredGroups(lock), projects: [], installProject: true)
        var options = DependencyTree.Options()
        if !request.universal, let interpreter = loaded.interpreter {
            options.environment = Self.markers(interpreter.markers, pythonVersion: version, platform: platform)
        }
        options.depth = request.depth
        options.prune = Set(request.prune.map(PackageName.init))
        options.packages = Set(request.packages.map(PackageName.init))
        options.groups = selection.groups
        options.production = !selection.onlyGroups
        options.noDedupe = request.noDedupe
        options.invert = request.invert
        options.showSizes = request.showSizes
        if request.outdated {
            if let session = loaded.session {
                options.latest = try await LatestVersions.find(lock: lock, session: session, context: context)
            } else {
                let session = try await IndexSession.open(global: global, context: context, index: request.index, refresh: request.refresh)
                defer { session.close() }
                options.latest = try await LatestVersions.find(lock: lock, session: session, context: context)
            }
        }

        let tree = try DependencyTree(lock: lock, options: options)
        switch request.format {
        case .text:
            let paint = context.printer.stdoutPaint
            let style = DependencyTree.TextStyle(
                latest: { paint.cyan(paint.bold($0)) }, size: { paint.dimmed($0) },
                footer: { paint.isEnabled ? "\u{1B}[3m\($0)\u{1B}[0m" : $0 })
            // uv prints the tree even under `-qq`.
            context.printer.stdout.write(tree.text(style: style, formatSize: ByteSize.humanReadable))
        case .json:
            context.printer.writeData(tree.json())
        }
    }

    /// Every dependency group the lock knows (for `--all-groups` and `default-groups = "all"`).
    static func declaredGroups(_ lock: Lockfile.Lock) -> [String] {
        var names: Set<String> = Set(lock.manifest.dependencyGroups.map(\.name))
        for package in lock.packages {
            names.formUnion(package.devDependencies.map(\.name))
            names.formUnion(package.metadata?.requiresDev.map(\.name) ?? [])
        }
        return names.sorted()
    }

    /// `--python-version`: `3`, `3.X` or `3.X.Y` (a usage error otherwise, exit 2, as clap's).
    static func parsePythonVersion(_ text: String) throws(UsageError) -> PEP440.Version {
        guard let version = PEP440.Version(text), version.release.count <= 3, !version.isPrerelease, !version.isLocal else {
            throw UsageError("invalid value '\(text)' for '--python-version <PYTHON_VERSION>': Python version `\(text)` could not be parsed")
        }
        return version
    }

    /// The interpreter's markers with `--python-version` and `--python-platform` applied, as
    /// uv's `resolution_markers` applies them.
    static func markers(_ base: MarkerEnvironment, pythonVersion: PEP440.Version?, platform: PythonPlatform?) -> MarkerEnvironment {
        var markers = platform.map { $0.apply(to: base) } ?? base
        if let version = pythonVersion {
            let release = version.release.map(String.init)
            let full = release.joined(separator: ".")
            markers.pythonVersion = release.prefix(2).joined(separator: ".")
            markers.pythonFullVersion = full
            if markers.implementationName == "cpython" { markers.implementationVersion = full }
        }
        return markers
    }
}
