import Foundation
import SuvTestSupport
import Testing

/// `suv version`: uv 0.13.9's output, errors and edits (each expected text recorded from
/// `uv version` in the same project), the lock and sync after a change, against the loopback
/// fixture index.
@Suite(.serialized) struct VersionCommandTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-version")
    }

    static let available = VenvCommandTests.installation("3.12") != nil

    var environment: [String: String] {
        [
            "PATH": (VenvCommandTests.installation("3.12") ?? "/nonexistent") + "/bin:/usr/bin:/bin",
            "HOME": tree.path("home"),
            "XDG_CONFIG_HOME": tree.path("config"),
            "UV_CACHE_DIR": tree.path("cache"),
            "PIP_CONFIG_FILE": "/dev/null",
            "UV_PYTHON_DOWNLOADS": "never",
            "NO_COLOR": "1",
        ]
    }

    static let pyproject = """
        [project]
        name = "My_Pkg"
        version = "1.0"  # the version
        requires-python = ">=3.12"
        dependencies = []

        """

    @discardableResult
    func project(_ text: String = pyproject, at folder: String = "p") throws -> String {
        _ = try tree.write(folder + "/pyproject.toml", text)
        return tree.path(folder)
    }

    func version(_ arguments: [String], in folder: String = "p") async -> CLIResult {
        try? FileManager.default.createDirectory(atPath: tree.path(folder), withIntermediateDirectories: true)
        return await runSuv(["--directory", tree.path(folder), "version"] + arguments, environment: environment)
    }

    func pyprojectText(_ folder: String = "p") -> String {
        String(decoding: tree.read(folder + "/pyproject.toml") ?? [], as: UTF8.self)
    }

    /// `Resolved 1 package in 3ms` → `Resolved 1 package in [TIME]`.
    func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #" in [0-9.]+m?s\n"#, with: " in [TIME]\n", options: .regularExpression)
    }

    // MARK: Reading

    @Test func readsTheVersion() async throws {
        try project()
        let plain = await version([])
        #expect(plain.status == 0)
        #expect(plain.stdout == "my-pkg 1.0\n")
        #expect(plain.stderr.isEmpty)
        #expect(await version(["--short"], in: "p/sub").stdout == "1.0\n")
        #expect(await version(["--output-format", "json"]).stdout == """
            {
              "package_name": "my-pkg",
              "version": "1.0",
              "commit_info": null
            }

            """)
        let quiet = await runSuv(["-q", "--directory", tree.path("p"), "version"], environment: environment)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
    }

    @Test func dryRunShowsTheChangeWithoutWriting() async throws {
        try project()
        let result = await version(["--bump", "minor", "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout == "my-pkg 1.0 => 1.1\n")
        #expect(result.stderr.isEmpty)
        #expect(await version(["--bump", "beta", "--bump", "minor", "--dry-run", "--short"]).stdout == "1.1b1\n")
        #expect(await version(["2.0a", "--dry-run", "--output-format", "json"]).stdout.contains(#""version": "2.0a0","#))
        #expect(pyprojectText() == Self.pyproject)
    }

    // MARK: Errors

    @Test func errorsInUvsWords() async throws {
        try project()
        let cases: [([String], String)] = [
            (["minor"], "error: Invalid version `minor`, did you mean to pass `--bump minor`?\n"),
            (["1.2.3.4.5.foo"], "error: after parsing `1.2.3.4.5`, found `.foo`, which is not part of a valid version\n"),
            (["abc"], "error: expected version to start with a number, but no leading ASCII digits were found\n"),
            (["1.0.*"], "error: wildcards are not allowed in a version\n"),
            (["--bump", "dev"], "error: 1.0 => 1.0.dev1 didn't increase the version; when bumping to a dev version you also need to increase another version component, e.g., with `--bump <major|minor|patch|alpha|beta|rc>`\n"),
            (["--bump", "alpha"], "error: 1.0 => 1.0a1 didn't increase the version; when bumping to a pre-release version you also need to increase a release version component, e.g., with `--bump <major|minor|patch>`\n"),
            (["--bump", "stable"], "error: 1.0 => 1.0 didn't increase the version; provide the exact version to force an update\n"),
            (["--bump", "stable", "--bump", "major"], "error: `--bump stable` cannot be used with another `--bump` value, got: stable, major\n"),
            (["--bump", "post", "--bump", "patch"], "error: `--bump post` cannot be used with another `--bump` value, got: post, patch\n"),
            (["--bump", "major", "--bump", "minor"], "error: Only one release version component can be provided to `--bump`, got: major, minor\n"),
            (["--bump", "major=7", "--bump", "rc=2", "--bump", "dev=3"], "error: Only one pre-release version component can be provided to `--bump`, got: rc=2, dev=3\n"),
            (["--package", "other"], "error: The workspace does not have a member other: \(tree.path("p"))\n"),
        ]
        for (arguments, expected) in cases {
            let result = await version(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == expected, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        #expect(pyprojectText() == Self.pyproject)
    }

    @Test func projectsThatHaveNoVersionToChange() async throws {
        let none = await version([], in: "nothing")
        #expect(none.status == 2)
        #expect(none.stderr == """
            error: No `pyproject.toml` found in current directory or any parent directory

            hint: If you meant to view uv's version, use `uv self version` instead

            """)
        let missing = await runSuv(["--directory", tree.path("nothing"), "--project", "x", "version"], environment: environment)
        #expect(missing.stderr == "error: Project directory `x` does not exist\n")

        try project("[project]\nname = \"dyn\"\ndynamic = [\"version\"]\n", at: "dyn")
        let dynamic = await runSuv(["--directory", tree.path(""), "--project", "dyn", "version", "--bump", "patch"], environment: environment)
        #expect(dynamic.status == 2)
        #expect(dynamic.stderr == "error: We cannot get or set dynamic project versions in: dyn/pyproject.toml\n")

        try project("[tool.uv.workspace]\nmembers = []\n", at: "ws")
        #expect(await version([], in: "ws").stderr == "error: No `project` table found in: \(tree.path("ws"))/pyproject.toml\n")

        try project("[project]\nname = \"fz\"\nversion = \"1.x\"\n", at: "bad")
        #expect(await version([], in: "bad").stderr == """
            error: Failed to parse: pyproject.toml
              cause: TOML parse error at line 3, column 11
                       |
                     3 | version = "1.x"
                       |           ^^^^^
                     after parsing `1`, found `.x`, which is not part of a valid version

            """)
    }

    // MARK: Changing

    /// `--frozen` writes the new version and nothing else; a frozen read takes the lock's.
    @Test func frozenWritesOnlyThePyproject() async throws {
        try project()
        let missing = await version(["--frozen"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: Unable to find lockfile at `uv.lock`, but `--frozen` was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag.\n")

        let result = await version(["--bump", "minor", "--frozen"])
        #expect(result.status == 0)
        #expect(result.stdout == "my-pkg 1.0 => 1.1\n")
        #expect(result.stderr.isEmpty)
        #expect(pyprojectText() == Self.pyproject.replacingOccurrences(of: #"version = "1.0""#, with: #"version = "1.1""#))
        #expect(tree.read("p/uv.lock") == nil)
        #expect(!FileManager.default.fileExists(atPath: tree.path("p/.venv")))
    }

    @Test(.enabled(if: available)) func noSyncLocksWithoutAnEnvironment() async throws {
        try project()
        let result = await version(["--bump", "major", "--no-sync"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "my-pkg 1.0 => 2.0\n")
        let python = VenvCommandTests.installation("3.12")!
        #expect(masked(result.stderr) == """
            Using CPython \(python.split(separator: "/").last!) interpreter at: \(python)/bin/python3
            Resolved 1 package in [TIME]

            """)
        let lock = String(decoding: tree.read("p/uv.lock") ?? [], as: UTF8.self)
        #expect(lock.contains("[[package]]\nname = \"my-pkg\"\nversion = \"2.0\"\nsource = { virtual = \".\" }\n"), "\(lock)")
        #expect(!FileManager.default.fileExists(atPath: tree.path("p/.venv")))

        // The frozen read now finds 2.0 in the lock, whatever pyproject.toml says.
        _ = try tree.write("p/pyproject.toml", pyprojectText().replacingOccurrences(of: "2.0", with: "2.5"))
        #expect(await version(["--frozen"]).stdout == "my-pkg 2.0\n")
        #expect(await version([]).stdout == "my-pkg 2.5\n")
    }

    /// The default: lock, then sync the environment (created as needed) with the dependencies.
    @Test(.enabled(if: available)) func aChangeLocksAndSyncs() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = ["--index-url", server.url("/simple/")]
        try project("""
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = ["beta==1.0"]

            """)
        let result = await version(["--bump", "minor"] + index)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "app 0.1.0 => 0.2.0\n")
        #expect(masked(result.stderr).contains("Creating virtual environment at: .venv\nResolved 3 packages in [TIME]\n"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(" + alpha==1.1\n + beta==1.0\n"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: tree.path("p/.venv/lib/python3.12/site-packages/beta-1.0.dist-info/RECORD")))
        #expect(String(decoding: tree.read("p/uv.lock") ?? [], as: UTF8.self).contains("name = \"app\"\nversion = \"0.2.0\"\n"))

        // Nothing the lock does not name is removed (uv syncs "sufficiently", not exactly).
        let sitePackages = tree.path("p/.venv/lib/python3.12/site-packages")
        try FileManager.default.createDirectory(atPath: sitePackages + "/extra-1.0.dist-info", withIntermediateDirectories: true)
        _ = try tree.write("p/.venv/lib/python3.12/site-packages/extra-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: extra\nVersion: 1.0\n")
        _ = try tree.write("p/.venv/lib/python3.12/site-packages/extra-1.0.dist-info/RECORD", "")
        let again = await version(["--bump", "patch"] + index)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "app 0.2.0 => 0.2.1\n")
        #expect(FileManager.default.fileExists(atPath: sitePackages + "/extra-1.0.dist-info"))
    }

    /// `--locked` with a lock the change makes stale fails, and `pyproject.toml` is put back.
    @Test(.enabled(if: available)) func aFailedLockPutsThePyprojectBack() async throws {
        try project()
        let noLock = await version(["2.0", "--locked", "--no-sync"])
        #expect(noLock.status == 1)
        #expect(noLock.stderr.hasSuffix("error: Unable to find lockfile at `uv.lock`, but `--locked` was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag.\n"))
        #expect(pyprojectText() == Self.pyproject)

        #expect(await version(["1.5", "--no-sync"]).status == 0)
        let locked = await version(["2.0", "--locked", "--no-sync"])
        #expect(locked.status == 1)
        #expect(locked.stderr.hasSuffix("""
            error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided.

            hint: To update the lockfile, run `uv lock`.

            """), "\(locked.stderr)")
        #expect(locked.stdout.isEmpty)
        #expect(pyprojectText().contains(#"version = "1.5"  # the version"#))
    }

    @Test(.enabled(if: available)) func workspaceMembersByName() async throws {
        try project("""
            [project]
            name = "root"
            version = "0.1.0"
            requires-python = ">=3.11"

            [tool.uv.workspace]
            members = ["packages/*"]

            """, at: "w")
        try project("[project]\nname = \"a\"\nversion = \"2.0\"\nrequires-python = \">=3.11\"\n", at: "w/packages/a")
        #expect(await version(["--package", "a"], in: "w").stdout == "a 2.0\n")
        #expect(await version(["--package", "root", "--short"], in: "w/packages/a").stdout == "0.1.0\n")
        let changed = await version(["--package", "a", "--bump", "major", "--frozen"], in: "w")
        #expect(changed.stdout == "a 2.0 => 3.0\n")
        #expect(pyprojectText("w/packages/a").contains(#"version = "3.0""#))
        #expect(pyprojectText("w").contains(#"version = "0.1.0""#))
    }
}
