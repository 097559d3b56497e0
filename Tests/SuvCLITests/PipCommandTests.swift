import Foundation
import SuvTestSupport
import Testing

/// `suv pip` behaviour beyond the uv transcripts (`PipGoldenTests`): what ends up in the
/// environment (scripts, `INSTALLER`, pip's own view of it), nothing half-installed after a
/// failed build, seed packages and exact syncs, system interpreters.
@Suite(.serialized) struct PipCommandTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-pip")
    }

    static let python312 = PipScenario.python312
    static let available = FileManager.default.isExecutableFile(atPath: python312)

    var environment: [String: String] {
        [
            "PATH": (Self.python312 as NSString).deletingLastPathComponent + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "HOME": tree.path("home"),
            "XDG_CONFIG_HOME": tree.path("config"),
            "UV_CACHE_DIR": tree.path("cache"),
            "PIP_CONFIG_FILE": "/dev/null",
            "UV_PYTHON_DOWNLOADS": "never",
            "NO_COLOR": "1",
        ]
    }

    func suv(_ arguments: [String], in directory: String? = nil) async -> CLIResult {
        let folder = directory ?? tree.path("work")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return await runSuv(arguments + ["--directory", folder], environment: environment)
    }

    /// Runs `executable` with `arguments`; its status and combined output.
    func execute(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": tree.path("home"), "PIP_CONFIG_FILE": "/dev/null",
                               "PIP_DISABLE_PIP_VERSION_CHECK": "1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Installed distributions work: importable, with their console scripts, recorded as
    /// installed by suv and requested.
    @Test(.enabled(if: available)) func installedPackagesRun() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        try PipScenario.makeVenv(tree.path("work/.venv"))
        let result = await suv(["pip", "install", "eta", "--index-url", server.url("/simple/")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try execute(tree.path("work/.venv/bin/eta"), []).output == "eta 1.0\n")
        let imported = try execute(tree.path("work/.venv/bin/python"), ["-c", "import alpha, eta; print(eta.__name__)"])
        #expect(imported.output == "eta\n", "\(imported.output)")
        let site = tree.path("work/.venv/lib/python3.12/site-packages")
        #expect(try String(contentsOfFile: site + "/eta-1.0.dist-info/INSTALLER", encoding: .utf8) == "suv")
        #expect(FileManager.default.fileExists(atPath: site + "/eta-1.0.dist-info/REQUESTED"))
    }

    /// pip agrees the environment is consistent after `suv pip install` into a seeded
    /// environment (the real Flask stack, served on loopback).
    @Test(.enabled(if: available && (try? RealWheelsIndex.url()) != nil)) func pipCheckIsCleanAfterInstall() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let seeded = await suv(["venv", "--seed", "--python", Self.python312, "--index-url", index])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let installed = await suv(["pip", "install", "flask", "pytest", "--index-url", index])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stderr.contains(" + flask==3.0.3\n"), "\(installed.stderr)")
        let check = try execute(tree.path("work/.venv/bin/python"), ["-m", "pip", "check"])
        #expect(check.status == 0)
        #expect(check.output == "No broken requirements found.\n", "\(check.output)")
        let listed = try execute(tree.path("work/.venv/bin/python"), ["-m", "pip", "list", "--format", "freeze"])
        #expect(listed.output.contains("Flask==3.0.3\n") || listed.output.contains("flask==3.0.3\n"), "\(listed.output)")
        // And suv's own check agrees.
        let ours = await suv(["pip", "check"])
        #expect(ours.status == 0)
        #expect(ours.stderr.hasSuffix("All installed packages are compatible\n"), "\(ours.stderr)")
    }

    /// A local tree whose build fails stops the install before the environment changes: the
    /// index packages asked for alongside it are not installed either.
    @Test(.enabled(if: available)) func aFailedBuildChangesNothing() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        try PipScenario.makeVenv(tree.path("work/.venv"))
        _ = try tree.write("work/broken/pyproject.toml", """
            [build-system]
            requires = []
            build-backend = "broken_backend"
            backend-path = ["."]
            """)
        _ = try tree.write("work/broken/broken_backend.py", """
            def get_requires_for_build_editable(config_settings=None):
                return []

            def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
                raise RuntimeError("this backend cannot build")
            """)
        let result = await suv(["pip", "install", "beta", "-e", "./broken", "--index-url", server.url("/simple/")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: Failed to build `broken @ file://\(tree.path("work/broken"))`"), "\(result.stderr)")
        #expect(result.stderr.contains("this backend cannot build"), "\(result.stderr)")
        let frozen = await suv(["pip", "freeze"])
        #expect(frozen.stdout.isEmpty, "\(frozen.stdout)")
    }

    /// An exact sync keeps pip, setuptools and wheel unless uv or suv made the environment
    /// without seeding it (as uv 0.13.9 does).
    @Test(.enabled(if: available && (try? RealWheelsIndex.url()) != nil)) func exactSyncsKeepSeedPackages() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        _ = try tree.write("work/requirements.txt", "iniconfig==2.0.0\n")

        // `python -m venv` with pip: pip stays.
        let withPip = Process()
        withPip.executableURL = URL(fileURLWithPath: Self.python312)
        withPip.arguments = ["-m", "venv", tree.path("work/.venv")]
        try withPip.run()
        withPip.waitUntilExit()
        let kept = await suv(["pip", "sync", "requirements.txt", "--index-url", index])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stderr.hasSuffix(" + iniconfig==2.0.0\n"), "\(kept.stderr)")
        #expect(!kept.stderr.contains(" - pip=="), "\(kept.stderr)")

        // A suv environment without --seed, pip installed into it afterwards: pip goes.
        try FileManager.default.removeItem(atPath: tree.path("work/.venv"))
        #expect(await suv(["venv", "--python", Self.python312]).status == 0)
        #expect(await suv(["pip", "install", "pip", "--index-url", index]).status == 0)
        let removed = await suv(["pip", "sync", "requirements.txt", "--index-url", index])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stderr.contains(" + iniconfig==2.0.0\n - pip==24.2\n"), "\(removed.stderr)")
    }

    /// `--system` reaches the first interpreter on `PATH` (a dry run here: nothing changes).
    @Test(.enabled(if: available)) func systemReachesThePathInterpreter() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let prefix = ((Self.python312 as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let result = await suv(["pip", "install", "--system", "--dry-run", "beta", "--index-url", server.url("/simple/")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Using Python 3.12."), "\(result.stderr)")
        #expect(result.stderr.contains(" environment at: \(prefix)\nResolved 2 packages in "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("Would install 2 packages\n + alpha==1.1\n + beta==2.0\n"), "\(result.stderr)")
    }

    static let externallyManaged = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        && ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? [])
            .contains { $0.hasPrefix("python3") && FileManager.default.fileExists(atPath: "/usr/lib/\($0)/EXTERNALLY-MANAGED") }

    /// An `EXTERNALLY-MANAGED` interpreter is refused with its own words and uv's hint, unless
    /// `--break-system-packages` (a dry run here).
    @Test(.enabled(if: externallyManaged)) func externallyManagedInterpretersAreRefused() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let refused = await suv(["pip", "install", "--python", "/usr/bin/python3", "beta", "--index-url", server.url("/simple/")])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: The interpreter at `/usr` is externally managed, and indicates the following:\n\n  "), "\(refused.stderr)")
        #expect(refused.stderr.hasSuffix("\n\nhint: Consider creating a virtual environment, e.g., with `uv venv`\n"), "\(refused.stderr)")
        let uninstall = await suv(["pip", "uninstall", "--python", "/usr/bin/python3", "beta"])
        #expect(uninstall.stderr.hasSuffix("\n\nConsider creating a virtual environment with `uv venv`.\n"), "\(uninstall.stderr)")
        let allowed = await suv(["pip", "install", "--python", "/usr/bin/python3", "--break-system-packages", "--dry-run",
                                 "beta", "--index-url", server.url("/simple/")])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stderr.contains("Would install"), "\(allowed.stderr)")
    }
}
