import ArgumentParser

extension SuvCLI {
    /// Parses a command line (without the program name) and returns the selected command as
    /// `Command`, validated but not run. For tests and tools that inspect the request a command
    /// line builds.
    ///
    /// - Throws: the argument parser's error for an invalid command line, or
    ///   ``UnexpectedCommand`` when the line selects a different command.
    package static func parse<Command>(_ arguments: [String], as _: Command.Type = Command.self) throws -> Command {
        let parsed = try SuvCommand.parseCommandLine(arguments)
        guard let command = parsed as? Command else {
            throw UnexpectedCommand(expected: "\(Command.self)", actual: "\(type(of: parsed))")
        }
        return command
    }
}

/// A command line parsed to another command than the caller expected.
package struct UnexpectedCommand: Error, Equatable {
    package let expected: String
    package let actual: String
}
