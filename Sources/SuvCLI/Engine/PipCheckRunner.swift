import ArgumentParser
import Console
import SuvBasics

extension PipCheck {
    /// Checks that the installed distributions' requirements hold, as `uv pip check` does:
    /// `Checked N packages`, then `All installed packages are compatible`, or the problems
    /// found (exit 1).
    package func run(context: CommandContext) async throws {
        let started = ContinuousClock.now
        let system = try EnvironmentReader(context.environment).flag(system, "UV_SYSTEM_PYTHON", option: "--system")
        let python = try python.settings(environment: context.environment)
        let target = try await PipCommand.environment(global: global.flags, context: context, python: python, system: system, access: .readOnly)
        let installed = try PipSitePackages.scan(target)
        let printer = context.printer
        printer.info(printer.stderrPaint.dimmed(
            "Checked \(Plural.count(installed.packages.count, "package")) in \(ElapsedFormat.format(started.duration(to: .now)))"))
        let environment = try TargetEnvironment.of(target.interpreter, pythonVersion: pythonVersion, pythonPlatform: pythonPlatform)
        let diagnostics = installed.diagnostics(markers: environment.markers, pythonVersion: target.versionText)
        if diagnostics.isEmpty {
            printer.info(printer.stderrPaint.dimmed("All installed packages are compatible"))
            return
        }
        printer.info(printer.stderrPaint.dimmed(
            "Found \(Plural.count(diagnostics.count, "incompatibility", plural: "incompatibilities"))"))
        for diagnostic in diagnostics { printer.info(printer.stderrPaint.bold(diagnostic.message)) }
        throw ExitCode(1)
    }
}
