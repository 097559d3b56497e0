import Foundation
import Glibc
import SuvTestSupport
import Testing

/// `suv sync` against loopback indexes: the fixture index and real distributions
/// (`fixtures/real-wheels`), into environments made for CPython 3.10 and 3.12.
@Suite(.serialized) struct SyncCommandTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-sync")
    }

    var environment: [String: String] { projectEnvironment(tree) }

    func sync(_ directory: String, index: String, _ arguments: [String] = []) async -> CLIResult {
        await runSuv(["sync", "--directory", directory, "--index-url", index] + arguments, environment: environment)
    }

    /// Runs the environment's python with `code`; its standard output.
    func python(_ directory: String, _ code: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: directory + "/.venv/bin/python")
        process.arguments = ["-c", code]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func project(_ name: String, dependencies: String, python: String = ">=3.10", extra: String = "") throws -> String {
        _ = try tree.write("\(name)/pyproject.toml", """
            [project]
            name = "\(name)"
            version = "0.1.0"
            requires-python = "\(python)"
            dependencies = [\(dependencies)]
            \(extra)
            """)
        return tree.path(name)
    }

    @Test func installsUpgradesDowngradesAndRemoves() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("app", dependencies: #""beta==1.0""#)
        let first = await sync(directory, index: index)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("Creating virtual environment at: .venv\n"))
        #expect(first.stderr.contains("Installed 2 packages in "))
        #expect(first.stderr.hasSuffix(" + alpha==1.1\n + beta==1.0\n"))
        #expect(try python(directory, "import beta, alpha; print(beta.__name__)").output == "beta\n")

        let again = await sync(directory, index: index)
        #expect(again.stderr.contains("Checked 2 packages in "))
        #expect(!again.stderr.contains("Installed"))

        // A distribution removed behind suv's back is noticed (the remembered no-op verdict
        // covers the environment's site-packages as it stands).
        let sitePackages = directory + "/.venv/lib/python3.12/site-packages"
        try FileManager.default.removeItem(atPath: sitePackages + "/beta-1.0.dist-info")
        try FileManager.default.removeItem(atPath: sitePackages + "/beta")
        let repaired = await sync(directory, index: index)
        #expect(repaired.stderr.hasSuffix(" + beta==1.0\n"), "\(repaired.stderr)")
        #expect(try python(directory, "import beta").status == 0)

        _ = try project("app", dependencies: #""beta==2.0", "gamma""#)
        let upgrade = await sync(directory, index: index)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(upgrade.stderr.contains("Uninstalled 1 package in "))
        #expect(upgrade.stderr.hasSuffix(" - beta==1.0\n + beta==2.0\n + gamma==1.0\n"), "\(upgrade.stderr)")

        _ = try project("app", dependencies: #""beta==1.0""#)
        let downgrade = await sync(directory, index: index)
        #expect(downgrade.stderr.hasSuffix(" - beta==2.0\n + beta==1.0\n - gamma==1.0\n"), "\(downgrade.stderr)")
        #expect(try python(directory, "import importlib.metadata as m; print(m.version('beta'))").output == "1.0\n")
        let record = try String(contentsOfFile: directory + "/.venv/lib/python3.12/site-packages/beta-1.0.dist-info/INSTALLER", encoding: .utf8)
        #expect(record == "suv")
    }

    @Test func inexactKeepsWhatTheLockDoesNotName() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("keep", dependencies: #""beta==1.0", "epsilon""#)
        #expect(await sync(directory, index: index).status == 0)
        _ = try project("keep", dependencies: #""beta==1.0""#)
        let inexact = await sync(directory, index: index, ["--inexact"])
        #expect(inexact.stderr.contains("Checked 2 packages"), "\(inexact.stderr)")
        #expect(try python(directory, "import epsilon").status == 0)
        let exact = await sync(directory, index: index)
        #expect(exact.stderr.hasSuffix(" - epsilon==1.0\n"), "\(exact.stderr)")
    }

    @Test func frozenAndLockedModes() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("modes", dependencies: #""beta""#)
        let frozen = await sync(directory, index: index, ["--frozen"])
        #expect(frozen.status == 1)
        #expect(frozen.stderr.contains("Unable to find lockfile at `uv.lock`, but `--frozen` was provided."))
        #expect(await sync(directory, index: index).status == 0)
        _ = try project("modes", dependencies: #""beta", "epsilon""#)
        let locked = await sync(directory, index: index, ["--locked"])
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("needs to be updated, but `--locked` was provided."))
        // --frozen installs what the lock says, whatever pyproject.toml now declares.
        let installedFrozen = await sync(directory, index: index, ["--frozen"])
        #expect(installedFrozen.status == 0, "\(installedFrozen.stderr)")
        #expect(try python(directory, "import epsilon").status != 0)
    }

    /// A packaged project whose build requirements cannot be resolved fails to build, naming
    /// the project; `--no-install-project` still installs its dependencies.
    @Test func aPackagedProjectsBuildRequirementsMustResolve() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let directory = try project("packaged", dependencies: #""beta""#, extra: """

            [build-system]
            requires = ["uv_build>=0.13.9,<0.14.0"]
            build-backend = "uv_build"
            """)
        let result = await sync(directory, index: server.url("/simple/"))
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: Failed to build `packaged @ file://\(directory)`"), "\(result.stderr)")
        #expect(result.stderr.contains("Failed to install requirements from `build-system.requires`"), "\(result.stderr)")
        let dependenciesOnly = await sync(directory, index: server.url("/simple/"), ["--no-install-project"])
        #expect(dependenciesOnly.status == 0, "\(dependenciesOnly.stderr)")
        #expect(dependenciesOnly.stderr.contains(" + beta==2.0"))
    }

    /// docopt is published only as a source archive whose `PKG-INFO` (Metadata 1.1) is not
    /// static: locking builds it (setuptools' legacy backend, from the loopback index) and the
    /// sync installs the built wheel from the cache; a new environment needs no new build.
    @Test func anSdistOnlyDependencyIsBuilt() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("usesdocopt", dependencies: #""docopt""#)
        let first = await sync(directory, index: index, ["--python", "3.12"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.hasSuffix(" + docopt==0.6.2\n"), "\(first.stderr)")
        let imported = try python(directory, "import docopt, importlib.metadata as m; print(docopt.__version__, m.distribution('docopt').read_text('direct_url.json'))")
        #expect(imported.output.hasSuffix("0.6.2 None\n"), "\(imported.output)")
        #expect(await sync(directory, index: index).stderr.contains("Checked 1 package"))
        try FileManager.default.removeItem(atPath: directory + "/.venv")
        let again = await sync(directory, index: index, ["--python", "3.12"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("Building"), "\(again.stderr)")
        #expect(try python(directory, "import docopt").status == 0)
    }

    /// A project with a setuptools `[build-system]` is installed editable, as uv installs it:
    /// `direct_url.json` names its folder, edits to its sources show without a new sync, and a
    /// second sync only checks.
    @Test func aPackagedProjectIsInstalledEditable() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("editapp", dependencies: #""iniconfig""#, extra: """

            [build-system]
            requires = ["setuptools"]
            build-backend = "setuptools.build_meta"
            """)
        _ = try tree.write("editapp/src/editapp/__init__.py", "VALUE = 1\n")
        let first = await sync(directory, index: index, ["--python", "3.12"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("   Building editapp @ file://\(directory)\n      Built editapp @ file://\(directory)\n"), "\(first.stderr)")
        #expect(first.stderr.hasSuffix(" + editapp==0.1.0 (from file://\(directory))\n + iniconfig==2.0.0\n"), "\(first.stderr)")
        #expect(try python(directory, "import editapp; print(editapp.VALUE)").output == "1\n")
        let sitePackages = directory + "/.venv/lib/python3.12/site-packages"
        let directURL = try String(contentsOfFile: sitePackages + "/editapp-0.1.0.dist-info/direct_url.json", encoding: .utf8)
        #expect(directURL == #"{"url":"file://\#(directory)","dir_info":{"editable":true}}"#)
        #expect(try String(contentsOfFile: sitePackages + "/editapp-0.1.0.dist-info/INSTALLER", encoding: .utf8) == "suv")
        _ = try tree.write("editapp/src/editapp/__init__.py", "VALUE = 2\n")
        #expect(try python(directory, "import editapp; print(editapp.VALUE)").output == "2\n")
        let second = await sync(directory, index: index)
        #expect(second.stderr.contains("Checked 2 packages"), "\(second.stderr)")
        // Even without the remembered verdict, the installed editable counts as up to date.
        try FileManager.default.removeItem(atPath: tree.path("cache/locks-v0"))
        let rechecked = await sync(directory, index: index, ["--reinstall-package", "iniconfig"])
        #expect(rechecked.status == 0, "\(rechecked.stderr)")
        #expect(!rechecked.stderr.contains("editapp"), "\(rechecked.stderr)")
    }

    /// A backend that fails: its output is shown under uv's causes, and nothing in the
    /// environment changes (the new dependency is not installed, the old ones stay).
    @Test func aFailingBuildShowsTheBackendsOutputAndChangesNothing() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let backend = """

            [build-system]
            requires = []
            build-backend = "broken_backend"
            backend-path = ["."]
            """
        let directory = try project("broken", dependencies: #""iniconfig""#, extra: backend)
        _ = try tree.write("broken/broken_backend.py", """
            import sys
            def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
                print("backend output line")
                print("backend error line", file=sys.stderr)
                raise RuntimeError("this backend cannot build")
            """)
        #expect(await sync(directory, index: index, ["--python", "3.12", "--no-install-project"]).status == 0)
        _ = try project("broken", dependencies: #""iniconfig", "colorama""#, extra: backend)
        let failed = await sync(directory, index: index)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("""
            error: Failed to build `broken @ file://\(directory)`
              cause: The build backend returned an error
              cause: Call to `broken_backend.build_editable` failed (exit status: 1)
            """), "\(failed.stderr)")
        #expect(failed.stderr.contains("backend output line"))
        #expect(failed.stderr.contains("backend error line"))
        #expect(failed.stderr.contains("RuntimeError: this backend cannot build"))
        #expect(failed.stderr.contains("hint: Build failures usually indicate a problem with the package or the build environment"))
        #expect(try python(directory, "import iniconfig").status == 0)
        #expect(try python(directory, "import colorama").status != 0)
    }

    /// SIGINT or SIGTERM during installing: the wheels in flight roll back and so do the ones
    /// this sync had finished, so no distribution is left half there (no `.dist-info` without its
    /// RECORD) and the environment holds nothing or everything; the next sync only adds.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"),
          arguments: [SIGINT, SIGTERM])
    func anInterruptedSyncLeavesNothingHalfInstalled(_ signalNumber: Int32) async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("interrupted\(signalNumber)", dependencies: #""flask", "pytest""#)
        #expect(await sync(directory, index: index, ["--python", "3.12"]).status == 0)
        let executable = try #require(EndToEndTests.executable)
        for delay in [10, 25, 45, 70] {
            try FileManager.default.removeItem(atPath: directory + "/.venv")
            let process = Process()
            process.executableURL = executable
            process.arguments = ["sync", "--directory", directory, "--index-url", index, "--python", "3.12", "-q"]
            process.environment = environment
            try process.run()
            try await Task.sleep(for: .milliseconds(delay))
            kill(process.processIdentifier, signalNumber)
            process.waitUntilExit()
            let stopped = process.terminationReason == .uncaughtSignal
            #expect(stopped || process.terminationStatus == 0, "exit \(process.terminationStatus)")
            // A signal before the environment existed leaves nothing to look at.
            guard FileManager.default.fileExists(atPath: directory + "/.venv/bin/python") else {
                #expect(await sync(directory, index: index, ["--python", "3.12"]).status == 0)
                continue
            }
            let broken = try python(directory, """
                import os, sys
                site = [p for p in sys.path if p.endswith("site-packages")][0]
                print([d for d in os.listdir(site) if d.endswith(".dist-info") and not os.path.exists(os.path.join(site, d, "RECORD"))])
                print(len([d for d in os.listdir(site) if d.endswith(".dist-info")]))
                """)
            let lines = broken.output.split(separator: "\n")
            #expect(lines.first == "[]", "after a signal at \(delay) ms: \(broken.output)")
            // One transaction: a sync stopped while installing takes out what it had installed.
            if stopped { #expect(lines.last == "0" || lines.last == "11", "after a signal at \(delay) ms: \(broken.output)") }
            let rerun = await sync(directory, index: index, ["--python", "3.12"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(!rerun.stderr.contains(" - "), "after a signal at \(delay) ms: \(rerun.stderr)")
        }
    }

    /// A lock naming the canonical index (as committed) installs with `--frozen` through a
    /// declared mirror, the files still checked against the lock's hashes.
    @Test func frozenInstallsGoThroughAMirror() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let fixture = RepositoryPaths.fixtures.appendingPathComponent("locks/simple-app")
        _ = try tree.write("mirrored/pyproject.toml", String(decoding: try Data(contentsOf: fixture.appendingPathComponent("pyproject.toml")), as: UTF8.self))
        _ = try tree.write("mirrored/uv.lock", String(decoding: try Data(contentsOf: fixture.appendingPathComponent("uv.lock")), as: UTF8.self))
        let directory = tree.path("mirrored")
        var env = environment
        env["UV_HTTP_RETRIES"] = "0"
        let unreachable = await runSuv(["sync", "--directory", directory, "--frozen", "--python", "3.12"], environment: env)
        #expect(unreachable.status != 0)
        env["SUV_INDEX_MIRRORS"] = "https://index.example/=\(server.url("/"))"
        let mirrored = await runSuv(["sync", "--directory", directory, "--frozen", "--python", "3.12"], environment: env)
        #expect(mirrored.status == 0, "\(mirrored.stderr)")
        #expect(mirrored.stderr.contains(" + beta==2.0"), "\(mirrored.stderr)")
        #expect(try python(directory, "import beta").status == 0)
        // The lock is untouched: still the canonical index.
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/uv.lock")), as: UTF8.self)
            == String(decoding: try Data(contentsOf: fixture.appendingPathComponent("uv.lock")), as: UTF8.self))
    }

    /// A sync killed (SIGKILL, nothing to clean up) at several moments of installing, then run
    /// again: the second run succeeds and leaves every distribution complete (a RECORD in each
    /// `.dist-info`) and importable.
    @Test(.enabled(if: EndToEndTests.executable != nil, "the `suv` executable was not built next to the tests"))
    func aKilledSyncIsRepairedByTheNext() async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let directory = try project("killed", dependencies: #""flask", "pytest""#)
        // Lock and fill the cache first, so the kills land in the install phase.
        #expect(await sync(directory, index: index, ["--python", "3.12"]).status == 0)
        let executable = try #require(EndToEndTests.executable)
        for delay in [5, 15, 30, 60] {
            try FileManager.default.removeItem(atPath: directory + "/.venv")
            let process = Process()
            process.executableURL = executable
            process.arguments = ["sync", "--directory", directory, "--index-url", index, "--python", "3.12", "-q"]
            process.environment = environment
            try process.run()
            try await Task.sleep(for: .milliseconds(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let rerun = await sync(directory, index: index, ["--python", "3.12"])
            #expect(rerun.status == 0, "after a kill at \(delay) ms: \(rerun.stderr)")
            let check = try python(directory, """
                import importlib.metadata as md, os, sys
                site = [p for p in sys.path if p.endswith("site-packages")][0]
                broken = [d for d in os.listdir(site) if d.endswith(".dist-info") and not os.path.exists(os.path.join(site, d, "RECORD"))]
                import flask, pytest, markupsafe._speedups
                print(broken, len(list(md.distributions())))
                """)
            #expect(check.output == "[] 11\n", "after a kill at \(delay) ms: \(check.output)")
        }
    }

    /// The Flask and pytest stacks from real distributions (MarkupSafe's C extension included)
    /// into CPython 3.10 and 3.12 environments: imports work, console scripts run, and every
    /// installed distribution's requirements are met (what `pip check` checks).
    @Test(arguments: ["3.10", "3.12"])
    func realDistributions(python version: String) async throws {
        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let directory = try project("real\(version.replacingOccurrences(of: ".", with: ""))", dependencies: #""flask", "pytest""#)
        let result = await sync(directory, index: server.url("/simple/"), ["--python", version])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(" + flask==3.0.3\n"))
        #expect(result.stderr.contains(" + markupsafe==2.1.5\n"))
        let imports = try python(directory, """
            import sys, flask, markupsafe._speedups, pytest
            print(sys.version_info[:2] == tuple(map(int, "\(version)".split("."))))
            """)
        #expect(imports.output == "True\n", "\(imports.output)")
        let check = try python(directory, """
            import importlib.metadata as md
            from packaging.requirements import Requirement
            problems = []
            for dist in md.distributions():
                for text in dist.requires or []:
                    req = Requirement(text)
                    if req.marker and not req.marker.evaluate({"extra": ""}):
                        continue
                    try:
                        version = md.version(req.name)
                    except md.PackageNotFoundError:
                        problems.append(f"{dist.metadata['Name']} needs {req}")
                        continue
                    if not req.specifier.contains(version, prereleases=True):
                        problems.append(f"{dist.metadata['Name']} needs {req}, has {version}")
            print(problems)
            """)
        #expect(check.output == "[]\n", "\(check.output)")
        let script = Process()
        script.executableURL = URL(fileURLWithPath: directory + "/.venv/bin/pytest")
        script.arguments = ["--version"]
        let pipe = Pipe()
        script.standardOutput = pipe
        script.standardError = pipe
        try script.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)
        #expect(output.contains("pytest 8.3.3"), "\(output)")
    }
}
