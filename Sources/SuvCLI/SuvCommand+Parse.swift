import ArgumentParser

extension SuvCommand {
    /// Parses a command line (without the program name) into the command it selects, exactly as
    /// ``parseAsRoot(_:)`` does, but faster for the common line that starts with a command name
    /// (`suv tree …`): that command's own parser takes the rest directly.
    ///
    /// The argument parser's pass over the root first builds the chosen command's whole
    /// argument set twice (to see whether it takes passthrough arguments) before parsing it;
    /// that is a millisecond of a 10 ms `suv tree`. Starting at the command gives the same
    /// result: the root has only the global options, which every command declares too, and no
    /// validation of its own. Commands that read their parent (`suv run`, through
    /// `@ParentCommand`) are not started directly, and any line the direct parse does not accept
    /// (a usage error, `-V` after a command) or answers with the parser's own help command
    /// (`--help`) goes through the full parse, so errors and help read the same as ever.
    package static func parseCommandLine(_ arguments: [String]) throws -> any ParsableCommand {
        if let first = arguments.first, let command = directlyParsedCommands[first],
           let parsed = try? command.parseAsRoot(Array(arguments.dropFirst())), parsed is any SuvRunnable {
            return parsed
        }
        return try parseAsRoot(arguments)
    }

    /// The commands that can be parsed without the root, by every name they answer to.
    static let directlyParsedCommands: [String: any ParsableCommand.Type] = {
        var commands: [String: any ParsableCommand.Type] = [:]
        for command in configuration.subcommands where !readsParentCommand(command) {
            for name in [command._commandName] + command.configuration.aliases {
                commands[name] = command
            }
        }
        return commands
    }()

    /// Whether `command` (or one of its subcommands) uses `@ParentCommand`.
    private static func readsParentCommand(_ command: any ParsableCommand.Type) -> Bool {
        command == Run.self
    }
}
