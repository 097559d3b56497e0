import ArgumentParser
import Console
import SuvBasics

/// suv's entry point: parses the command line, runs the command, renders any error, and returns
/// the exit status. `Sources/suv/main.swift` only calls this and exits.
///
/// Exit statuses follow uv: 0 on success (and for `--help`/`--version`); 2 for usage errors
/// (never the argument parser's 64) and for errors whose ``ErrorKind`` says so; 1 for failures
/// caused by user input; a command may also end with an explicit status (`suv run` passes on its
/// child's).
public enum SuvCLI {
    /// Runs suv.
    ///
    /// - Parameters:
    ///   - arguments: the command line without the program name.
    ///   - environment: the process environment (`UV_*`, `NO_COLOR`, ...).
    ///   - printer: where output goes; the process's stdout and stderr when `nil`.
    /// - Returns: the process exit status.
    public static func main(
        arguments: [String],
        environment: [String: String],
        printer: Printer? = nil
    ) async -> Int32 {
        let basePrinter = printer ?? Printer.standard(
            color: ColorChoice.resolve(flag: nil, environment: environment),
            environment: environment
        )

        let command: any CommandInvocation
        if let quick = QuickRun(arguments: arguments) {
            command = quick
        } else if let quick = QuickTree(arguments: arguments) {
            command = quick
        } else if let quick = QuickSync(arguments: arguments) {
            command = quick
        } else {
            let parsed: any ParsableCommand
            do {
                parsed = try SuvCommand.parseCommandLine(arguments)
            } catch {
                return reportParserOutcome(error, printer: basePrinter)
            }
            guard let runnable = parsed as? any SuvRunnable else {
                // The argument parser's own commands (`suv help ...`) report through an error.
                do {
                    var builtIn = parsed
                    try builtIn.run()
                    return 0
                } catch {
                    return reportParserOutcome(error, printer: basePrinter)
                }
            }
            command = runnable
        }

        if command.globalFlags.version {
            basePrinter.forcedData("suv \(SuvVersion.current)")
            return 0
        }

        let settings: GlobalSettings
        do {
            settings = try GlobalSettings.resolve(command.globalFlags, environment: environment)
        } catch {
            let flags = command.globalFlags
            let color = ColorChoice.resolve(flag: flags.noColor ? .never : flags.color, environment: environment)
            basePrinter.with(quiet: 0, verbose: 0, color: color, environment: environment).error(error)
            return error.kind.exitCode
        }

        let commandPrinter = basePrinter.with(
            quiet: settings.quiet,
            verbose: settings.verbose,
            color: settings.color,
            environment: environment
        )
        var context = CommandContext(printer: commandPrinter, environment: environment, settings: settings, arguments: arguments)
        context.replacesProcess = printer == nil
        context.warn(settings.warnings)
        commandPrinter.debug(SuvVersion.longVersion)

        // The project locks this command takes are released when it ends (an in-process run
        // must not keep them; a process that exits or `exec`s drops them anyway).
        let locks = ProjectLockScope()
        defer { locks.releaseAll() }
        do {
            try await ProjectLock.$scope.withValue(locks) {
                try await command.run(context: context)
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch where error is ValidationError || error is CleanExit {
            // A command may still report a usage problem or a help request the parser's way.
            return reportParserOutcome(error, printer: commandPrinter)
        } catch {
            commandPrinter.error(error)
            return ErrorChain(error).kind.exitCode
        }
    }

    /// Prints what the argument parser has to say about `error`: help and version text to
    /// stdout with status 0, anything else (usage errors) to stderr with status 2.
    static func reportParserOutcome(_ error: any Error, printer: Printer) -> Int32 {
        let text = SuvCommand.fullMessage(for: error)
        if SuvCommand.exitCode(for: error) == .success {
            if !text.isEmpty { printer.forcedData(text) }
            return 0
        }
        printer.rawError(text.hasSuffix("\n") ? text : text + "\n")
        return 2
    }
}
