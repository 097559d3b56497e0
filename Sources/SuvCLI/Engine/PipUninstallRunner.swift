import Console
import PEP508
import SuvBasics

extension PipUninstall {
    /// Removes the named distributions, as `uv pip uninstall` does: names from the arguments
    /// and `-r` files (specifiers ignored; local paths match what was installed from them),
    /// a warning for each one that is not installed, then `Uninstalled N packages` and the list.
    package func run(context: CommandContext) async throws {
        let started = ContinuousClock.now
        let settings = try environment.settings(environment: context.environment)
        let python = try python.settings(environment: context.environment)
        if settings.target != nil { throw NotImplementedError(command: "suv pip uninstall --target") }
        if settings.prefix != nil { throw NotImplementedError(command: "suv pip uninstall --prefix") }
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let spec = try PipRequirementSpec.read(
            packages: packages, files: requirements, editables: [], workingDirectory: cwd, environment: context.environment)
        context.warn(spec.warnings)
        let target = try await PipCommand.environment(
            global: global.flags, context: context, python: python, system: settings.system, access: .mutating)
        try target.checkExternallyManaged(breakSystemPackages: settings.breakSystemPackages, wording: .inline, workingDirectory: cwd)
        let environmentLock = try await target.lock(environment: context.environment)
        defer { environmentLock.release() }
        let installed = try PipSitePackages.scan(target)

        var found: [PipInstalledPackage] = []
        for name in Set(spec.requirements.map(\.packageName)).sorted() {
            let matching = installed.named(name)
            if matching.isEmpty {
                if !dryRun { context.warn(["Skipping \(name) as it is not installed"]) }
            }
            found += matching
        }
        for tree in spec.localTrees {
            let matching = installed.packages.filter { $0.directURL == tree.url }
            if matching.isEmpty {
                if !dryRun { context.warn(["Skipping \(tree.url) as it is not installed"]) }
            }
            found += matching
        }
        var seen: Set<String> = []
        let distributions = found
            .sorted { $0.distribution.path < $1.distribution.path }
            .filter { seen.insert($0.distribution.path).inserted }
        let printer = context.printer
        guard !distributions.isEmpty else {
            if dryRun { printer.info("Would make no changes") } else { context.warn(["No packages to uninstall"]) }
            return
        }
        if dryRun {
            printer.info(printer.stderrPaint.dimmed("Would uninstall \(Plural.count(distributions.count, "package"))"))
        } else {
            let scheme = target.scheme
            for package in distributions { try PipRemoval.remove(package, scheme: scheme) }
            printer.info(printer.stderrPaint.dimmed(
                "Uninstalled \(Plural.count(distributions.count, "package")) in \(ElapsedFormat.format(started.duration(to: .now)))"))
        }
        let paint = printer.stderrPaint
        for package in distributions {
            printer.info(" \(paint.red("-")) \(paint.bold(package.name.description))\(paint.dimmed(package.changeSuffix))")
        }
    }
}
