import ArgumentParser

/// `suv generate-shell-completion <SHELL>`: print a completion script for the whole command tree.
package struct GenerateShellCompletion: SuvRunnable, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "generate-shell-completion",
        abstract: "Generate shell completion",
        usage: "suv generate-shell-completion [OPTIONS] <SHELL>"
    )

    @Argument(help: ArgumentHelp("The shell to generate the completion script for", valueName: "SHELL"))
    package var shell: ShellName

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}

    package func run(context: CommandContext) async throws {
        context.printer.writeData(SuvCommand.completionScript(for: shell.completionShell))
    }
}
