import Console
import Distribution
import Installer
import PEP440
import PEP508
import Python
import Resolution
import SuvBasics

/// What `suv pip install` and `suv pip sync` share: find the environment, resolve the
/// requirements for its interpreter (preferring what is installed, unless upgrading or
/// reinstalling), plan the changes and carry them out, as uv's pip interface does.
struct PipInstallOperation {
    /// `pip install` keeps what the requirements do not name (unless `--exact`); `pip sync`
    /// installs exactly the listed distributions, without their dependencies, and removes the
    /// rest.
    enum Mode {
        case install(exact: Bool)
        case sync
    }

    var spec: PipRequirementSpec
    var mode: Mode
    var noDeps = false
    var environmentSettings: PipEnvironmentSettings
    var pythonVersion: String?
    var pythonPlatform: String?
    var index: IndexSettings
    var resolver: ResolverSettings
    var installer: InstallerSettings
    var refresh: RefreshSettings
    var python: PythonSettings
    var dryRun: Bool
    var strict: Bool

    private var exact: Bool {
        switch mode {
        case .install(let exact): exact
        case .sync: true
        }
    }

    private var reinstall: PipInstallPlan.Reinstall {
        installer.reinstall ? .all : .packages(Set(installer.reinstallPackages.map(PackageName.init)))
    }

    /// What uv revalidates in the cache: what is reinstalled, upgraded or refreshed.
    private var refreshed: PipInstallPlan.Reinstall {
        if installer.reinstall || resolver.upgrade || refresh.refresh { return .all }
        let names = installer.reinstallPackages + resolver.upgradePackages.map(Requirement.nameOnly) + refresh.refreshPackages
        return .packages(Set(names.map(PackageName.init)))
    }

    func run(global: GlobalFlags, context: CommandContext, started: ContinuousClock.Instant) async throws {
        if environmentSettings.target != nil { throw NotImplementedError(command: "suv pip --target") }
        if environmentSettings.prefix != nil { throw NotImplementedError(command: "suv pip --prefix") }
        context.warn(spec.warnings)
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let environment = try await PipCommand.environment(
            global: global, context: context, python: python, system: environmentSettings.system, access: .mutating)
        let wording: PipEnvironmentError.Wording
        switch mode {
        case .install: wording = .install(system: environmentSettings.system)
        case .sync: wording = .inline
        }
        try environment.checkExternallyManaged(
            breakSystemPackages: environmentSettings.breakSystemPackages, wording: wording, workingDirectory: cwd)
        let target = try TargetEnvironment.of(environment.interpreter, pythonVersion: pythonVersion, pythonPlatform: pythonPlatform)
        let environmentLock = try await environment.lock(environment: context.environment)
        defer { environmentLock.release() }
        let installed = try PipSitePackages.scan(environment)

        // Nothing to resolve when what is installed already satisfies every requirement.
        if case .install(exact: false) = mode, reinstall.isEmpty, !resolver.upgrade, resolver.upgradePackages.isEmpty,
           spec.localTrees.isEmpty,
           installed.satisfies(spec.requirements, constraints: spec.constraints, overrides: spec.overrides, markers: target.markers) {
            PipOutput.checked(spec.count, since: started, printer: context.printer)
            if dryRun { context.printer.info("Would make no changes") }
            return
        }

        var index = self.index
        if index.indexURL == nil { index.indexURL = spec.indexURL }
        if index.extraIndexURLs.isEmpty { index.extraIndexURLs = spec.extraIndexURLs }
        index.findLinks += spec.findLinks
        index.noIndex = index.noIndex || spec.noIndex
        let session = try await IndexSession.open(global: global, context: context, index: index, refresh: refresh)
        defer { session.close() }

        let resolveStarted = ContinuousClock.now
        let rebuildsInstalled = if case .install = mode { true } else { false }
        let locals = try await PipLocalBuilder(session: session, environment: environment, context: context)
            .prepare(spec.localTrees, installed: installed, rebuildsInstalled: rebuildsInstalled)
        let graph = try await resolve(target: target, installed: installed, locals: locals, session: session)
        PipOutput.resolved(graph.packages.count, since: resolveStarted, printer: context.printer)

        let plan = try PipInstallPlan(graph: graph, locals: locals, installed: installed, reinstall: reinstall,
                                      refresh: refreshed, exact: exact, keepsSeeds: environment.keepsSeedPackages)
        try await PipChanges(
            plan: plan, environment: environment, session: session, context: context,
            linkMode: installer.linkMode.flatMap { Installer.LinkMode(rawValue: $0.rawValue) } ?? .default,
            compileBytecode: installer.compileBytecode, dryRun: dryRun
        ).apply()

        if strict && !dryRun {
            let names = Set(graph.packages.map(\.name))
            let diagnostics = try PipSitePackages.scan(environment).diagnostics(markers: target.markers, pythonVersion: environment.versionText)
            for diagnostic in diagnostics where names.contains(where: diagnostic.involves) {
                context.warn([diagnostic.message])
            }
        }
    }

    /// Resolves for the target; installed versions are preferred (not for packages being
    /// upgraded or reinstalled), local trees come from their built metadata.
    private func resolve(target: TargetEnvironment, installed: PipSitePackages, locals: [BuiltLocalTree],
                         session: IndexSession) async throws -> ResolutionGraph {
        var noBinary = PackageSelection.parse(spec.noBinary)
        let noBuild = PackageSelection.parse(spec.onlyBinary)
        if case .all = noBuild, case .all = noBinary { noBinary = .none }
        let prerelease = resolver.prerelease ?? (spec.pre ? .allow : session.settings.settings.prerelease)
        var options = ResolutionOptions(
            markers: target.markers, pythonVersion: target.pythonVersion, tags: target.tags,
            prerelease: prerelease, resolution: resolver.resolution ?? session.settings.settings.resolution,
            noBinary: noBinary, noBuild: noBuild, noDependencies: noDeps)
        for built in locals { options.localPackages[built.name] = built.localDistribution }

        var preferences: [PackageName: PEP440.Version] = [:]
        let upgraded = Set(resolver.upgradePackages.map { PackageName(Requirement.nameOnly($0)) })
        if !resolver.upgrade {
            for package in installed.packages where !upgraded.contains(package.name) && !reinstall.contains(package.name) {
                if let version = PEP440.Version(package.version) { preferences[package.name] = version }
            }
        }
        let source = RegistryDistributionSource(registry: session.registry, locations: session.settings.indexes)
        return try await PackageResolution(source: source, options: options)
            .resolve(spec.requirements + locals.map(\.requirement), constraints: spec.constraints,
                     overrides: spec.overrides, preferences: preferences)
    }
}

extension Requirement {
    /// The name at the start of `--upgrade-package` text (`flask<3` → `flask`).
    static func nameOnly(_ text: String) -> String {
        (try? Requirement(parsing: text).name) ?? text
    }
}

/// Helpers the `suv pip` runners share.
enum PipCommand {
    /// Finds the command's environment (see ``PipEnvironment``) and says which it is, as uv
    /// does when it is not the working directory's `.venv`.
    static func environment(global: GlobalFlags, context: CommandContext, python: PythonSettings,
                                   system: Bool, access: PipEnvironment.Access) async throws -> PipEnvironment {
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let selection = try InterpreterSelection(context: context, global: global, workingDirectory: cwd, python: python)
        let environment = try await PipEnvironment.find(request: python.request, system: system, access: access, finder: selection.finder)
        environment.report(printer: context.printer, workingDirectory: cwd, cacheRoot: cacheRoot(of: selection.finder))
        return environment
    }

    /// The cache root, from the interpreter-facts folder inside it.
    static func cacheRoot(of finder: InterpreterFinder) -> String? {
        let directory = finder.cache.directory
        guard let slash = directory.lastIndex(of: "/"), slash != directory.startIndex else { return nil }
        return String(directory[..<slash])
    }
}
