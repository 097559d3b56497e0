import Foundation
import SuvTestSupport
import Testing

/// The `suv pip` interface against uv 0.13.9's own transcripts: each scenario in
/// `fixtures/pip-goldens` (install, upgrade, reinstall, uninstall, sync, editables, freeze, list,
/// show, check, refusals and failures) runs with suv in a fresh folder against the fixture
/// universe on a loopback port, into a CPython 3.12 virtual environment; stdout, stderr and exit
/// statuses must match what `scripts/record-pip-goldens` recorded from real uv, durations,
/// the folder and the index URL masked.
@Suite(.serialized) struct PipGoldenTests {
    static let scenarios = ["install", "errors", "uninstall", "sync", "editable", "incompatible", "discovery"]

    @Test(arguments: scenarios)
    func matchesUV(_ name: String) async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let goldens = RepositoryPaths.fixtures.appendingPathComponent("pip-goldens")
        let scenario = try String(contentsOf: goldens.appendingPathComponent(name + ".scenario"), encoding: .utf8)
        let golden = try String(contentsOf: goldens.appendingPathComponent(name + ".golden"), encoding: .utf8)
        let transcript = try await PipScenario(index: server.url("/simple/")).run(scenario)
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let actual = transcript.split(separator: "\n", omittingEmptySubsequences: false)
        let first = Array(zip(expected, actual)).firstIndex { $0 != $1 } ?? min(expected.count, actual.count)
        #expect(transcript == golden, """
            first difference at line \(first + 1):
              uv:  \(first < expected.count ? String(expected[first]) : "<end>")
              suv: \(first < actual.count ? String(actual[first]) : "<end>")
            suv's transcript:
            \(transcript)
            """)
    }
}

/// Runs a `fixtures/pip-goldens` scenario with suv (in process) and returns its masked
/// transcript, in the recorder's format.
struct PipScenario {
    let index: String

    static var python312: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        let versions = home + "/.pyenv/versions"
        let found = ((try? FileManager.default.contentsOfDirectory(atPath: versions)) ?? [])
            .filter { $0.hasPrefix("3.12") }.sorted()
        return versions + "/" + (found.last ?? "3.12.1") + "/bin/python3"
    }

    func run(_ scenario: String) async throws -> String {
        let base = try TemporaryTree(prefix: "suv-pip-golden")
        let root = try base.makeDirectory("work")
        let path = (Self.python312 as NSString).deletingLastPathComponent + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var environment = [
            "PATH": path,
            "HOME": base.path("home"),
            "XDG_CONFIG_HOME": base.path("config"),
            "UV_CACHE_DIR": base.path("cache"),
            "PIP_CONFIG_FILE": "/dev/null",
            "UV_PYTHON_DOWNLOADS": "never",
            "NO_COLOR": "1",
        ]
        var cwd = root
        var transcript = ""
        for line in scenario.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let parts = line.split(separator: " ", maxSplits: 1)
            let word = String(parts[0])
            let rest = parts.count > 1 ? String(parts[1]) : ""
            switch word {
            case "venv":
                try Self.makeVenv(root + "/" + (rest.isEmpty ? ".venv" : rest))
            case "mkdir":
                try FileManager.default.createDirectory(atPath: root + "/" + rest, withIntermediateDirectories: true)
            case "cd":
                cwd = URL(fileURLWithPath: root + "/" + rest).standardized.path
            case "write":
                let fields = rest.split(separator: " ", maxSplits: 1)
                let text = fields.count > 1 ? fields[1].replacingOccurrences(of: "\\n", with: "\n") : ""
                try text.write(toFile: cwd + "/" + fields[0], atomically: true, encoding: .utf8)
            case "tree":
                let fields = rest.split(separator: " ", maxSplits: 1).map(String.init)
                try Self.writeTree(in: cwd, name: fields[0], dependencies: fields.count > 1 ? fields[1] : "")
            case "env":
                let fields = rest.split(separator: " ", maxSplits: 1).map(String.init)
                environment[fields[0]] = fields.count > 1 ? fields[1].replacingOccurrences(of: "{root}", with: root) : nil
            case "run":
                var arguments = rest.split(separator: " ").map {
                    $0.replacingOccurrences(of: "{index}", with: index).replacingOccurrences(of: "{root}", with: root)
                }
                arguments.insert(contentsOf: ["--directory", cwd], at: min(2, arguments.count))
                let result = await runSuv(arguments, environment: environment)
                transcript += "$ \(rest)\n[stdout]\n\(mask(result.stdout, root: root))[stderr]\n\(mask(result.stderr, root: root))[exit \(result.status)]\n"
            default:
                Issue.record("unknown scenario step `\(word)`")
            }
        }
        return transcript
    }

    /// Durations as `[TIME]`, the scenario folder as `[ROOT]`, the index as `[INDEX]`, and a long
    /// underline of a table's last column (as wide as the folder's path) as `[DASHES]`.
    func mask(_ text: String, root: String) -> String {
        var masked = text.replacingOccurrences(of: index, with: "[INDEX]").replacingOccurrences(of: root, with: "[ROOT]")
        let rules = [(#"(?m)^((?:[- ]* )?)-{25,}$"#, "$1[DASHES]"), (#"(?<= in )(\d+m \d+s|\d+(\.\d+)?m?s)"#, "[TIME]")]
        for (pattern, template) in rules {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            masked = expression.stringByReplacingMatches(in: masked, range: NSRange(masked.startIndex..., in: masked), withTemplate: template)
        }
        return masked
    }

    static func makeVenv(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python312)
        process.arguments = ["-m", "venv", "--without-pip", path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// A project built by the fixture backend (in-tree, no build requirements).
    static func writeTree(in directory: String, name: String, dependencies: String) throws {
        let tree = directory + "/" + name
        let manager = FileManager.default
        try manager.createDirectory(atPath: tree + "/_backend", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: tree + "/" + name, withIntermediateDirectories: true)
        let backend = RepositoryPaths.fixtures.appendingPathComponent("packages/backend/suv_fixture_backend.py").path
        try manager.copyItem(atPath: backend, toPath: tree + "/_backend/suv_fixture_backend.py")
        let requires = dependencies.split(separator: ",").map(String.init)
        try """
            [build-system]
            requires = []
            build-backend = "suv_fixture_backend"
            backend-path = ["_backend"]

            [project]
            name = "\(name)"
            version = "0.1.0"
            dependencies = [\(requires.map { "\"\($0)\"" }.joined(separator: ", "))]

            """.write(toFile: tree + "/pyproject.toml", atomically: true, encoding: .utf8)
        try ("Metadata-Version: 2.2\nName: \(name)\nVersion: 0.1.0\n" + requires.map { "Requires-Dist: \($0)\n" }.joined() + "\n")
            .write(toFile: tree + "/PKG-INFO", atomically: true, encoding: .utf8)
        try "VALUE = 1\n".write(toFile: tree + "/" + name + "/__init__.py", atomically: true, encoding: .utf8)
    }
}
