import Foundation
import Glibc
import SuvTestSupport
import Testing

/// `suv add` and `suv remove` on the fixture index: files written as uv 0.13.9 writes them
/// (texts recorded from uv runs against the same index), the lock and environment following,
/// and failures leaving `pyproject.toml` and `uv.lock` as they were.
@Suite(.serialized) struct AddRemoveCommandTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-add")
    }

    var environment: [String: String] {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        return [
            "PATH": home + "/.pyenv/versions/3.12.1/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "HOME": home,
            "XDG_CONFIG_HOME": tree.path("config"),
            "UV_CACHE_DIR": tree.path("cache"),
            "PIP_CONFIG_FILE": "/dev/null",
            "UV_PYTHON_DOWNLOADS": "never",
            "UV_PYTHON": home + "/.pyenv/versions/3.12.1/bin/python3.12",
            "NO_COLOR": "1",
        ]
    }

    func suv(_ directory: String, _ arguments: [String], index: String) async -> CLIResult {
        await runSuv(arguments + ["--directory", directory, "--default-index", index, "--no-config"], environment: environment)
    }

    func project(_ name: String, dependencies: String = "\n    \"beta\",\n") throws -> String {
        _ = try tree.write("\(name)/pyproject.toml", """
            [project]
            name = "\(name)"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = [\(dependencies)]

            """)
        return tree.path(name)
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    func imports(_ directory: String, _ module: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: directory + "/.venv/bin/python")
        process.arguments = ["-c", "import \(module)"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func addWritesABoundLocksAndSyncsThenRemoveUndoesIt() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple")
        let directory = try project("app")
        #expect(await suv(directory, ["sync"], index: index).status == 0)

        let added = await suv(directory, ["add", "gamma"], index: index)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try text(directory + "/pyproject.toml").contains("dependencies = [\n    \"beta\",\n    \"gamma>=1.0\",\n]\n"))
        // uv persists the default index it was given.
        #expect(try text(directory + "/pyproject.toml").hasSuffix("\n[[tool.uv.index]]\nurl = \"\(index)\"\ndefault = true\n"))
        #expect(try text(directory + "/uv.lock").contains("{ name = \"gamma\", specifier = \">=1.0\" }"))
        #expect(added.stderr.contains("Resolved 5 packages in "), "\(added.stderr)")
        #expect(added.stderr.components(separatedBy: "Resolved").count == 2, "one Resolved line: \(added.stderr)")
        #expect(added.stderr.hasSuffix(" + gamma==1.0\n"), "\(added.stderr)")
        #expect(try imports(directory, "gamma"))
        // The second pass of the add redrew only the project's entry; a full resolution and
        // build write the same lock.
        let relocked = await suv(directory, ["lock", "--locked", "--upgrade-package", "gamma"], index: index)
        #expect(relocked.status == 0, "\(relocked.stderr)")

        let removed = await suv(directory, ["remove", "gamma"], index: index)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stderr.hasSuffix(" - gamma==1.0\n"), "\(removed.stderr)")
        #expect(try !text(directory + "/pyproject.toml").contains("gamma"))
        #expect(try !imports(directory, "gamma"))
    }

    /// `add -r`: each requirement of the file added as if given on the command line; the
    /// resulting files are what uv 0.13.9 writes for the same file.
    @Test func addsTheRequirementsOfAFile() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple")
        let directory = try project("fromfile", dependencies: "")
        _ = try tree.write("fromfile/requirements.txt", "beta>=1.0\n# comment\ngamma ; sys_platform == \"linux\"\nEpsilon[fast]==1.1\n")
        let added = await suv(directory, ["add", "-r", directory + "/requirements.txt"], index: index)
        #expect(added.status == 0, "\(added.stderr)")
        let written = try text(directory + "/pyproject.toml")
        #expect(written.contains("""
            dependencies = [
                "beta>=1.0",
                "epsilon[fast]==1.1",
                "gamma>=1.0 ; sys_platform == 'linux'",
            ]
            """), "\(written)")
        #expect(added.stderr.hasSuffix(" + alpha==1.1\n + beta==2.0\n + epsilon==1.1\n + gamma==1.0\n"), "\(added.stderr)")
        let missing = await suv(directory, ["add", "-r", "nope.txt"], index: index)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: File not found: nope.txt\n")
    }

    @Test func aFailedAddLeavesTheProjectAsItWas() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple")
        let directory = try project("failing", dependencies: "\"beta\",  # one line, commented\n")
        #expect(await suv(directory, ["lock"], index: index).status == 0)
        let pyproject = bytes(directory + "/pyproject.toml")
        let lock = bytes(directory + "/uv.lock")
        let failed = await suv(directory, ["add", "nosuchpkg"], index: index)
        #expect(failed.status == 1)
        // As uv: the interpreter and environment lines come first (the environment is made
        // before locking), then the error.
        #expect(failed.stderr.hasSuffix("""
            error: Failed to add dependencies
              cause: No solution found when resolving dependencies
              cause: Because nosuchpkg was not found in the package registry and your project depends on nosuchpkg, we can conclude that your project's requirements are unsatisfiable.

            hint: If you want to add the package regardless of the failed resolution, provide the `--frozen` flag to skip locking and syncing

            """), "\(failed.stderr)")
        #expect(bytes(directory + "/pyproject.toml") == pyproject)
        #expect(bytes(directory + "/uv.lock") == lock)
    }

    @Test func boundsTargetsAndSourcesAsUvWritesThem() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple")
        let directory = try project("shapes")
        _ = try tree.write("localpkg/pyproject.toml", "[project]\nname = \"Local_Pkg\"\nversion = \"0.1.0\"\n")
        for (arguments, expected) in [
            (["add", "gamma", "--bounds", "major", "--no-sync"], "\"gamma>=1.0,<2.0\","),
            (["add", "gamma", "--bounds", "minor", "--no-sync"], "\"gamma>=1.0,<1.1\","),
            (["add", "gamma", "--bounds", "exact", "--no-sync"], "\"gamma==1.0\","),
        ] {
            let result = await suv(directory, arguments, index: index)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try text(directory + "/pyproject.toml").contains(expected), "\(arguments)")
        }
        // --no-sync locks without making an environment.
        #expect(!FileManager.default.fileExists(atPath: directory + "/.venv"))
        #expect(await suv(directory, ["remove", "gamma", "--frozen"], index: index).status == 0)
        for arguments in [
            ["add", "--editable", "../localpkg", "--frozen"],
            ["add", "Zeta[x] <1; python_version >= '3.8'", "--group", "lint", "--frozen"],
            ["add", "https://files.example.invalid/six-1.17.0-py2.py3-none-any.whl", "--frozen"],
            ["add", "gitpkg @ git+https://git.example.invalid/org/gitpkg@v0.1.0", "--frozen"],
        ] {
            let result = await suv(directory, arguments, index: index)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try text(directory + "/pyproject.toml") == """
            [project]
            name = "shapes"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = [
                "beta",
                "gitpkg",
                "local-pkg",
                "six",
            ]

            [[tool.uv.index]]
            url = "\(index)"
            default = true

            [tool.uv.sources]
            local-pkg = { path = "../localpkg", editable = true }
            six = { url = "https://files.example.invalid/six-1.17.0-py2.py3-none-any.whl" }
            gitpkg = { git = "https://git.example.invalid/org/gitpkg", rev = "v0.1.0" }

            [dependency-groups]
            lint = [
                "zeta[x]<1 ; python_full_version >= '3.8'",
            ]

            """)
    }

    @Test func removeOfAMissingDependencyExitsTwoWithUvsHint() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple")
        let directory = try project("missing")
        let pyproject = bytes(directory + "/pyproject.toml")
        let absent = await suv(directory, ["remove", "nothere"], index: index)
        #expect(absent.status == 2)
        #expect(absent.stderr == "error: The dependency `nothere` could not be found in `project.dependencies`\n")
        let dev = await suv(directory, ["remove", "beta", "--dev"], index: index)
        #expect(dev.status == 2)
        #expect(dev.stderr == """
            error: The dependency `beta` could not be found in `tool.uv.dev-dependencies` or `tool.uv.dependency-groups.dev`

            hint: `beta` is a production dependency

            """)
        #expect(bytes(directory + "/pyproject.toml") == pyproject)
    }

    @Test func packageTargetsAWorkspaceMember() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple")
        _ = try tree.write("ws/pyproject.toml", """
            [project]
            name = "root"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = []

            [tool.uv.workspace]
            members = ["packages/*"]

            """)
        let member = try tree.write("ws/packages/lib-a/pyproject.toml", """
            [project]
            name = "lib-a"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = []

            """)
        let root = tree.path("ws")
        let added = await runSuv(["add", "gamma", "--package", "lib-a", "--no-sync", "--directory", root, "--index-url", index, "--no-config"],
                                 environment: environment)
        #expect(added.status == 0, "\(added.stderr)")
        let edited = try text(member)
        #expect(edited.contains("dependencies = [\n    \"gamma>=1.0\",\n]"), "\(edited)")
        #expect(try !text(root + "/pyproject.toml").contains("gamma"))
        let unknown = await runSuv(["add", "gamma", "--package", "nope", "--frozen", "--directory", root], environment: environment)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: The workspace does not have a member nope: \(root)\n")
        let removed = await runSuv(["remove", "gamma", "--package", "lib-a", "--frozen", "--directory", root], environment: environment)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try !text(member).contains("gamma"))
    }
}
