import ArgumentParser
import Testing
@testable import SuvCLI

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
        expectSameRequests(line, full: full.request(environment:), quick: quick.request(environment:))
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

/// ``QuickTree`` reads the common `suv tree` lines without the argument parser; every line it
/// takes must give what the full parse gives.
@Suite struct QuickTreeTests {
    static let takenLines: [[String]] = [
        ["tree"],
        ["tree", "--cache-dir", "/c", "--python", "/usr/bin/python3"],
        ["tree", "-q", "--frozen", "--universal", "--no-dedupe", "--depth", "2"],
        ["tree", "--locked", "--invert", "--outdated", "--show-sizes", "--no-dev", "-d", "0", "--format", "json"],
        ["tree", "--reverse", "-p", "3.12", "--format", "text", "--offline", "-n", "--no-progress", "-v", "-v"],
        ["tree", "--directory", "sub", "--project", "p", "--no-config", "--depth", "+3"],
    ]

    @Test(arguments: takenLines)
    func sameGlobalOptionsAndRequestAsTheFullParse(line: [String]) throws {
        let quick = try #require(QuickTree(arguments: line))
        let full = try #require(try SuvCommand.parseCommandLine(line) as? Tree)
        #expect(quick.globalFlags == full.globalFlags)
        expectSameRequests(line, full: full.request(environment:), quick: quick.request(environment:))
    }

    @Test(arguments: [
        ["-q", "tree"], ["tree", "x"], ["tree", "--help"], ["tree", "-V"], ["tree", "--depth"], ["tree", "--depth", "x"],
        ["tree", "--depth", "-1"], ["tree", "--format", "yaml"], ["tree", "--frozen", "--locked"], ["tree", "--invert", "--reverse"],
        ["tree", "--package", "flask"], ["tree", "--prune", "x"], ["tree", "--universal", "--python-version", "3.9"],
        ["tree", "--depth=2"], ["tree", "-q", "-v"], ["tree", "--frozen", "--frozen"], ["run", "x"], ["sync"],
    ])
    func leftToTheFullParse(line: [String]) {
        #expect(QuickTree(arguments: line) == nil)
    }
}

/// The request the full parse and the quick reader build for `line`, in each environment of
/// ``QuickRunTests/environments``: equal, or failing with the same error.
func expectSameRequests<Request: Equatable>(
    _ line: [String],
    full: ([String: String]) throws(UsageError) -> Request,
    quick: ([String: String]) throws(UsageError) -> Request
) {
    for environment in QuickRunTests.environments {
        let expected = Result { () throws(UsageError) in try full(environment) }
        let actual = Result { () throws(UsageError) in try quick(environment) }
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

/// ``QuickSync`` reads the common `suv sync` lines without the argument parser; every line it
/// takes must give what the full parse gives, and every other line is left to the full parse.
@Suite struct QuickSyncTests {
    static let takenLines: [[String]] = [
        ["sync"],
        ["sync", "--cache-dir", "/c", "--python", "/usr/bin/python3", "--locked"],
        ["sync", "--frozen", "--no-dev", "-q", "--offline", "--no-progress"],
        ["sync", "--production", "--inexact", "-p", "3.12", "-v", "-v"],
        ["sync", "--clean", "--no-install-project", "--all-extras", "--dry-run", "-n"],
        ["sync", "--exact", "--no-dev", "--production", "--directory", "sub", "--project", "p", "--no-config"],
        ["sync", "--native-tls", "--system-certs", "--no-color", "--config-file", "uv.toml"],
    ]

    @Test(arguments: takenLines)
    func sameGlobalOptionsAndRequestAsTheFullParse(line: [String]) throws {
        let quick = try #require(QuickSync(arguments: line))
        let full = try #require(try SuvCommand.parseCommandLine(line) as? Sync)
        #expect(quick.globalFlags == full.globalFlags)
        expectSameRequests(line, full: full.request(environment:), quick: quick.request(environment:))
    }

    @Test(arguments: [
        ["-q", "sync"], ["sync", "x"], ["sync", "--help"], ["sync", "-V"], ["sync", "--frozen", "--locked"],
        ["sync", "--exact", "--inexact"], ["sync", "--clean", "--exact"], ["sync", "--python"], ["sync", "--python=3.12"],
        ["sync", "--extra", "x"], ["sync", "--group", "docs"], ["sync", "--only-dev"], ["sync", "--frozen", "--frozen"],
        ["sync", "-q", "-v"], ["sync", "--script", "s.py"], ["sync", "--package", "a"], ["sync", "--reinstall"],
        ["sync", "--link-mode", "copy"], ["sync", "--python", "--frozen"], ["tree"], ["run", "sync"],
    ])
    func leftToTheFullParse(line: [String]) {
        #expect(QuickSync(arguments: line) == nil)
    }

    /// Random lines of the options the reader takes agree with the full parse whenever the
    /// reader takes them.
    @Test func randomLinesAgreeWithTheFullParse() throws {
        let words: [[String]] = [
            ["-q"], ["-v"], ["--offline"], ["-n"], ["--cache-dir", "/c"], ["--no-config"], ["--frozen"], ["--locked"],
            ["--no-dev"], ["--production"], ["--exact"], ["--inexact"], ["--clean"], ["--no-install-project"],
            ["--all-extras"], ["--dry-run"], ["-p", "3.12"],
        ]
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<150 {
            var line = ["sync"]
            for _ in 0..<Int.random(in: 0...4, using: &generator) { line += words.randomElement(using: &generator) ?? [] }
            guard let quick = QuickSync(arguments: line) else { continue }
            taken += 1
            let full = try #require(try SuvCommand.parseCommandLine(line) as? Sync, "\(line)")
            #expect(quick.globalFlags == full.globalFlags, "\(line)")
            #expect(try quick.request(environment: [:]) == full.request(environment: [:]), "\(line)")
        }
        #expect(taken > 40)
    }
}
