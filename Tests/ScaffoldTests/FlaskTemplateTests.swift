import Scaffold
import SuvBasics
import Testing

/// The Flask application's files as text. That they work (the generated tests pass, Gunicorn
/// serves) is checked end to end in `Tests/SuvCLITests/FlaskTemplateTests.swift`.
@Suite struct FlaskTemplateTests {
    let key = String(repeating: "ab", count: 32)
    let project = NewProject(name: PackageName("My.Site"), requiresPython: ">=3.12", description: NewProject.defaultDescription,
                             readme: true)

    func files(_ project: NewProject? = nil) -> [ScaffoldFile] {
        FlaskTemplate(secretKey: key).files(for: project ?? self.project)
    }

    func file(_ path: String) throws -> ScaffoldFile {
        try #require(files().first { $0.path == path }, "\(path)")
    }

    @Test func theGuidesLayoutNamedAfterTheProject() {
        #expect(files().map(\.path) == [
            "pyproject.toml", "README.md", ".gitignore", "run.py", "config.py", "gunicorn.conf.py",
            "my_site/__init__.py", "my_site/views.py", "my_site/forms.py", "my_site/models.py", "my_site/admin/__init__.py",
            "my_site/templates/layout.html", "my_site/templates/index.html", "my_site/templates/hello.html",
            "my_site/templates/login.html", "my_site/templates/404.html", "my_site/templates/admin/index.html",
            "my_site/static/css/style.css", "my_site/static/js/app.js", "my_site/static/img/logo.svg",
            "tests/__init__.py", "tests/conftest.py", "tests/test_views.py", "tests/test_login.py", "tests/test_errors.py",
            "tests/test_admin.py", "tests/test_forms.py", "tests/test_models.py", "tests/test_config.py", "tests/test_run.py",
            "tests/test_gunicorn_conf.py", "tests/test_requirements.py", "instance/secret_key",
        ])
        var noReadme = project
        noReadme.readme = false
        #expect(!files(noReadme).contains { $0.path == "README.md" })
    }

    @Test func pyprojectIsTheSourceOfTruth() throws {
        #expect(try file("pyproject.toml").contents == """
            [project]
            name = "my-site"
            version = "0.1.0"
            description = "Add your description here"
            readme = "README.md"
            requires-python = ">=3.12"
            dependencies = [
                "flask>=3.0",
                "gunicorn>=23.0",
            ]

            [dependency-groups]
            dev = [
                "pytest>=8.0",
            ]

            [tool.pytest.ini_options]
            testpaths = ["tests"]

            """)
    }

    @Test func noFileIsEmptyButTheTestPackageMarker() {
        for file in files() where file.path != "tests/__init__.py" {
            #expect(file.contents.count > 60, "\(file.path)")
            #expect(file.contents.hasSuffix("\n") && !file.contents.hasSuffix("\n\n"), "\(file.path)")
        }
    }

    @Test func importsAndCommandsUseTheModuleName() throws {
        for file in files() {
            #expect(!file.contents.contains("demo"), "\(file.path)")
            #expect(!file.contents.contains("\\#("), "\(file.path)")
        }
        #expect(try file("run.py").contents.contains("\nfrom my_site import create_app\n"))
        #expect(try file("tests/conftest.py").contents.contains("\nfrom my_site import create_app\n"))
        #expect(try file("gunicorn.conf.py").contents.contains("suv run gunicorn -c gunicorn.conf.py \"my_site:create_app()\""))
        #expect(try file("README.md").contents.hasPrefix("# my-site\n"))
        #expect(try file("README.md").contents.contains("\nmy_site/\n  __init__.py"))
        #expect(try file("my_site/templates/layout.html").contents.contains("<title>{% block title %}my-site{% endblock %}</title>"))
    }

    @Test func theSecretKeyIsPrivateAndIgnoredByGit() throws {
        let secret = try file(FlaskTemplate.secretKeyPath)
        #expect(secret.contents == key + "\n")
        #expect(secret.isPrivate)
        #expect(files().filter(\.isPrivate).count == 1)
        let template = FlaskTemplate(secretKey: key)
        #expect(template.gitIgnore.hasPrefix(GitIgnore.text))
        #expect(template.gitIgnore.contains("\ninstance/\n"))
        #expect(try file(".gitignore").contents == template.gitIgnore)
        // No fixed key anywhere in the sources: the configuration reads the environment, then the file.
        #expect(try file("config.py").contents.contains("os.environ.get(\"SECRET_KEY\""))
        #expect(!files().contains { $0.path.hasSuffix(".py") && $0.contents.contains(key) })
    }

    @Test func gunicornHooksAndSettings() throws {
        let conf = try file("gunicorn.conf.py").contents
        for hook in ["on_starting(server)", "when_ready(server)", "post_fork(server, worker)", "pre_fork(server, worker)",
                     "worker_int(worker)", "worker_abort(worker)", "worker_exit(server, worker)", "on_exit(server)"] {
            #expect(conf.contains("\ndef \(hook):\n"), "\(hook)")
        }
        #expect(conf.contains("os.environ.get(\"GUNICORN_BIND\""))
        #expect(conf.contains("os.environ.get(\"GUNICORN_WORKERS\")"))
        #expect(conf.contains("logconfig_dict = logging_config("))
    }

    @Test func namesThatWouldHideAModule() {
        #expect(FlaskTemplate.moduleConflict("my_site") == nil)
        #expect(FlaskTemplate.moduleConflict("demo") == nil)
        #expect(FlaskTemplate.moduleConflict("flask") == "the `flask` package the application depends on")
        #expect(FlaskTemplate.moduleConflict("config") == "the application's own `config`")
        #expect(FlaskTemplate.moduleConflict("tests") == "the application's own `tests`")
        #expect(FlaskTemplate.moduleConflict("email") == "Python's `email` module")
        #expect(FlaskTemplate.moduleConflict("logging") == "Python's `logging` module")
    }
}
