import ArgumentParser
import Console

/// The root of suv's command tree: `suv [OPTIONS] <COMMAND>`.
///
/// Spellings, flags and help text follow uv 0.13.9. Without a command the root prints its help
/// to stderr and exits 2, as uv does (`-V/--version`, a global option, is handled by
/// ``SuvCLI/main(arguments:environment:printer:)``).
package struct SuvCommand: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "suv",
        abstract: "An extremely fast Python package manager.",
        usage: "suv [OPTIONS] <COMMAND>",
        subcommands: [
            Run.self,
            Init.self,
            Add.self,
            Remove.self,
            Upgrade.self,
            Version.self,
            Sync.self,
            Lock.self,
            Export.self,
            Tree.self,
            Python.self,
            Pip.self,
            Venv.self,
            Cache.self,
            SelfCommand.self,
            GenerateShellCompletion.self,
        ]
    )

    /// uv prints `error: ...` in lower case; so does suv for usage errors.
    package static var _errorPrefix: String { "error: " }

    @OptionGroup(title: "Global options")
    package var global: GlobalOptions

    package init() {}

    package func run(context: CommandContext) async throws {
        context.printer.rawError(SuvCommand.helpMessage() + "\n")
        throw ExitCode(2)
    }
}
