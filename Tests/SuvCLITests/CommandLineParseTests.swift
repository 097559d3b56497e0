import Foundation
import ArgumentParser
import Testing
@testable import SuvCLI

/// ``SuvCommand/parseCommandLine(_:)`` starts at the command for speed; it must give what the
/// argument parser's full pass from the root gives, for every kind of line.
@Suite struct CommandLineParseTests {
    static let lines: [[String]] = [
        ["tree"],
        ["tree", "--cache-dir", "/tmp/c", "--python", "3.12", "--frozen", "--depth", "2", "--invert"],
        ["tree", "-q", "--no-dev", "--group", "docs", "--universal", "--format", "json", "--reverse"],
        ["tree", "--package", "flask", "--prune", "click", "--outdated", "--show-sizes", "-v", "--color", "never"],
        ["sync", "--locked", "--python", "/usr/bin/python3", "--no-progress", "--offline"],
        ["sync", "--production", "--clean", "--all-extras", "--link-mode", "copy", "--compile-bytecode"],
        ["lock", "--update", "--index-url", "http://127.0.0.1:1/simple", "--dry-run"],
        ["resolve", "-U", "--upgrade-package", "flask", "--no-cache"],
        ["add", "flask>=3", "--dev", "--frozen", "--bounds", "major"],
        ["remove", "flask", "--group", "docs", "--no-sync"],
        ["export", "--no-hashes", "-o", "req.txt", "--no-dev"],
        ["pip", "install", "-r", "requirements.txt", "--system", "--python", "3.11"],
        ["pip", "list", "--outdated", "--format", "json"],
        ["python", "list", "--only-installed"],
        ["python", "pin", "3.12"],
        ["venv", ".venv2", "--seed", "--prompt", "demo", "--clear"],
        ["cache", "dir"],
        ["version", "--bump", "minor", "--short"],
        ["init", "--flask", "--name", "svc", "--no-readme"],
        ["upgrade", "--dry-run", "flask"],
        ["self", "version"],
        ["--quiet", "tree"],
        ["run", "python", "-c", "pass"],
        ["run", "--with", "rich", "-q", "--frozen", "pytest", "-x", "--tb=short"],
        ["run", "--", "ls", "-l"],
    ]

    static func described(_ command: any ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    @Test(arguments: lines)
    func sameAsTheFullParse(line: [String]) throws {
        let full = try SuvCommand.parseAsRoot(line)
        let direct = try SuvCommand.parseCommandLine(line)
        #expect(type(of: direct) == type(of: full))
        #expect(Self.described(direct) == Self.described(full))
    }

    /// Global options before `run` go to `run`'s own parser, with the ones after it.
    @Test func globalOptionsBeforeRunAreRuns() throws {
        let line = ["-q", "--cache-dir", "/c", "--color", "never", "run", "-q", "--offline", "python", "-c", "pass"]
        let parsed = try #require(try SuvCommand.parseCommandLine(line) as? Run)
        #expect(parsed.globalFlags.quiet == 2)
        #expect(parsed.globalFlags.cacheDir == "/c")
        #expect(parsed.globalFlags.color == .never)
        #expect(parsed.globalFlags.offline)
        #expect(parsed.commandLine == ["python", "-c", "pass"])
        #expect(SuvCommand.subcommandIndex(line) == 5)
        #expect(SuvCommand.subcommandIndex(["--directory", "run", "run", "x"]) == 2)
        #expect(SuvCommand.subcommandIndex(["-v", "--", "run"]) == nil)
    }

    /// ``SuvCommand/globalOptionsWithValues`` names exactly the global options that take a value.
    @Test func globalOptionsWithValuesMatchTheDeclarations() {
        let help = SuvCommand.helpMessage(columns: 400)
        var withValues: Set<String> = []
        for line in help.split(separator: "\n") {
            let words = line.split(separator: " ")
            for (offset, word) in words.enumerated() where word.hasPrefix("--") && offset + 1 < words.count && words[offset + 1].hasPrefix("<") {
                withValues.insert(String(word.trimmingCharacters(in: [","])))
            }
        }
        #expect(withValues == SuvCommand.globalOptionsWithValues, "\(help)")
    }

    /// What the full parse rejects or answers with help, the direct one does too, the same way.
    @Test(arguments: [["tree", "--depth"], ["tree", "--no-such-flag"], ["tree", "--help"], ["tree", "-V"], ["sync", "extra"]])
    func sameOutcomeForLinesTheCommandAloneRejects(line: [String]) {
        let full = Result { try SuvCommand.parseAsRoot(line) }
        let direct = Result { try SuvCommand.parseCommandLine(line) }
        switch (full, direct) {
        case (.failure(let expected), .failure(let actual)):
            #expect(SuvCommand.fullMessage(for: actual) == SuvCommand.fullMessage(for: expected))
            #expect(SuvCommand.exitCode(for: actual) == SuvCommand.exitCode(for: expected))
        case (.success(let expected), .success(let actual)):
            #expect(Self.described(actual) == Self.described(expected))
        default:
            Issue.record("\(line): the full parse gave \(full), the direct one \(direct)")
        }
    }

    /// A command that reads its parent through `@ParentCommand` cannot be parsed without the
    /// root: every such command must be left to the full parse.
    @Test func commandsReadingTheirParentAreParsedFromTheRoot() {
        func walk(_ command: any ParsableCommand.Type, isTopLevel: Bool, topLevel: any ParsableCommand.Type) {
            let readsParent = Mirror(reflecting: command.init()).children.contains {
                String(describing: type(of: $0.value)).hasPrefix("ParentCommand<")
            }
            if readsParent {
                #expect(SuvCommand.directlyParsedCommands[topLevel._commandName] == nil,
                        "\(command) reads its parent but \(topLevel._commandName) is parsed directly")
            }
            for sub in command.configuration.subcommands { walk(sub, isTopLevel: false, topLevel: topLevel) }
        }
        for command in SuvCommand.configuration.subcommands { walk(command, isTopLevel: true, topLevel: command) }
        // Every other command is in the table, under each of its names, and nothing else is.
        var derived: [String: String] = [:]
        for command in SuvCommand.configuration.subcommands {
            for name in [command._commandName] + command.configuration.aliases { derived[name] = "\(command)" }
        }
        #expect(SuvCommand.directlyParsedCommands.mapValues { "\($0)" } == derived)
        #expect(SuvCommand.directlyParsedCommands["tree"] != nil)
        #expect(SuvCommand.directlyParsedCommands["resolve"] != nil)
    }
}
