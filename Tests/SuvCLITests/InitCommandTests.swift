import Foundation
import SuvTestSupport
import Testing

/// `suv init` against what uv 0.13.9 did in the same situation (`fixtures/init/cases`): the same
/// exit status, output and files, byte for byte.
///
/// Deliberate differences, applied to uv's record before comparing: suv never offers to
/// download a Python (no download hint), and a failed `suv init` leaves no empty folders behind.
@Suite(.serialized) struct InitCommandTests {
    @Test(.enabled(if: InitScratch.available && InitScratch.git != nil), arguments: InitGolden.names)
    func matchesUv(_ name: String) async throws {
        let golden = try InitGolden.load(name)
        let scratch = try InitScratch()
        try scratch.prepare(golden)
        let directory = golden.cwd == "." ? scratch.root : scratch.root + "/" + golden.cwd
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)

        let result = await runSuv(["--directory", directory, "init"] + golden.args, environment: scratch.environment(git: golden.git))

        #expect(result.status == golden.status, "\(result.stderr)")
        #expect(result.stdout.replacingOccurrences(of: scratch.root, with: "[ROOT]") == golden.stdout)
        #expect(result.stderr.replacingOccurrences(of: scratch.root, with: "[ROOT]") == golden.stderr.withoutDownloadHints)
        let expected = golden.status == 0 ? golden.tree : withoutLeftoverFolders(golden.tree, setup: golden)
        let actual = scratch.snapshot()
        #expect(actual == expected)
        for path in Set(actual.keys).union(expected.keys).sorted() where actual[path] != expected[path] {
            Issue.record("\(path): suv wrote \(String(describing: actual[path])), uv \(String(describing: expected[path]))")
        }
    }

    /// The recorded cases are all there (a generator run that lost some would go unnoticed).
    @Test func goldensArePresent() {
        #expect(InitGolden.names.count >= 96)
        #expect(InitGolden.names.contains("workspace-add-member"))
    }

    // MARK: Failures outside the recorded cases

    func run(_ arguments: [String], in scratch: InitScratch, git: Bool = true) async -> CLIResult {
        await runSuv(["--directory", scratch.root, "init"] + arguments, environment: scratch.environment(git: git))
    }

    /// A write that fails part-way removes what this run wrote and keeps what was there.
    @Test(.enabled(if: InitScratch.available && InitScratch.git != nil)) func aFailedWriteLeavesNothingBehind() async throws {
        let scratch = try InitScratch()
        try scratch.setAuthor(name: "Alice", email: "alice@example.com")
        _ = try scratch.tree.write("work/foo/src", "not a folder\n")
        let before = scratch.snapshot()
        let result = await run(["foo", "--lib"], in: scratch)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: Failed to write `\(scratch.root)/foo/src/foo`: Not a directory"), "\(result.stderr)")
        #expect(scratch.snapshot() == before)

        // Inside a workspace, after the root's `pyproject.toml` was edited: the edit is undone.
        let workspace = "[tool.uv.workspace]\nmembers = []\n"
        _ = try scratch.tree.write("work/pyproject.toml", workspace)
        _ = try scratch.tree.makeDirectory("work/bar/.python-version")
        let before2 = scratch.snapshot()
        let inWorkspace = await run(["bar", "--python", "3.10"], in: scratch)
        #expect(inWorkspace.status == 2)
        #expect(inWorkspace.stderr.contains(".python-version"), "\(inWorkspace.stderr)")
        #expect(scratch.snapshot() == before2)
    }

    /// uv writes the project, then fails on the inline workspace table and leaves the project;
    /// suv checks the edit first and writes nothing.
    @Test(.enabled(if: InitScratch.available)) func aMalformedWorkspaceIsRefusedBeforeWriting() async throws {
        let scratch = try InitScratch()
        _ = try scratch.tree.write("work/pyproject.toml", "[project]\nname = \"r\"\nversion = \"1\"\n[tool.uv]\nworkspace = { members = [\"a\"] }\n")
        let result = await run(["new", "--bare"], in: scratch)
        #expect(result.status == 2)
        #expect(result.stderr == "error: Workspace in `pyproject.toml` is malformed\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.root + "/new"))
    }

    @Test(.enabled(if: InitScratch.available)) func aBrokenParentPyprojectNamesTheWorkspace() async throws {
        let scratch = try InitScratch()
        _ = try scratch.tree.write("work/pyproject.toml", "[project\n")
        let result = await run(["q"], in: scratch)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("""
            error: Failed to discover parent workspace; use `uv init --no-workspace` to ignore
              cause: Failed to parse: pyproject.toml
              cause: TOML parse error at line 1, column 9

            """), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.root + "/q"))
        let ignored = await run(["q", "--no-workspace", "--bare"], in: scratch)
        #expect(ignored.status == 0, "\(ignored.stderr)")
    }

    /// Usage errors, with uv's first line.
    @Test func usageErrors() async throws {
        let scratch = try InitScratch()
        let name = await run(["--name", "bad name"], in: scratch)
        #expect(name.status == 2)
        #expect(name.stderr.hasPrefix(
            "error: invalid value 'bad name' for '--name <NAME>': Not a valid package or extra name: \"bad name\". "
                + "Names must start and end with a letter or digit and may only contain -, _, ., and alphanumeric characters.\n"))
        let backend = await run(["x", "--no-package", "--build-backend", "hatch"], in: scratch)
        #expect(backend.status == 2)
        #expect(backend.stderr.hasPrefix("error: the argument '--no-package' cannot be used with '--build-backend <BUILD_BACKEND>'\n"))
        #expect(scratch.snapshot().isEmpty)
    }

    /// A build backend from `UV_INIT_BUILD_BACKEND` gives way to `--no-package`, as in uv.
    @Test(.enabled(if: InitScratch.available)) func backendFromTheEnvironment() async throws {
        let scratch = try InitScratch()
        var environment = scratch.environment()
        environment["UV_INIT_BUILD_BACKEND"] = "hatch"
        let packaged = await runSuv(["--directory", scratch.root, "init", "a", "--bare"], environment: environment)
        #expect(packaged.status == 0)
        #expect(String(decoding: scratch.tree.read("work/a/pyproject.toml") ?? [], as: UTF8.self).hasSuffix("""
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            """))
        let virtual = await runSuv(["--directory", scratch.root, "init", "b", "--bare", "--no-package"], environment: environment)
        #expect(virtual.status == 0)
        #expect(!String(decoding: scratch.tree.read("work/b/pyproject.toml") ?? [], as: UTF8.self).contains("build-system"))
    }

    /// `--flask --no-lock` needs no index: the whole layout, a random private key, its own
    /// `.gitignore` (in the new Git repository) and the pin.
    @Test(.enabled(if: InitScratch.available)) func flaskWithoutLock() async throws {
        let scratch = try InitScratch()
        let result = await run(["--flask", "shop", "--no-lock", "--python", "3.12"], in: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "Initialized project `shop` at `\(scratch.root)/shop`\n")
        let files = scratch.snapshot().keys.filter { !$0.hasSuffix("/") }.sorted()
        #expect(files == [
            ".gitignore", ".python-version", "README.md", "config.py", "gunicorn.conf.py", "instance/secret_key", "pyproject.toml",
            "run.py", "shop/__init__.py", "shop/admin/__init__.py", "shop/forms.py", "shop/models.py", "shop/static/css/style.css",
            "shop/static/img/logo.svg", "shop/static/js/app.js", "shop/templates/404.html", "shop/templates/admin/index.html",
            "shop/templates/hello.html", "shop/templates/index.html", "shop/templates/layout.html", "shop/templates/login.html",
            "shop/views.py", "tests/__init__.py", "tests/conftest.py", "tests/test_admin.py", "tests/test_config.py",
            "tests/test_errors.py", "tests/test_forms.py", "tests/test_gunicorn_conf.py", "tests/test_login.py", "tests/test_models.py",
            "tests/test_requirements.py", "tests/test_run.py", "tests/test_views.py",
        ].map { "shop/" + $0 })
        #expect(scratch.tree.read("work/shop/.python-version") == Array("3.12\n".utf8))
        #expect(FileManager.default.fileExists(atPath: scratch.root + "/shop/.git/HEAD"))
        let gitignore = String(decoding: scratch.tree.read("work/shop/.gitignore") ?? [], as: UTF8.self)
        #expect(gitignore.contains("\ninstance/\n") && gitignore.contains("\n.venv\n"))

        let keyPath = scratch.root + "/shop/instance/secret_key"
        let key = String(decoding: scratch.tree.read("work/shop/instance/secret_key") ?? [], as: UTF8.self)
        #expect(key.count == 65 && key.hasSuffix("\n"))
        #expect(key.dropLast().allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let mode = try #require(FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let other = await run(["--flask", "shop2", "--no-lock", "--python", "3.12"], in: scratch)
        #expect(other.status == 0)
        #expect(scratch.tree.read("work/shop2/instance/secret_key") != Array(key.utf8), "each project gets its own key")
    }

    /// With no index answering, the project is still created: the lock and `requirements.txt`
    /// are left out with a warning saying how to make them later.
    @Test(.enabled(if: InitScratch.available)) func flaskWithoutAReachableIndex() async throws {
        let scratch = try InitScratch()
        var environment = scratch.environment()
        environment["UV_DEFAULT_INDEX"] = "http://127.0.0.1:\(try LoopbackHTTP.freePort())/simple"
        environment["UV_HTTP_RETRIES"] = "0"
        environment["PIP_CONFIG_FILE"] = "/dev/null"
        let result = await runSuv(["--directory", scratch.root, "init", "--flask", "blog", "--python", "3.12"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "Initialized project `blog` at `\(scratch.root)/blog`")
        #expect(lines.last?.hasPrefix("warning: The package index could not be reached (Request to `http://127.0.0.1:") == true, "\(result.stderr)")
        #expect(lines.last?.hasSuffix(
            "so `uv.lock` and `requirements.txt` were not written; run `suv lock` and `suv export --no-dev -o requirements.txt` in the project later"
        ) == true, "\(result.stderr)")
        let files = scratch.snapshot()
        #expect(files["blog/pyproject.toml"] != nil && files["blog/instance/secret_key"] != nil)
        #expect(files["blog/uv.lock"] == nil && files["blog/requirements.txt"] == nil)
    }

    /// `--flask` creates a new project: a directory with anything in it is refused before
    /// anything is written.
    @Test func flaskRefusesANonEmptyDirectory() async throws {
        let scratch = try InitScratch()
        _ = try scratch.tree.write("work/blog/notes.txt", "mine\n")
        let before = scratch.snapshot()
        let result = await run(["--flask", "blog"], in: scratch)
        #expect(result.status == 2)
        #expect(result.stderr == """
            error: Cannot create a Flask application in `\(scratch.root)/blog` because the directory is not empty

            hint: `suv init --flask` creates a new project: give it a new or empty directory, as in `suv init --flask <PATH>`

            """)
        #expect(scratch.snapshot() == before)

        _ = try scratch.tree.makeDirectory("work/hidden/.git")
        let hidden = await run(["--template", "flask", "hidden"], in: scratch)
        #expect(hidden.status == 2)
        #expect(hidden.stderr.hasPrefix("error: Cannot create a Flask application in `\(scratch.root)/hidden`"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root + "/hidden") == [".git"])
    }

    /// The package sits first on `sys.path`: it may not take the name of a module the
    /// application imports.
    @Test func flaskRefusesANameThatHidesAModule() async throws {
        let scratch = try InitScratch()
        for (arguments, message) in [
            (["--flask", "flask"], "The application's package `flask` would hide the `flask` package the application depends on"),
            (["--flask", "x", "--name", "Config"], "The application's package `config` would hide the application's own `config`"),
            (["--flask", "email"], "The application's package `email` would hide Python's `email` module"),
        ] {
            let result = await run(arguments, in: scratch)
            #expect(result.status == 2)
            #expect(result.stderr == "error: \(message)\n\nhint: Choose another project name with `--name`\n", "\(result.stderr)")
        }
        #expect(scratch.snapshot().isEmpty)
    }

    /// A Flask application has its own layout: uv's layout options do not apply to it.
    @Test func flaskTakesNoLayoutOptions() async throws {
        let scratch = try InitScratch()
        for (option, spelling) in [(["--lib"], "--lib"), (["--bare"], "--bare"), (["--package"], "--package"),
                                   (["--build-backend", "hatch"], "--build-backend <BUILD_BACKEND>")] {
            let result = await run(["--flask", "app"] + option, in: scratch)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("error: the argument '--flask' cannot be used with '\(spelling)'\n"), "\(result.stderr)")
        }
        #expect(scratch.snapshot().isEmpty)
    }

    /// `--script` needs a path and takes no project options (uv's first lines).
    @Test func scriptUsageErrors() async throws {
        let scratch = try InitScratch()
        let missing = await run(["--script"], in: scratch)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: the following required arguments were not provided:\n  <PATH>\n"))
        for (option, spelling) in [(["--name", "x"], "--name <NAME>"), (["--lib"], "--lib"), (["--vcs", "git"], "--vcs <VCS>"),
                                   (["--build-backend", "hatch"], "--build-backend <BUILD_BACKEND>"), (["--no-description"], "--no-description")] {
            let result = await run(["--script", "s.py"] + option, in: scratch)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("error: the argument '--script' cannot be used with '\(spelling)'\n"), "\(result.stderr)")
        }
        #expect(scratch.snapshot().isEmpty)
    }
}
