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

/// ``QuickRun`` reads the common `suv run` lines without the argument parser; every line it
/// takes must give what the full parse gives, and every line it cannot vouch for must be left
/// to the full parse.
@Suite struct QuickRunTests {
    static let takenLines: [[String]] = [
        ["run", "python", "-c", "pass"],
        ["run", "--cache-dir", "/c", "--python", "/usr/bin/python3", "python", "-c", "pass"],
        ["--cache-dir", "/c", "run", "-p", "3.12", "--frozen", "pytest", "-x", "--tb=short"],
        ["-q", "run", "-q", "--locked", "--offline", "--no-progress", "flask", "run"],
        ["-q", "run", "-v", "--no-sync", "--isolated", "ls"],
        ["--directory", "sub", "--project", "p", "--config-file", "uv.toml", "run", "--no-config", "x"],
        ["run", "-n", "--native-tls", "--system-certs", "--no-color", "--no-project", "--active", "--exact", "x"],
        ["run", "-v", "-v", "--verbose", "python", "--python", "3.9", "--frozen"],
        ["run", "run"],
        ["run", "python", "--", "-x"],
    ]

    static let environments: [[String: String]] = [
        [:],
        ["UV_FROZEN": "1", "UV_PYTHON": "3.11", "UV_NO_DEV": "true", "UV_INDEX_URL": "http://127.0.0.1:1/simple"],
        ["UV_LOCKED": "1", "UV_NO_SYNC": "1", "UV_ISOLATED": "yes", "UV_ENV_FILE": "a.env b.env", "UV_LINK_MODE": "copy"],
        ["UV_RESOLUTION": "lowest", "UV_PRERELEASE": "if-necessary-or-explicit", "UV_NO_GROUP": "docs lint"],
        ["UV_FROZEN": "maybe"],
        ["UV_LINK_MODE": "sideways"],
    ]

    @Test(arguments: takenLines)
    func sameGlobalOptionsAndRequestAsTheFullParse(line: [String]) throws {
        let quick = try #require(QuickRun(arguments: line))
        let full = try #require(try SuvCommand.parseCommandLine(line) as? Run)
        #expect(quick.globalFlags == full.globalFlags)
        for environment in Self.environments {
            let expected = Result { () throws(UsageError) in try full.request(environment: environment) }
            let actual = Result { () throws(UsageError) in try quick.request(environment: environment) }
            switch (expected, actual) {
            case (.success(let expected), .success(let actual)):
                #expect(actual == expected, "\(line) in \(environment)")
            case (.failure(let expected), .failure(let actual)):
                #expect(actual == expected, "\(line) in \(environment)")
            default:
                Issue.record("\(line) in \(environment): the full parse gave \(expected), the quick one \(actual)")
            }
        }
    }

    /// Lines with anything the reader does not know, a conflict, or no command go to the full parse.
    @Test(arguments: [
        ["tree"], ["run"], ["run", "--frozen"], ["run", "--help"], ["run", "-h", "x"], ["run", "-V", "x"],
        ["-V", "run", "x"], ["run", "--", "ls"], ["run", "--with", "rich", "x"], ["run", "--python=3.12", "x"],
        ["run", "--python"], ["run", "--python", "--frozen", "x"], ["run", "--frozen", "--locked", "x"],
        ["run", "--frozen", "--frozen", "x"], ["run", "-p", "3.11", "--python", "3.12", "x"],
        ["-q", "-v", "run", "x"], ["run", "-q", "-v", "x"], ["run", "-qq", "x"], ["--color", "never", "run", "x"],
        ["--directory", "run", "run", "x"], ["tree", "--package", "run"], ["pip", "install", "run"],
        ["--cache-dir", "/a", "--cache-dir", "/b", "run", "x"], ["run", "--no-such-option", "x"],
        ["run", "-m", "http.server"], ["run", "--cache-dir", "-x", "y"],
    ])
    func leftToTheFullParse(line: [String]) {
        #expect(QuickRun(arguments: line) == nil)
    }

    /// Random lines built from the options the reader takes, in any order and on either side of
    /// `run`, agree with the full parse whenever the reader takes them.
    @Test func randomLinesAgreeWithTheFullParse() throws {
        let globalWords: [[String]] = [
            ["-q"], ["-v"], ["--offline"], ["--no-progress"], ["-n"], ["--no-cache"], ["--cache-dir", "/c"],
            ["--directory", "d"], ["--no-config"], ["--native-tls"],
        ]
        let runWords: [[String]] = [["--frozen"], ["--locked"], ["--no-sync"], ["--isolated"], ["-p", "3.12"], ["--exact"]]
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<150 {
            var line: [String] = []
            for _ in 0..<Int.random(in: 0...2, using: &generator) { line += globalWords.randomElement(using: &generator) ?? [] }
            line.append("run")
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                line += (Bool.random(using: &generator) ? globalWords : runWords).randomElement(using: &generator) ?? []
            }
            line += ["python", "-c", "pass"]
            guard let quick = QuickRun(arguments: line) else { continue }
            taken += 1
            let full = try #require(try SuvCommand.parseCommandLine(line) as? Run, "\(line)")
            #expect(quick.globalFlags == full.globalFlags, "\(line)")
            #expect(try quick.request(environment: [:]) == full.request(environment: [:]), "\(line)")
        }
        #expect(taken > 40)
    }
}
