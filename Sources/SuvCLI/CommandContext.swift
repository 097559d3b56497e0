import ArgumentParser
import Console

/// What a command runs with: where to print, the environment, and the resolved global settings.
///
/// Commands never read the process environment or write to the terminal directly; tests build a
/// context with in-memory sinks and a dictionary environment.
package struct CommandContext: Sendable {
    /// Output, already configured for `-q`/`-v`/`--color`.
    package var printer: Printer
    /// The environment the command sees.
    package var environment: [String: String]
    /// The global options resolved against the environment.
    package var settings: GlobalSettings
    /// The command line after `suv` (for headers that record the command, such as
    /// `pip compile`'s).
    package var arguments: [String]
    /// Whether `suv run` may replace this process with the command (`exec`); off in-process
    /// (tests), where the command runs as a child instead.
    package var replacesProcess = false

    package init(printer: Printer, environment: [String: String], settings: GlobalSettings, arguments: [String] = []) {
        self.printer = printer
        self.environment = environment
        self.settings = settings
        self.arguments = arguments
    }

    /// Prints each warning as `warning: ...`.
    package func warn(_ warnings: [String]) {
        for warning in warnings {
            printer.warn(warning)
        }
    }
}

/// A command line ready to run: what ``SuvCLI/main(arguments:environment:printer:)`` runs with a
/// ``CommandContext``.
package protocol CommandInvocation {
    /// The global options given for this invocation (before the environment is consulted).
    var globalFlags: GlobalFlags { get }
    /// Runs the command; errors are rendered by the caller.
    func run(context: CommandContext) async throws
}

/// A suv command parsed by the argument parser. The argument parser's own `run()` is never
/// called.
package protocol SuvRunnable: ParsableCommand, CommandInvocation {}

/// A command that includes the shared ``GlobalOptions`` group.
package protocol HasGlobalOptions {
    /// The global options group.
    var global: GlobalOptions { get }
}

extension SuvRunnable where Self: HasGlobalOptions {
    package var globalFlags: GlobalFlags { global.flags }
}

extension SuvRunnable {
    /// The error a command throws until its implementation lands:
    /// ``error: `suv pip compile` is not implemented yet``.
    package func notImplemented() -> NotImplementedError {
        NotImplementedError(command: CommandPath.of(Self.self))
    }
}

/// A command that only groups subcommands (`pip`, `python`, `cache`, `self`). Invoked on its
/// own it prints its help to stderr and exits 2, as uv does.
package protocol SuvCommandGroup: SuvRunnable {}

extension SuvCommandGroup {
    package func run(context: CommandContext) async throws {
        context.printer.rawError(SuvCommand.helpMessage(for: Self.self) + "\n")
        throw ExitCode(2)
    }
}
