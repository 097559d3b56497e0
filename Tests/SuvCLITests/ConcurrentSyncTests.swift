import Foundation
import Glibc
import SuvTestSupport
import Testing

/// Several `suv` processes at once on one cache: syncing the same project (its environment is
/// locked, `<venv>/.lock`, as uv locks it) or different projects (the cache is shared), and
/// `suv cache clean` waiting for the syncs that hold the cache. Real processes of the built
/// executable, against the loopback index of real distributions, from an empty cache.
@Suite(.serialized) struct ConcurrentSyncTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-concurrent")
    }

    var environment: [String: String] { projectEnvironment(tree) }

    /// `flask` from the real-distributions index, with its requirements.
    static let flaskStack = ["blinker==1.8.2", "click==8.1.7", "flask==3.0.3", "itsdangerous==2.2.0", "jinja2==3.1.4",
                             "markupsafe==2.1.5", "werkzeug==3.0.6"]

    /// Starts every command line at once, each logging to `<label>-<n>.log`, and expects each to
    /// succeed.
    func runTogether(_ lines: [[String]], label: String) throws {
        var processes: [(Process, String)] = []
        for (number, arguments) in lines.enumerated() {
            let log = tree.path("\(label)-\(number).log")
            processes.append((try start(arguments, log: log), log))
        }
        for (process, log) in processes {
            let result = finish(process, log: log)
            #expect(result.status == 0, "\(result.output)")
        }
    }

    func project(_ name: String, dependencies: String) throws -> String {
        _ = try tree.write("\(name)/pyproject.toml", """
            [project]
            name = "\(name)"
            version = "0.1.0"
            requires-python = ">=3.10"
            dependencies = [\(dependencies)]
            """)
        return tree.path(name)
    }

    /// Starts `suv ARGS` as a process; its output goes to a file read by ``finish(_:)``.
    func start(_ arguments: [String], log: String) throws -> Process {
        let executable = try #require(EndToEndTests.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    func finish(_ process: Process, log: String) -> (status: Int32, output: String) {
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus, output)
    }

    /// What the environment holds: distributions without RECORD, and `name==version` of each.
    func inventory(_ directory: String, importing modules: String = "flask, markupsafe._speedups") throws -> (broken: [String], installed: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: directory + "/.venv/bin/python")
        process.arguments = ["-c", """
            import importlib.metadata as md, os, sys
            site = [p for p in sys.path if p.endswith("site-packages")][0]
            broken = [d for d in os.listdir(site) if d.endswith(".dist-info") and not os.path.exists(os.path.join(site, d, "RECORD"))]
            import \(modules)
            print(";".join(broken))
            print(";".join(sorted(f"{d.metadata['Name'].lower()}=={d.version}" for d in md.distributions())))
            """]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(process.terminationStatus == 0, "\(lines)")
        guard lines.count >= 2 else { return (["unreadable: \(lines)"], []) }
        return (lines[0].isEmpty ? [] : lines[0].components(separatedBy: ";"), lines[1].components(separatedBy: ";"))
    }

    /// Eight syncs of one project at once, from an empty cache and no environment: every one
    /// succeeds, and the environment holds each distribution once, complete and importable.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func eightSyncsOfOneProject() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let directory = try project("shared", dependencies: #""flask""#)
        // The lock first, so that every process installs the same plan.
        let locked = await runSuv(["lock", "--directory", directory, "--index-url", server.url("/simple/"), "--python", "3.12"],
                                  environment: environment)
        #expect(locked.status == 0, "\(locked.stderr)")
        let arguments = ["sync", "--directory", directory, "--index-url", server.url("/simple/"), "--python", "3.12", "--locked"]
        try runTogether(Array(repeating: arguments, count: 8), label: "shared")
        let (broken, installed) = try inventory(directory)
        #expect(broken.isEmpty)
        #expect(installed == Self.flaskStack, "\(installed)")
        #expect(FileManager.default.fileExists(atPath: directory + "/.venv/.lock"))
        // Nothing left to do afterwards.
        let again = await runSuv(arguments, environment: environment)
        #expect(again.status == 0)
        #expect(!again.stderr.contains(" + ") && !again.stderr.contains(" - "), "\(again.stderr)")
    }

    /// Four projects synced at once on one empty cache: each gets its complete environment, and
    /// the cache holds each wheel once.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func fourProjectsOnOneCache() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        var processes: [(Process, String, String)] = []
        for number in 0..<4 {
            let directory = try project("p\(number)", dependencies: #""flask""#)
            let log = tree.path("p\(number).log")
            let arguments = ["sync", "--directory", directory, "--index-url", server.url("/simple/"), "--python", "3.12"]
            processes.append((try start(arguments, log: log), log, directory))
        }
        for (process, log, directory) in processes {
            let result = finish(process, log: log)
            #expect(result.status == 0, "\(result.output)")
            let (broken, installed) = try inventory(directory)
            #expect(broken.isEmpty)
            #expect(installed.count == 7 && installed.contains("flask==3.0.3"), "\(installed)")
        }
        // Each wheel unpacked once in the cache, whoever got there first.
        let archives = try FileManager.default.contentsOfDirectory(atPath: tree.path("cache/archive-v0"))
        #expect(archives.count == 7, "\(archives)")
    }

    /// `suv cache clean` while a sync holds the cache shared: it says so and waits, and the sync
    /// finishes with a complete environment.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func cleaningWaitsForARunningSync() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let directory = try project("busy", dependencies: #""flask""#)
        // A slow index keeps the sync inside its session long enough to meet the clean.
        let slow = server.url("/_fault/slow=300/simple/")
        let sync = try start(["sync", "--directory", directory, "--index-url", slow, "--python", "3.12"], log: tree.path("busy.log"))
        // Wait until the sync has opened the cache.
        let lockFile = tree.path("cache/.lock")
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: lockFile) {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(100))
        let clean = try start(["cache", "clean"], log: tree.path("clean.log"))
        let synced = finish(sync, log: tree.path("busy.log"))
        let cleaned = finish(clean, log: tree.path("clean.log"))
        #expect(synced.status == 0, "\(synced.output)")
        #expect(cleaned.status == 0, "\(cleaned.output)")
        #expect(cleaned.output.contains("Cache is currently in-use, waiting for other suv processes to finish"), "\(cleaned.output)")
        let (broken, installed) = try inventory(directory)
        #expect(broken.isEmpty)
        #expect(installed.contains("flask==3.0.3"))
    }

    /// Four `suv pip install` into one environment at once (the same `<venv>/.lock`): all
    /// succeed and each distribution is there once, complete.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func fourPipInstallsIntoOneEnvironment() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let directory = tree.path("pipenv")
        let created = await runSuv(["venv", directory + "/.venv", "--python", "3.12"], environment: environment)
        #expect(created.status == 0, "\(created.stderr)")
        let arguments = ["pip", "install", "--python", directory + "/.venv/bin/python", "--index-url", server.url("/simple/"), "flask"]
        try runTogether(Array(repeating: arguments, count: 4), label: "pip")
        let (broken, installed) = try inventory(directory)
        #expect(broken.isEmpty)
        #expect(installed == Self.flaskStack, "\(installed)")
    }

    /// Four `suv add` of different packages into one project at once, then eight `suv lock` at
    /// once: no edit is lost (each add holds the project while it reads, edits, locks and
    /// syncs), `uv.lock` holds all four and passes `--locked`, and the environment has them.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func concurrentAddsAndLocksLoseNoEdit() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("together", dependencies: "")
        let packages = ["iniconfig", "blinker", "colorama", "itsdangerous"]
        try runTogether(packages.map { ["add", "--directory", directory, "--index-url", index, "--python", "3.12", $0] },
                        label: "add")
        let pyproject = try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8)
        for package in packages {
            #expect(pyproject.contains("\"\(package)>="), "\(package) lost: \(pyproject)")
        }
        let lock = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
        for package in packages {
            #expect(lock.contains("name = \"\(package)\""), "\(package) not locked")
        }
        try runTogether(Array(repeating: ["lock", "--directory", directory, "--index-url", index, "--python", "3.12"], count: 8),
                        label: "lock")
        #expect(try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8) == lock)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") && $0 != ".venv" }
        #expect(leftovers == [], "temporary files left: \(leftovers)")
        let checked = await runSuv(["sync", "--locked", "--directory", directory, "--index-url", index, "--python", "3.12"],
                                   environment: environment)
        #expect(checked.status == 0, "\(checked.stderr)")
        let (broken, installed) = try inventory(directory, importing: "iniconfig, blinker, colorama, itsdangerous")
        #expect(broken.isEmpty)
        #expect(installed == ["blinker==1.8.2", "colorama==0.4.6", "iniconfig==2.0.0", "itsdangerous==2.2.0"], "\(installed)")
    }

    /// Six `suv version --bump patch --frozen` at once: each reads the version under the
    /// project lock, so all six bumps count.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func concurrentBumpsAllCount() async throws {
        let directory = try project("bumping", dependencies: "")
        try runTogether(Array(repeating: ["version", "--bump", "patch", "--frozen", "--directory", directory], count: 6),
                        label: "bump")
        let pyproject = try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8)
        #expect(pyproject.contains("version = \"0.1.6\""), "\(pyproject)")
    }

    /// Six `suv init` of new members under one workspace root at once: each joins (the root's
    /// members list is read under its project lock and replaced atomically, so no reader meets
    /// half a file and no member is lost).
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func concurrentInitsAllJoinTheWorkspace() async throws {
        _ = try tree.write("workspace/pyproject.toml", """
            [project]
            name = "root"
            version = "0.1.0"
            requires-python = ">=3.10"
            dependencies = []

            [tool.uv.workspace]
            members = []
            """)
        let root = tree.path("workspace")
        let members = ["a", "b", "c", "d", "e", "f"]
        try runTogether(members.map { ["init", "--lib", "--vcs", "none", "--no-readme", "--python", "3.12", root + "/packages/" + $0] },
                        label: "init")
        let pyproject = try String(contentsOfFile: root + "/pyproject.toml", encoding: .utf8)
        for member in members {
            #expect(pyproject.contains("\"packages/\(member)\""), "\(member) lost: \(pyproject)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".") }
        #expect(leftovers == [], "\(leftovers)")
    }

    /// A program started by `suv run` (here as a child, as in-process runs start it) may run
    /// suv on the same project: the project lock is let go before the program starts.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func aProgramStartedByRunCanLockTheSameProject() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("nested", dependencies: #""iniconfig""#)
        let executable = try #require(EndToEndTests.executable).path
        // `timeout` turns a wait for the lock into exit 124 instead of a hung test.
        let result = await runSuv(["run", "--directory", directory, "--index-url", index, "--python", "3.12",
                                   "timeout", "60", executable, "lock", "--directory", directory, "--index-url", index],
                                  environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// `suv add` killed (SIGKILL, or SIGINT) at several moments: `pyproject.toml` and `uv.lock`
    /// are each whole (the old text, the new, or add's first write of the requirement without
    /// its bound — never part of one), and the next `suv sync` leaves a complete environment
    /// that matches the lock.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"),
          arguments: [SIGKILL, SIGINT])
    func anInterruptedAddLeavesWholeFiles(_ signalNumber: Int32) async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("adding", dependencies: #""iniconfig""#)
        let synced = await runSuv(["sync", "--directory", directory, "--index-url", index, "--python", "3.12"], environment: environment)
        #expect(synced.status == 0, "\(synced.stderr)")
        let oldProject = try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8)
        let oldLock = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
        for delay in [5, 20, 40, 80, 150] {
            try oldProject.write(toFile: directory + "/pyproject.toml", atomically: true, encoding: .utf8)
            try oldLock.write(toFile: directory + "/uv.lock", atomically: true, encoding: .utf8)
            let log = tree.path("add-\(signalNumber)-\(delay).log")
            let add = try start(["add", "--directory", directory, "--index-url", index, "--python", "3.12", "flask"], log: log)
            try await Task.sleep(for: .milliseconds(delay))
            kill(add.processIdentifier, signalNumber)
            _ = finish(add, log: log)
            let project = try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8)
            let lock = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
            // Add writes the requirement, locks, then writes its bound (as uv): a stop between
            // leaves `"flask"` without one, a whole file either way.
            #expect(project == oldProject || project.contains("\"flask\",") || project.contains("\"flask>="), "at \(delay) ms: \(project)")
            #expect(lock == oldLock || (lock.hasPrefix("version = 1") && lock.hasSuffix("\n") && lock.contains("name = \"flask\"")),
                    "at \(delay) ms")
            // Whatever state it stopped in, the project syncs to a complete environment.
            let rerun = await runSuv(["sync", "--directory", directory, "--index-url", index, "--python", "3.12"], environment: environment)
            #expect(rerun.status == 0, "after a signal at \(delay) ms: \(rerun.stderr)")
            let (broken, installed) = try inventory(directory, importing: "iniconfig")
            #expect(broken.isEmpty, "after a signal at \(delay) ms")
            #expect(installed.contains("iniconfig==2.0.0"), "\(installed)")
            #expect(installed.contains("flask==3.0.3") == project.contains("flask"), "after a signal at \(delay) ms: \(installed)")
        }
    }

    /// `suv lock` stopped (SIGKILL or SIGINT) at several moments while it resolves and writes:
    /// `uv.lock` is the old lock or the whole new one, never part of one; `pyproject.toml` is
    /// untouched; the next `suv lock` writes the same lock an uninterrupted one writes.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"),
          arguments: [SIGKILL, SIGINT])
    func anInterruptedLockLeavesAWholeLock(_ signalNumber: Int32) async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("locking\(signalNumber)", dependencies: #""iniconfig""#)
        let first = await runSuv(["lock", "--directory", directory, "--index-url", index], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let oldLock = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
        _ = try project("locking\(signalNumber)", dependencies: #""iniconfig", "flask", "pytest""#)
        let newProject = try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8)
        var newLock: String?
        for delay in [5, 15, 30, 60, 120, 250] {
            try oldLock.write(toFile: directory + "/uv.lock", atomically: true, encoding: .utf8)
            let log = tree.path("lock-\(signalNumber)-\(delay).log")
            let lock = try start(["lock", "--directory", directory, "--index-url", index], log: log)
            try await Task.sleep(for: .milliseconds(delay))
            kill(lock.processIdentifier, signalNumber)
            _ = finish(lock, log: log)
            #expect(try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8) == newProject)
            let text = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
            if text != oldLock {
                #expect(text.hasPrefix("version = 1\n") && text.hasSuffix("\n") && text.contains("name = \"pytest\""), "at \(delay) ms")
                if let newLock { #expect(text == newLock, "at \(delay) ms") }
            }
            let rerun = await runSuv(["lock", "--directory", directory, "--index-url", index], environment: environment)
            #expect(rerun.status == 0, "after a signal at \(delay) ms: \(rerun.stderr)")
            let relocked = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
            if let newLock { #expect(relocked == newLock, "after a signal at \(delay) ms") } else { newLock = relocked }
        }
    }
}
