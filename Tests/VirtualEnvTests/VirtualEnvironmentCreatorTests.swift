import Foundation
import PEP440
import Python
import Testing
@testable import VirtualEnv

/// Environments created on disk for real CPythons from `~/.pyenv/versions`, then used.
@Suite struct VirtualEnvironmentCreatorTests {
    func facts(_ executable: String, cache: String) async throws -> InterpreterInfo {
        try await InterpreterInfoCache(directory: cache).query(executable: executable)
    }

    func create(_ minor: String, in directory: String, policy: ExistingEnvironmentPolicy = .fail) async throws -> (VirtualEnvironment, InterpreterInfo) {
        let python = try #require(Pythons.executable(minor))
        let info = try await facts(python, cache: directory + "/cache")
        let options = VirtualEnvironmentCreator.options(root: directory + "/env", interpreter: info, prompt: nil,
                                                        creator: .init(name: "suv", version: "0.1.0"))
        let environment = try VirtualEnvironmentCreator.create(VirtualEnvironmentPlan(options), existing: policy, displayPath: "env")
        return (environment, info)
    }

    /// Two syncs creating the same project environment at once: the one that moves its
    /// environment into place second takes the first one's when it is the same environment
    /// (same `pyvenv.cfg`), and refuses a different one.
    @Test func aSecondCreatorOfTheSameEnvironmentUsesTheFirstOnes() async throws {
        try #require(Pythons.executable("3.12") != nil, "Python 3.12 is not installed")
        try await withTemporaryDirectory { directory in
            let (first, info) = try await create("3.12", in: directory)
            let same = VirtualEnvironmentPlan(VirtualEnvironmentCreator.options(
                root: directory + "/env", interpreter: info, prompt: nil, creator: .init(name: "suv", version: "0.1.0")))
            let other = VirtualEnvironmentPlan(VirtualEnvironmentCreator.options(
                root: directory + "/env", interpreter: info, prompt: "elsewhere", creator: .init(name: "suv", version: "0.1.0")))
            #expect(VirtualEnvironmentCreator.isSameEnvironment(at: first.root, as: same))
            #expect(!VirtualEnvironmentCreator.isSameEnvironment(at: first.root, as: other))
            #expect(!VirtualEnvironmentCreator.isSameEnvironment(at: directory + "/missing", as: same))
        }
    }

    /// The facts derived from the base interpreter (what sync uses instead of running the new
    /// environment's python) equal what that python reports.
    @Test(arguments: ["3.10", "3.12"])
    func derivedFactsEqualTheQueriedOnes(_ minor: String) async throws {
        try #require(Pythons.executable(minor) != nil, "Python \(minor) is not installed")
        try await withTemporaryDirectory { directory in
            let (environment, base) = try await create(minor, in: directory)
            let queried = try await facts(environment.python, cache: directory + "/other-cache")
            #expect(base.virtualEnvironmentFacts(root: directory + "/env") == queried)
        }
    }

    @Test(arguments: ["3.10", "3.12"])
    func theEnvironmentsPythonRunsInsideIt(_ minor: String) async throws {
        try #require(Pythons.executable(minor) != nil, "Python \(minor) is not installed")
        try await withTemporaryDirectory { directory in
            let (environment, base) = try await create(minor, in: directory)
            let output = try run(environment.python, ["-c", "import sys, sysconfig; print(sys.prefix); print(sys.base_prefix); print(sysconfig.get_paths()['purelib'])"])
            #expect(output.status == 0)
            let lines = output.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == directory + "/env")
            #expect(lines.dropFirst().first == base.basePrefix)
            #expect(lines.dropFirst(2).first == environment.sitePackages)
            #expect(environment.sitePackages == directory + "/env/lib/python\(minor)/site-packages")
            let config = try #require(environment.config)
            #expect(config["home"] == (base.executable as NSString).deletingLastPathComponent)
            #expect(config.versionInfo == base.versionInfo.description)
            #expect(config["suv"] == "0.1.0")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: directory + "/env/lib64")) == "lib")
            // The facts of the environment's interpreter say it is one.
            let inside = try await facts(environment.python, cache: directory + "/cache")
            #expect(inside.isVirtualenv)
            #expect(inside.paths.purelib == environment.sitePackages)
        }
    }

    @Test(Pythons.installed("3.12"))
    func bashActivationAndDeactivation() async throws {
        try await withTemporaryDirectory { directory in
            let (environment, _) = try await create("3.12", in: directory)
            let script = """
            before="$PATH"
            PS1='$ '
            source '\(environment.root)/bin/activate'
            echo "which=$(command -v python)"
            echo "env=$VIRTUAL_ENV"
            echo "prompt=$PS1"
            python -c 'import sys; print("prefix=" + sys.prefix)'
            deactivate
            [ "$PATH" = "$before" ] && echo "path=restored"
            echo "after=${VIRTUAL_ENV:-unset}"
            type deactivate >/dev/null 2>&1 || echo "deactivate=gone"
            """
            let output = try run("/bin/bash", ["--norc", "--noprofile", "-c", script],
                                 environment: ["PATH": "/usr/bin:/bin", "HOME": directory])
            #expect(output.status == 0)
            let lines = output.stdout.split(separator: "\n").map(String.init)
            #expect(lines == [
                "which=\(environment.root)/bin/python",
                "env=\(environment.root)",
                "prompt=(env) $ ",
                "prefix=\(environment.root)",
                "path=restored",
                "after=unset",
                "deactivate=gone",
            ])
        }
    }

    /// A project command that found no environment and then creates one keeps the identical
    /// environment a concurrent sync moved into place meanwhile (with what it installed), and
    /// replaces an environment of another interpreter.
    @Test(Pythons.installed("3.10"), Pythons.installed("3.12"))
    func reuseIdenticalKeepsTheSameEnvironmentAndReplacesAnother() async throws {
        try await withTemporaryDirectory { directory in
            _ = try await create("3.12", in: directory)
            let marker = directory + "/env/lib/python3.12/site-packages/marker"
            FileManager.default.createFile(atPath: marker, contents: Data())
            _ = try await create("3.12", in: directory, policy: .reuseIdentical)
            #expect(FileManager.default.fileExists(atPath: marker))

            let (replaced, _) = try await create("3.10", in: directory, policy: .reuseIdentical)
            #expect(!FileManager.default.fileExists(atPath: marker))
            #expect(replaced.sitePackages.hasSuffix("/lib/python3.10/site-packages"))
            #expect(FileManager.default.fileExists(atPath: directory + "/env/lib/python3.10/site-packages"))
        }
    }

    @Test(Pythons.installed("3.12"))
    func existingTargets() async throws {
        try await withTemporaryDirectory { directory in
            _ = try await create("3.12", in: directory)
            await #expect(throws: VirtualEnvironmentError.environmentExists("env")) {
                _ = try await create("3.12", in: directory)
            }
            FileManager.default.createFile(atPath: directory + "/env/lib/python3.12/site-packages/marker", contents: Data())
            _ = try await create("3.12", in: directory, policy: .clear(force: false))
            #expect(!FileManager.default.fileExists(atPath: directory + "/env/lib/python3.12/site-packages/marker"))

            try FileManager.default.removeItem(atPath: directory + "/env")
            try FileManager.default.createDirectory(atPath: directory + "/env", withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: directory + "/env/keep", contents: Data())
            await #expect(throws: VirtualEnvironmentError.directoryExists("env")) {
                _ = try await create("3.12", in: directory)
            }
            await #expect(throws: VirtualEnvironmentError.notAnEnvironment("env")) {
                _ = try await create("3.12", in: directory, policy: .clear(force: false))
            }
            _ = try await create("3.12", in: directory, policy: .allowExisting)
            #expect(FileManager.default.fileExists(atPath: directory + "/env/keep"))
            #expect(VirtualEnvironment.exists(at: directory + "/env"))
        }
    }
}
