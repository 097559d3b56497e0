import Foundation
import SuvTestSupport
import Testing

/// `suv lock` against the loopback fixture index: the locks real uv 0.13.9 wrote for the same
/// projects and index (`fixtures/locks`, made by its `regenerate.sh`) must come out byte for
/// byte; `--check`, `--locked`, `--check-exists`, `--dry-run` and re-locking behave as uv's.
@Suite(.serialized) struct LockCommandTests {
    let server: LocalIndexServer
    let tree: TemporaryTree

    init() throws {
        server = try LocalIndexServer(root: try FixtureIndex.url().path)
        tree = try TemporaryTree(prefix: "suv-lock")
    }

    var environment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": tree.path("home"),
            "XDG_CONFIG_HOME": tree.path("config"),
            "UV_CACHE_DIR": tree.path("cache"),
            "PIP_CONFIG_FILE": "/dev/null",
            "NO_COLOR": "1",
        ]
    }

    /// A copy of a project in a scratch folder; returns its path.
    func project(_ pyproject: String, name: String = "project") throws -> String {
        _ = try tree.write("\(name)/pyproject.toml", pyproject)
        return tree.path(name)
    }

    func lock(_ directory: String, _ arguments: [String] = []) async -> CLIResult {
        await runSuv(["lock", "--directory", directory, "--index-url", server.url("/simple/")] + arguments, environment: environment)
    }

    func lockText(_ directory: String) -> String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: directory + "/uv.lock"))) ?? Data(), as: UTF8.self)
    }

    /// The committed lock with the stable index address replaced by this server's.
    func golden(_ name: String) throws -> String {
        let url = RepositoryPaths.fixtures.appendingPathComponent("locks/\(name)/uv.lock")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
            .replacingOccurrences(of: "https://index.example/", with: server.url("/"))
    }

    /// The fixture lock cases whose projects lock against JSON pages (the others are
    /// checked by `lockCase` themselves).
    static let cases = ["simple-app", "packaged", "extras-groups", "markers", "python-fork", "yanked-pin", "sdist-only",
                        "manifest", "options", "workspace", "virtual-workspace", "local-sources", "conflicts"]

    /// A scratch copy of a fixture case: every `pyproject.toml` of its tree; `nil` for cases
    /// locked against HTML pages.
    func copyCase(_ name: String) throws -> String? {
        let caseRoot = RepositoryPaths.fixtures.appendingPathComponent("locks/\(name)")
        guard !FileManager.default.fileExists(atPath: caseRoot.appendingPathComponent("html-only").path) else { return nil }
        let files = FileManager.default.enumerator(atPath: caseRoot.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix("pyproject.toml") {
            let text = String(decoding: try Data(contentsOf: caseRoot.appendingPathComponent(file)), as: UTF8.self)
            _ = try tree.write("\(name)/\(file)", text)
        }
        return tree.path(name)
    }

    @Test(arguments: cases)
    func writesWhatUvWrites(_ name: String) async throws {
        guard let directory = try copyCase(name) else { return }
        let result = await lock(directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(lockText(directory) == (try golden(name)))
        #expect(result.stderr.contains("Resolved "))
    }

    @Test(arguments: cases)
    func acceptsWhatUvWrote(_ name: String) async throws {
        guard let directory = try copyCase(name) else { return }
        _ = try tree.write("\(name)/uv.lock", try golden(name))
        let check = await lock(directory, ["--check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(lockText(directory) == (try golden(name)))
    }

    @Test func aMemberLocksTheWholeWorkspace() async throws {
        guard let directory = try copyCase("workspace") else { return }
        let result = await lock(directory + "/packages/lib")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages/lib/uv.lock"))
        #expect(lockText(directory) == (try golden("workspace")))
    }

    @Test func aChangedMemberMakesTheLockStale() async throws {
        guard let directory = try copyCase("workspace") else { return }
        #expect(await lock(directory).status == 0)
        #expect(await lock(directory, ["--check"]).status == 0)
        let member = try String(contentsOfFile: directory + "/packages/lib/pyproject.toml", encoding: .utf8)
        _ = try tree.write("workspace/packages/lib/pyproject.toml", member.replacingOccurrences(of: "[\"zeta\"]", with: "[\"zeta\", \"epsilon\"]"))
        let check = await lock(directory, ["--check"])
        #expect(check.status == 1, "\(check.stderr)")
        let relock = await lock(directory)
        #expect(relock.stderr.contains("Added epsilon v1.0"), "\(relock.stderr)")
    }

    @Test func changedEnvironmentsOrConflictsMakeTheLockStale() async throws {
        guard let directory = try copyCase("conflicts") else { return }
        #expect(await lock(directory).status == 0)
        let original = try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8)
        _ = try tree.write("conflicts/pyproject.toml", original.replacingOccurrences(
            of: "required-environments = [\"sys_platform == 'linux'\"]", with: "required-environments = [\"sys_platform == 'darwin'\"]"))
        #expect(await lock(directory, ["--check"]).status == 1)
        _ = try tree.write("conflicts/pyproject.toml", original.replacingOccurrences(
            of: "conflicts = [[{ extra = \"old\" }, { extra = \"new\" }]]\n", with: ""))
        let unsolvable = await lock(directory)
        #expect(unsolvable.status == 1)
        #expect(unsolvable.stderr.contains("beta==1.0") && unsolvable.stderr.contains("beta==2.0"), "\(unsolvable.stderr)")
        #expect(lockText(directory) == (try golden("conflicts")))
    }

    /// `suv lock --script`: the PEP 723 script's requirements in `[manifest]`, no root
    /// package, `script.py.lock` next to the script: as uv writes it.
    @Test func locksAScriptAsUvDoes() async throws {
        let fixture = RepositoryPaths.fixtures.appendingPathComponent("locks/script")
        let source = String(decoding: try Data(contentsOf: fixture.appendingPathComponent("script.py")), as: UTF8.self)
        _ = try tree.write("script/script.py", source)
        let directory = tree.path("script")
        let result = await lock(directory, ["--script", "script.py"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("Using CPython"))
        let expected = String(decoding: try Data(contentsOf: fixture.appendingPathComponent("script.py.lock")), as: UTF8.self)
            .replacingOccurrences(of: "https://index.example/", with: server.url("/"))
        let written = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: directory + "/script.py.lock"))) ?? Data(), as: UTF8.self)
        #expect(written == expected)
        #expect(!FileManager.default.fileExists(atPath: directory + "/uv.lock"))
        #expect(await lock(directory, ["--script", "script.py", "--check"]).status == 0)
        _ = try tree.write("script/script.py", source.replacingOccurrences(of: "\"beta>=1.0\"", with: "\"beta>=1.0\", \"zeta\""))
        #expect(await lock(directory, ["--script", "script.py", "--check"]).status == 1)
    }

    @Test func aScriptWithoutMetadataLocksNothing() async throws {
        _ = try tree.write("bare/plain.py", "print(1)\n")
        let result = await lock(tree.path("bare"), ["--script", "plain.py"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Resolved in "))
        #expect(!result.stderr.contains("requires-python"))
        let written = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: tree.path("bare/plain.py.lock")))) ?? Data(), as: UTF8.self)
        #expect(written.hasPrefix("version = 1\nrevision = 5\nrequires-python = \">="))
        #expect(!written.contains("[[package]]"))
    }

    @Test func aMemberDependencyNeedsAWorkspaceSource() async throws {
        guard let directory = try copyCase("workspace") else { return }
        let root = try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8)
        _ = try tree.write("workspace/pyproject.toml", root.replacingOccurrences(of: "app = { workspace = true }", with: ""))
        let result = await lock(directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("`app` is included as a workspace member, but is missing an entry in `tool.uv.sources` (e.g., `app = { workspace = true }`)"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/uv.lock"))
    }

    @Test func aMissingPathDependencyIsNamed() async throws {
        let directory = try project("""
            [project]
            name = "demo"
            version = "0.1.0"
            requires-python = ">=3.9"
            dependencies = ["gone"]

            [tool.uv.sources]
            gone = { path = "../gone" }
            """, name: "missing-path")
        let result = await lock(directory)
        #expect(result.status != 0)
        #expect(result.stderr.contains("`gone`"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/uv.lock"))
    }

    @Test func relockingAnUnchangedProjectWritesNothing() async throws {
        let directory = try project("""
            [project]
            name = "demo"
            version = "0.1.0"
            requires-python = ">=3.8"
            dependencies = ["beta"]
            """)
        #expect(await lock(directory).status == 0)
        let path = directory + "/uv.lock"
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let first = lockText(directory)
        try await Task.sleep(for: .milliseconds(20))
        let again = await lock(directory)
        #expect(again.status == 0)
        #expect(!again.stderr.contains("Added") && !again.stderr.contains("Updated"))
        #expect(lockText(directory) == first)
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(before == after)
        // --check agrees, and so does --check-exists.
        #expect(await lock(directory, ["--check"]).status == 0)
        #expect(await lock(directory, ["--check-exists"]).status == 0)
    }

    @Test func addingADependencyChangesOnlyWhatItMust() async throws {
        let directory = try project("""
            [project]
            name = "demo"
            version = "0.1.0"
            requires-python = ">=3.8"
            dependencies = ["beta"]
            """)
        #expect(await lock(directory).status == 0)
        let before = lockText(directory).split(separator: "\n", omittingEmptySubsequences: false)
        _ = try tree.write("project/pyproject.toml", """
            [project]
            name = "demo"
            version = "0.1.0"
            requires-python = ">=3.8"
            dependencies = ["beta", "epsilon"]
            """)
        let stale = await lock(directory, ["--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.hasSuffix("""
            error: The lockfile at `uv.lock` needs to be updated, but `--check` was provided.

            hint: To update the lockfile, run `uv lock`.

            """))
        let locked = await lock(directory, ["--locked"])
        #expect(locked.stderr.contains("needs to be updated, but `--locked` was provided."))
        let dry = await lock(directory, ["--dry-run"])
        #expect(dry.stderr.contains("Added epsilon v1.0\nLockfile changes detected\n"))
        #expect(lockText(directory).split(separator: "\n", omittingEmptySubsequences: false) == before)

        let result = await lock(directory)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Added epsilon v1.0\n"))
        let after = lockText(directory).split(separator: "\n", omittingEmptySubsequences: false)
        // Every old line stays but the project's one-line `requires-dist` (now two entries);
        // what is new is the project's edge and metadata for epsilon and epsilon's own entry.
        let removed = before.filter { !after.contains($0) }
        let added = after.filter { !before.contains($0) }
        #expect(removed == ["requires-dist = [{ name = \"beta\" }]"])
        #expect(added.contains("    { name = \"epsilon\" },"))
        #expect(added.contains("name = \"epsilon\""))
        #expect(added.count < 16, "\(added)")
    }

    @Test func checkWithoutALock() async throws {
        let directory = try project("""
            [project]
            name = "demo"
            version = "0.1.0"
            requires-python = ">=3.8"
            dependencies = []
            """)
        let result = await lock(directory, ["--check"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: Unable to find lockfile at `uv.lock`, but `--check` was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag.\n")
    }

    @Test func noProject() async throws {
        let empty = try tree.makeDirectory("empty")
        let result = await lock(empty)
        #expect(result.status == 2)
        #expect(result.stderr == "error: No `pyproject.toml` found in current directory or any parent directory\n")
    }
}
