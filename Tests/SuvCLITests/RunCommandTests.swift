import Foundation
import Glibc
import SuvTestSupport
import Testing

/// `suv run` as a real process (it replaces itself with the command, so it cannot run in the
/// test process): the project synced first with uv's short output, then the command in the
/// environment with its exit status, signals and standard input passed through.
@Suite(.serialized, .enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
struct RunCommandTests {
    let tree: TemporaryTree
    let server: LocalIndexServer
    let directory: String

    init() throws {
        tree = try TemporaryTree(prefix: "suv-run")
        server = try LocalIndexServer(root: try FixtureIndex.url().path)
        _ = try tree.write("app/pyproject.toml", """
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = ["beta"]

            """)
        directory = tree.path("app")
    }

    var environment: [String: String] {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        return [
            "HOME": home,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "XDG_CONFIG_HOME": tree.path("config"),
            "UV_CACHE_DIR": tree.path("cache"),
            "UV_NO_CONFIG": "1",
            "PIP_CONFIG_FILE": "/dev/null",
            "UV_DEFAULT_INDEX": server.url("/simple"),
            "UV_PYTHON": home + "/.pyenv/versions/3.12.1/bin/python3.12",
            "NO_COLOR": "1",
        ]
    }

    /// Starts `suv run <arguments>` in the project.
    func start(_ arguments: [String], input: String? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try #require(EndToEndTests.executable)
        process.arguments = ["run"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        if let input {
            let stdin = Pipe()
            process.standardInput = stdin
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        return (process, stdout, stderr)
    }

    func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, reason: Process.TerminationReason, stdout: String, stderr: String) {
        let (process, stdout, stderr) = try start(arguments, input: input)
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func syncsQuietlyThenRunsInTheEnvironment() throws {
        let first = try run(["python", "-c", "import sys, os, beta; print(sys.prefix); print(os.environ['VIRTUAL_ENV'])"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "\(directory)/.venv\n\(directory)/.venv\n")
        // uv's run output: no Resolved/Prepared lines and no per-package lines.
        #expect(first.stderr.contains("Installed 2 packages in "), "\(first.stderr)")
        #expect(!first.stderr.contains("Resolved") && !first.stderr.contains(" + "), "\(first.stderr)")
        let again = try run(["python", "-c", "pass"])
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty, "\(again.stderr)")
        let echoed = try run(["python", "-c", "import sys; print(sys.stdin.read().upper(), end='')"], input: "from stdin\n")
        #expect(echoed.stdout == "FROM STDIN\n")
    }

    @Test func theCommandsExitStatusAndSignalsPassThrough() throws {
        let synced = try run(["python", "-c", "import sys; sys.exit(3)"])
        #expect(synced.status == 3)
        #expect(synced.reason == .exit)

        let selfKilled = try run(["python", "-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"])
        #expect(selfKilled.reason == .uncaughtSignal)
        #expect(selfKilled.status == SIGTERM)

        // A SIGTERM sent to suv's process reaches the command, which suv has become.
        let (process, stdout, _) = try start(["python", "-c", "import time; print('ready', flush=True); time.sleep(30)"])
        let ready = stdout.fileHandleForReading.availableData
        #expect(String(decoding: ready, as: UTF8.self) == "ready\n")
        let sent = ContinuousClock.now
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(sent.duration(to: .now) < .seconds(10))
    }

    @Test func aMissingCommandExitsTwoAsUv() throws {
        let missing = try run(["no-such-command-anywhere"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasSuffix("""
            error: Failed to spawn: no-such-command-anywhere
              cause: No such file or directory (os error 2)

            """), "\(missing.stderr)")
    }

    @Test func aScriptWithInlineMetadataGetsItsOwnCachedEnvironment() throws {
        _ = try tree.write("app/tool.py", """
            # /// script
            # requires-python = ">=3.12"
            # dependencies = ["beta==1.0"]
            # ///
            import importlib.metadata, sys
            print(importlib.metadata.version("beta"), sys.prefix)

            """)
        let first = try run(["tool.py"])
        #expect(first.status == 0, "\(first.stderr)")
        let parts = first.stdout.split(separator: " ")
        #expect(parts.first == "1.0")
        let prefix = String(parts.last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(prefix.hasPrefix(tree.path("cache") + "/environments-v0/tool-"), "\(first.stdout)")
        #expect(first.stderr == "Installed 2 packages in \(first.stderr.split(separator: " ").last ?? "")", "\(first.stderr)")
        // Not the project's environment: the project around the script is left alone.
        #expect(!FileManager.default.fileExists(atPath: directory + "/.venv"))

        // Edited metadata takes effect in the same environment.
        let edited = try String(contentsOfFile: directory + "/tool.py", encoding: .utf8).replacingOccurrences(of: "beta==1.0", with: "beta==2.0")
        try edited.write(toFile: directory + "/tool.py", atomically: true, encoding: .utf8)
        let second = try run(["tool.py"])
        #expect(second.stdout == "2.0 \(prefix)\n", "\(second.stdout) \(second.stderr)")
    }

    @Test func withLayersACachedEnvironmentOverTheProject() throws {
        let code = "import epsilon, beta, sys; print(sys.prefix); print(beta.__file__)"
        let first = try run(["--with", "epsilon", "python", "-c", code])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix(tree.path("cache") + "/environments-v0/with-") == true, "\(first.stdout)")
        // The project's own packages stay visible through the overlay.
        #expect(lines.last?.hasPrefix(directory + "/.venv/lib/python3.12/site-packages/beta/") == true, "\(first.stdout)")
        #expect(first.stderr.contains("Installed 1 package in "), "\(first.stderr)")
        let again = try run(["--with", "epsilon", "python", "-c", code])
        #expect(again.stdout == first.stdout)
        #expect(again.stderr.isEmpty, "\(again.stderr)")
        // The project environment itself did not get the extra package.
        let plain = try run(["python", "-c", "import epsilon"])
        #expect(plain.status == 1)
    }

    @Test func isolatedRunsInAFreshEnvironmentAndLeavesTheProjectsAlone() throws {
        let isolated = try run(["--isolated", "python", "-c", "import sys, beta; print(sys.prefix)"])
        #expect(isolated.status == 0, "\(isolated.stderr)")
        #expect(isolated.stdout.hasPrefix(tree.path("cache") + "/builds-v0/"), "\(isolated.stdout)")
        #expect(!isolated.stderr.contains("Creating virtual environment"), "\(isolated.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/.venv"))
    }

    @Test func withRequirementsReadsARequirementsFile() throws {
        _ = try tree.write("app/extra.txt", "# tools for this run\nepsilon\n")
        let result = try run(["--with-requirements", "extra.txt", "python", "-c", "import epsilon, beta"])
        #expect(result.status == 0, "\(result.stderr)")
        let missing = try run(["--with-requirements", "nope.txt", "python", "-c", "pass"])
        #expect(missing.status == 2)
    }
}
