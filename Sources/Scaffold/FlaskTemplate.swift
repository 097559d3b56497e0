/// `suv init --flask`: a Flask 3 application laid out as the Flask guides lay it out — `run.py`,
/// `config.py`, `gunicorn.conf.py`, a package named after the project (application factory,
/// views, an `admin` blueprint, forms, models, templates and static files) and a pytest suite
/// that passes straight after `suv init`.
///
/// `pyproject.toml` is the source of truth: `flask` and `gunicorn` as dependencies, `pytest` in
/// the `dev` group, no build system (the application is run from its folder, not installed).
/// `uv.lock` and the `requirements.txt` exported from it are made by the init runner, which
/// needs an index; `.python-version` too. The secret key is random, chosen by the caller (a
/// template does no I/O), and written readable by its owner only into `instance/secret_key`,
/// which `.gitignore` keeps out of git.
public struct FlaskTemplate: ProjectTemplate, Equatable {
    /// The key Flask signs sessions with, written to ``secretKeyPath``.
    public var secretKey: String

    public init(secretKey: String) {
        self.secretKey = secretKey
    }

    /// Where the secret key goes, relative to the project (Flask's instance folder for a package
    /// that is not installed).
    public static let secretKeyPath = "instance/secret_key"

    /// `[project].dependencies`.
    public static let dependencies = ["flask>=3.0", "gunicorn>=23.0"]

    /// The `dev` dependency group.
    public static let developmentDependencies = ["pytest>=8.0"]

    /// What `requirements.txt` is exported with; its header records this command.
    public static let exportArguments = ["export", "--no-dev", "-o", "requirements.txt"]

    public var gitIgnore: String {
        GitIgnore.text + """

            # Flask's instance folder: the secret key and other local data
            instance/

            # Test caches
            .pytest_cache/

            """
    }

    public func files(for project: NewProject) -> [ScaffoldFile] {
        let module = project.moduleName
        let name = project.name.normalized
        let pyproject = PyProjectText.joined([
            PyProjectText.project(project, dependencies: Self.dependencies),
            "[dependency-groups]\ndev = [\n" + Self.developmentDependencies.map { "    \"\($0)\",\n" }.joined() + "]\n",
            "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n",
        ])
        var files = [ScaffoldFile("pyproject.toml", pyproject)]
        if project.readme { files.append(Self.readme(module: module, name: name)) }
        files += [
            ScaffoldFile(".gitignore", gitIgnore),
            Self.runPy(module: module),
            Self.configPy(),
            Self.gunicornConf(module: module),
            Self.packageInit(module: module),
            Self.views(module: module),
            Self.forms(module: module),
            Self.models(module: module),
            Self.admin(module: module),
            Self.templateLayout(module: module, name: name),
            Self.templateIndex(module: module),
            Self.templateHello(module: module),
            Self.templateLogin(module: module),
            Self.template404(module: module),
            Self.templateAdmin(module: module),
            Self.styleSheet(module: module),
            Self.script(module: module),
            Self.logo(module: module),
            ScaffoldFile("tests/__init__.py", ""),
            Self.conftest(module: module),
            Self.testViews(),
            Self.testLogin(module: module),
            Self.testErrors(module: module),
            Self.testAdmin(module: module),
            Self.testForms(module: module),
            Self.testModels(module: module),
            Self.testConfig(module: module),
            Self.testRun(),
            Self.testGunicornConf(),
            Self.testRequirements(),
            ScaffoldFile(Self.secretKeyPath, secretKey + "\n", isPrivate: true),
        ]
        return files
    }

    /// Why a project's import name cannot be the application's package, or `nil` when it can:
    /// the package sits at the top of the project, before the standard library and the
    /// environment on `sys.path`, so it must not take the name of a module the application
    /// imports or of one of its own top-level modules.
    public static func moduleConflict(_ module: String) -> String? {
        if ownModules.contains(module) { return "the application's own `\(module)`" }
        if dependencyModules.contains(module) { return "the `\(module)` package the application depends on" }
        if standardLibrary.contains(module) { return "Python's `\(module)` module" }
        return nil
    }

    /// The template's top-level modules and folders.
    static let ownModules: Set<String> = ["config", "run", "tests", "instance"]

    /// What the application and its tests import: the dependencies and theirs.
    static let dependencyModules: Set<String> = [
        "flask", "werkzeug", "jinja2", "markupsafe", "itsdangerous", "click", "blinker", "gunicorn", "packaging",
        "pytest", "pluggy", "iniconfig", "tomli", "exceptiongroup", "colorama", "watchdog",
    ]
}
