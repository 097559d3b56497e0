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
    /// validation of its own. Any line the direct parse does not accept (a usage error, `-V`
    /// after a command) or answers with the parser's own help command (`--help`) goes through
    /// the full parse, so errors and help read the same as ever.
    ///
    /// `suv run` takes global options on both sides of `run` (its command is captured verbatim
    /// after them): those given before `run` are handed to its own parser with the rest, which
    /// is what merging the root's with its own would give.
    package static func parseCommandLine(_ arguments: [String]) throws -> any ParsableCommand {
        if let first = arguments.first, let command = directlyParsedCommands[first],
           let parsed = try? command.parseAsRoot(Array(arguments.dropFirst())), parsed is any SuvRunnable {
            return parsed
        }
        let parsed = try parseAsRoot(arguments)
        if var run = parsed as? Run, let index = subcommandIndex(arguments), index > 0 {
            run.leading.flags = try PassthroughGlobalOptions.parse(Array(arguments[..<index])).flags
            return run
        }
        return parsed
    }

    /// The global options that take a value (the others are flags).
    static let globalOptionsWithValues: Set<String> = [
        "--color", "--allow-insecure-host", "--directory", "--project", "--config-file", "--cache-dir",
    ]

    /// Where the command name is in a line that starts with global options
    /// (`--cache-dir /c -v run …` → 3); `nil` without one.
    static func subcommandIndex(_ arguments: [String]) -> Int? {
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" { return nil }
            if !token.hasPrefix("-") { return index }
            index += globalOptionsWithValues.contains(token) ? 2 : 1
        }
        return nil
    }

    /// The commands that can be parsed without the root, by every name they answer to: a
    /// literal table, because deriving it from ``configuration`` would build sixteen command
    /// configurations on every start (a test checks the two agree). A command that read its
    /// parent through `@ParentCommand` could not be in it.
    static let directlyParsedCommands: [String: any ParsableCommand.Type] = [
        "run": Run.self, "init": Init.self, "add": Add.self, "remove": Remove.self, "upgrade": Upgrade.self,
        "version": Version.self, "sync": Sync.self, "lock": Lock.self, "resolve": Lock.self,
        "export": Export.self, "tree": Tree.self, "python": Python.self, "pip": Pip.self,
        "venv": Venv.self, "cache": Cache.self, "self": SelfCommand.self,
        "generate-shell-completion": GenerateShellCompletion.self,
    ]
}
