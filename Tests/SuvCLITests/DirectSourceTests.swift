import Foundation
import Glibc
import Lockfile
import SuvBasics
@testable import SuvCLI
import SuvTestSupport
import Testing

/// Git and direct-URL sources in a project: locked as uv 0.13.9 locks them (the expected lock
/// below is what uv wrote for the same project, index and repository), installed with uv's
/// `direct_url.json`, and added by `suv add` from a bare `git+` URL. The repository is a local
/// one the test commits (`file://`), the archives come from the loopback fixture index.
@Suite(.serialized) struct DirectSourceTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-direct")
    }

    var environment: [String: String] { projectEnvironment(tree) }

    /// A Git repository holding the project `kappa` 0.3 (requiring `alpha>=1.0`, built by the
    /// fixture backend), tagged `v0.3`; its commit.
    func makeRepository() throws -> (url: String, commit: String) {
        let backend = try String(contentsOf: FixtureIndex.backendSource(), encoding: .utf8)
        _ = try tree.write("repo/_backend/suv_fixture_backend.py", backend)
        _ = try tree.write("repo/pyproject.toml", """
            [build-system]
            requires = []
            build-backend = "suv_fixture_backend"
            backend-path = ["_backend"]

            [project]
            name = "kappa"
            version = "0.3"
            dependencies = ["alpha>=1.0"]

            """)
        _ = try tree.write("repo/PKG-INFO", "Metadata-Version: 2.2\nName: kappa\nVersion: 0.3\nRequires-Dist: alpha>=1.0\n\n")
        _ = try tree.write("repo/kappa/__init__.py", "VALUE = 'kappa'\n")
        let repo = tree.path("repo")
        try git(["init", "--quiet", "-b", "main"], in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "--quiet", "-m", "kappa 0.3"], in: repo)
        try git(["tag", "v0.3"], in: repo)
        return ("file://" + repo, try git(["rev-parse", "HEAD"], in: repo).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @discardableResult
    func git(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_NAME": "suv", "GIT_AUTHOR_EMAIL": "suv@example.invalid", "GIT_COMMITTER_NAME": "suv",
                             "GIT_COMMITTER_EMAIL": "suv@example.invalid", "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z",
                             "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z"] {
            variables[key] = value
        }
        process.environment = variables
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self)
    }

    func project(_ name: String, sources: String, dependencies: String = #""delta", "epsilon", "kappa""#) throws -> String {
        _ = try tree.write("\(name)/pyproject.toml", """
            [project]
            name = "\(name)"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = [\(dependencies)]

            [tool.uv.sources]
            \(sources)

            """)
        return tree.path(name)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func locksLikeUvAndInstallsWithDirectURLs() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple")
        let files = server.url("/files")
        let (repo, commit) = try makeRepository()
        let directory = try project("p1", sources: """
            kappa = { git = "\(repo)", rev = "v0.3" }
            epsilon = { url = "\(files)/epsilon-1.1-py3-none-any.whl" }
            delta = { url = "\(files)/delta-1.0.tar.gz" }
            """)
        let lock = await runSuv(["lock", "--directory", directory, "--index-url", index], environment: environment)
        #expect(lock.status == 0, "\(lock.stderr)")
        #expect(lock.stderr.contains("   Updating \(repo) (v0.3)\n    Updated \(repo) (\(commit))\n"), "\(lock.stderr)")
        let expected = Self.uvLock.replacingOccurrences(of: "{index}", with: index).replacingOccurrences(of: "{files}", with: files)
            .replacingOccurrences(of: "{repo}", with: repo).replacingOccurrences(of: "{commit}", with: commit)
        #expect(try read(directory + "/uv.lock") == expected)

        let sync = await runSuv(["sync", "--directory", directory, "--index-url", index], environment: environment)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stderr.contains("   Building kappa @ git+\(repo)@\(commit)\n      Built kappa @ git+\(repo)@\(commit)\n"), "\(sync.stderr)")
        #expect(sync.stderr.hasSuffix("""
             + alpha==1.1
             + delta==1.0 (from \(files)/delta-1.0.tar.gz)
             + epsilon==1.1 (from \(files)/epsilon-1.1-py3-none-any.whl)
             + kappa==0.3 (from git+\(repo)@\(commit))

            """), "\(sync.stderr)")
        let site = directory + "/.venv/lib/python3.12/site-packages/"
        #expect(try read(site + "kappa-0.3.dist-info/direct_url.json")
            == #"{"url":"\#(repo)","vcs_info":{"vcs":"git","commit_id":"\#(commit)","requested_revision":"v0.3"}}"#)
        #expect(try read(site + "delta-1.0.dist-info/direct_url.json") == #"{"url":"\#(files)/delta-1.0.tar.gz","archive_info":{}}"#)
        #expect(try read(site + "epsilon-1.1.dist-info/direct_url.json")
            == #"{"url":"\#(files)/epsilon-1.1-py3-none-any.whl","archive_info":{}}"#)
        #expect(try read(site + "kappa/__init__.py") == "VALUE = 'kappa'\n")

        let again = await runSuv(["sync", "--directory", directory, "--index-url", index, "--locked"], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("Checked 4 packages in "), "\(again.stderr)")

        let freeze = await runSuv(["pip", "freeze", "--python", directory + "/.venv/bin/python"], environment: environment)
        #expect(freeze.stdout == """
            alpha==1.1
            delta @ \(files)/delta-1.0.tar.gz
            epsilon @ \(files)/epsilon-1.1-py3-none-any.whl
            kappa @ git+\(repo)@\(commit)

            """, "\(freeze.stderr)")

        // A frozen sync on an empty cache fetches the locked commit and archives again.
        var fresh = environment
        fresh["UV_CACHE_DIR"] = tree.path("cache2")
        _ = try FileManager.default.removeItem(atPath: directory + "/.venv")
        let frozen = await runSuv(["sync", "--directory", directory, "--index-url", index, "--frozen"], environment: fresh)
        #expect(frozen.status == 0, "\(frozen.stderr)")
        #expect(frozen.stderr.contains("Installed 4 packages in "), "\(frozen.stderr)")

        // Another reference is another request: the lock follows it.
        _ = try project("p1", sources: """
            kappa = { git = "\(repo)", tag = "v0.3" }
            epsilon = { url = "\(files)/epsilon-1.1-py3-none-any.whl" }
            delta = { url = "\(files)/delta-1.0.tar.gz" }
            """)
        let locked = await runSuv(["lock", "--directory", directory, "--index-url", index, "--locked"], environment: environment)
        #expect(locked.status == 1, "\(locked.stderr)")
        let relock = await runSuv(["lock", "--directory", directory, "--index-url", index], environment: environment)
        #expect(relock.status == 0, "\(relock.stderr)")
        #expect(try read(directory + "/uv.lock").contains(#"source = { git = "\#(repo)?tag=v0.3#\#(commit)" }"#))
    }

    @Test func addsABareGitURLAndADirectReference() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple")
        let (repo, commit) = try makeRepository()
        let directory = try project("p2", sources: "", dependencies: "")
        let add = await runSuv(["add", "--directory", directory, "--index-url", index, "git+\(repo)", "--tag", "v0.3"], environment: environment)
        #expect(add.status == 0, "\(add.stderr)")
        let pyproject = try read(directory + "/pyproject.toml")
        #expect(pyproject.contains("dependencies = [\n    \"kappa\",\n]"), "\(pyproject)")
        #expect(pyproject.contains("kappa = { git = \"\(repo)\", tag = \"v0.3\" }"), "\(pyproject)")
        #expect(add.stderr.hasSuffix(" + alpha==1.1\n + kappa==0.3 (from git+\(repo)@\(commit))\n"), "\(add.stderr)")

        // A direct reference in `[project]` needs no `tool.uv.sources` entry.
        let direct = try project("p3", sources: "", dependencies: #""kappa @ git+\#(repo)@v0.3""#)
        let lock = await runSuv(["lock", "--directory", direct, "--index-url", index], environment: environment)
        #expect(lock.status == 0, "\(lock.stderr)")
        let text = try read(direct + "/uv.lock")
        #expect(text.contains(#"source = { git = "\#(repo)?rev=v0.3#\#(commit)" }"#), "\(text)")
        #expect(text.contains(#"requires-dist = [{ name = "kappa", git = "\#(repo)?rev=v0.3" }]"#), "\(text)")
    }

    @Test func addsLocalWheelsAndArchivesByPath() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let directory = try project("p5", sources: "", dependencies: "")
        let files = try FixtureIndex.url().appendingPathComponent("files")
        try FileManager.default.createDirectory(atPath: directory + "/dist", withIntermediateDirectories: true)
        for name in ["epsilon-1.1-py3-none-any.whl", "delta-1.0.tar.gz"] {
            try FileManager.default.copyItem(atPath: files.appendingPathComponent(name).path, toPath: directory + "/dist/" + name)
        }
        let add = await runSuv(["add", "--directory", directory, "--index-url", server.url("/simple"),
                                "./dist/epsilon-1.1-py3-none-any.whl", "./dist/delta-1.0.tar.gz"], environment: environment)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stderr.hasSuffix("""
             + delta==1.0 (from file://\(directory)/dist/delta-1.0.tar.gz)
             + epsilon==1.1 (from file://\(directory)/dist/epsilon-1.1-py3-none-any.whl)

            """), "\(add.stderr)")
        // What uv 0.13.9 locks for the same files.
        let lock = try read(directory + "/uv.lock")
        #expect(lock.contains("""
            name = "delta"
            version = "1.0"
            source = { path = "dist/delta-1.0.tar.gz" }
            sdist = { hash = "sha256:2d76f241c17e3c60fc739d426226ec2bc73a8779b372a595c5354df4bdf234ae" }

            [[package]]
            name = "epsilon"
            version = "1.1"
            source = { path = "dist/epsilon-1.1-py3-none-any.whl" }
            wheels = [
                { filename = "epsilon-1.1-py3-none-any.whl", hash = "sha256:ce67004dd6dcd53238c4410db976a657e58cfde5d01ac66038e95b27dfe107cb" },
            ]
            """), "\(lock)")
        #expect(lock.contains("""
            requires-dist = [
                { name = "delta", path = "dist/delta-1.0.tar.gz" },
                { name = "epsilon", path = "dist/epsilon-1.1-py3-none-any.whl" },
            ]
            """), "\(lock)")
        let site = directory + "/.venv/lib/python3.12/site-packages/"
        #expect(try read(site + "delta-1.0.dist-info/direct_url.json") == #"{"url":"file://\#(directory)/dist/delta-1.0.tar.gz","archive_info":{}}"#)
        let again = await runSuv(["sync", "--directory", directory, "--index-url", server.url("/simple"), "--locked"], environment: environment)
        #expect(again.stderr.contains("Checked 2 packages in "), "\(again.stderr)")
    }

    @Test func aMissingReferenceIsAClearError() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let (repo, _) = try makeRepository()
        let directory = try project("p4", sources: #"kappa = { git = "\#(repo)", tag = "v9" }"#, dependencies: #""kappa""#)
        let lock = await runSuv(["lock", "--directory", directory, "--index-url", server.url("/simple")], environment: environment)
        #expect(lock.status == 1)
        #expect(lock.stderr.contains("error: Failed to find `v9` in the Git repository `\(repo)`"), "\(lock.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/uv.lock"))
    }

    /// Credentials in a source URL are used for fetching but never printed or recorded: the
    /// lowered requirement has none, and a failing fetch names the URL with `****`.
    @Test func credentialsInSourceURLsStayOutOfOutputAndLock() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let directory = try project("p6", sources: """
            kappa = { git = "https://token:s3cr3t@127.0.0.1:9/org/kappa", tag = "v1" }
            epsilon = { url = "https://user:pa55@127.0.0.1:9/files/epsilon-1.1-py3-none-any.whl" }
            """, dependencies: #""kappa", "epsilon""#)
        let lock = await runSuv(["lock", "--directory", directory, "--index-url", server.url("/simple")], environment: environment)
        #expect(lock.status != 0)
        #expect(!lock.stderr.contains("s3cr3t") && !lock.stderr.contains("pa55"), "\(lock.stderr)")
        #expect(lock.stderr.contains("127.0.0.1:9/org/kappa"), "\(lock.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/uv.lock"))

        let loaded = try LoadedProject.find(from: directory)
        let sources = try #require(loaded.workspace.members.first?.sources)
        #expect(sources[PackageName("kappa")] == .git("https://127.0.0.1:9/org/kappa?tag=v1"))
        #expect(sources[PackageName("epsilon")] == .url("https://127.0.0.1:9/files/epsilon-1.1-py3-none-any.whl", subdirectory: nil))
        // Fetching still has them.
        #expect(loaded.remoteSources.contains { $0.source == .git(GitSourceURL(
            repository: "https://token:s3cr3t@127.0.0.1:9/org/kappa", reference: .tag("v1"))) })
    }

    /// What uv 0.13.9 wrote for the project of ``locksLikeUvAndInstallsWithDirectURLs()``.
    static let uvLock = """
        version = 1
        revision = 5
        requires-python = ">=3.12"

        [[package]]
        name = "alpha"
        version = "1.1"
        source = { registry = "{index}" }
        sdist = { url = "{files}/alpha-1.1.tar.gz", hash = "sha256:3e1a555d130151d3fbf3b4da4aaab70b8488e87abcbe68f3044a98e0c9bbc718", size = 3043, upload-time = "2024-01-01T03:00:00.003Z" }
        wheels = [
            { url = "{files}/alpha-1.1-py3-none-any.whl", hash = "sha256:20d3cacc0a6de19905bba3c2c6d2ca303da684673e537c53b90eb4b6f56ea3e1", size = 1153, upload-time = "2024-01-01T02:00:00.002Z" },
        ]

        [[package]]
        name = "delta"
        version = "1.0"
        source = { url = "{files}/delta-1.0.tar.gz" }
        sdist = { hash = "sha256:2d76f241c17e3c60fc739d426226ec2bc73a8779b372a595c5354df4bdf234ae" }

        [[package]]
        name = "epsilon"
        version = "1.1"
        source = { url = "{files}/epsilon-1.1-py3-none-any.whl" }
        wheels = [
            { url = "{files}/epsilon-1.1-py3-none-any.whl", hash = "sha256:ce67004dd6dcd53238c4410db976a657e58cfde5d01ac66038e95b27dfe107cb" },
        ]

        [[package]]
        name = "kappa"
        version = "0.3"
        source = { git = "{repo}?rev=v0.3#{commit}" }
        dependencies = [
            { name = "alpha" },
        ]

        [[package]]
        name = "p1"
        version = "0.1.0"
        source = { virtual = "." }
        dependencies = [
            { name = "delta" },
            { name = "epsilon" },
            { name = "kappa" },
        ]

        [package.metadata]
        requires-dist = [
            { name = "delta", url = "{files}/delta-1.0.tar.gz" },
            { name = "epsilon", url = "{files}/epsilon-1.1-py3-none-any.whl" },
            { name = "kappa", git = "{repo}?rev=v0.3" },
        ]

        """
}
