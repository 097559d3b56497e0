import Testing
import SuvBasics
@testable import PyProject
import TOML

@Suite struct PyProjectModelTests {
    static let full = """
    [project]
    name = "Flask-App"
    version = "0.1.0"
    description = "Add your description here"
    readme = "README.md"
    requires-python = ">=3.11"
    license = "MIT"
    authors = [{ name = "Alice", email = "alice@example.com" }]
    dependencies = ["flask>=3.1", "gunicorn"]
    keywords = ["web"]

    [project.optional-dependencies]
    socks = ["pysocks"]

    [project.scripts]
    app = "flask_app:main"

    [project.entry-points."flask.commands"]
    seed = "flask_app.cli:seed"

    [dependency-groups]
    dev = ["pytest>=8", { include-group = "lint" }]
    lint = ["ruff"]

    [build-system]
    requires = ["uv_build>=0.13.9,<0.14.0"]
    build-backend = "uv_build"

    [tool.uv]
    package = true
    default-groups = ["dev", "lint"]
    constraint-dependencies = ["werkzeug<4"]
    environments = "sys_platform == 'linux'"
    conflicts = [[{ extra = "socks" }, { group = "lint" }]]
    prerelease = "allow"

    [tool.uv.sources]
    gunicorn = { git = "https://github.example/benoitc/gunicorn", tag = "23.0.0" }
    local-lib = [
      { path = "../local", editable = true, marker = "sys_platform == 'linux'" },
      { index = "internal", marker = "sys_platform != 'linux'" },
    ]

    [[tool.uv.index]]
    name = "internal"
    url = "https://mirror.example/simple"
    default = true

    [tool.uv.workspace]
    members = ["packages/*"]
    exclude = ["packages/legacy"]
    """

    @Test func readsEveryTable() throws {
        let pyproject = try PyProjectToml(parsing: Self.full)
        let project = try #require(pyproject.project)
        #expect(project.name == "Flask-App")
        #expect(pyproject.packageName == PackageName("flask_app"))
        #expect(project.version == "0.1.0")
        #expect(project.readme == .path("README.md"))
        #expect(project.license == .expression("MIT"))
        #expect(project.authors == [.init(name: "Alice", email: "alice@example.com")])
        #expect(project.dependencies == ["flask>=3.1", "gunicorn"])
        #expect(project.optionalDependencies.map(\.extra) == ["socks"])
        #expect(project.scripts.map(\.value) == ["flask_app:main"])
        #expect(project.entryPoints.first?.group == "flask.commands")
        #expect(pyproject.buildSystem?.buildBackend == "uv_build")
        #expect(pyproject.isPackage)
        let groups = try #require(pyproject.dependencyGroups)
        #expect(try groups.resolvedRequirements(of: "dev") == ["pytest>=8", "ruff"])
        let tool = try #require(pyproject.toolUv)
        #expect(tool.defaultGroups == .names(["dev", "lint"]))
        #expect(tool.environments == ["sys_platform == 'linux'"])
        #expect(tool.conflicts == [[.init(extra: "socks"), .init(group: "lint")]])
        #expect(tool.settings.prerelease == .allow)
        #expect(tool.settings.index == [IndexEntry(name: "internal", url: "https://mirror.example/simple", isDefault: true)])
        #expect(tool.sources(for: "Gunicorn") == [Source(.git(url: "https://github.example/benoitc/gunicorn", reference: .tag("23.0.0"), subdirectory: nil, lfs: nil))])
        #expect(tool.sources(for: "local_lib")?.count == 2)
        #expect(tool.sources(for: "local-lib")?.last?.location == .index("internal"))
        #expect(tool.workspace == .init(members: ["packages/*"], exclude: ["packages/legacy"]))
        try pyproject.validate()
    }

    @Test func legacyDevDependenciesJoinTheDevGroup() throws {
        let pyproject = try PyProjectToml(parsing: """
        [project]
        name = "a"
        version = "1"
        [dependency-groups]
        dev = ["pytest"]
        [tool.uv]
        dev-dependencies = ["coverage"]
        """)
        #expect(try pyproject.effectiveDependencyGroups.resolvedRequirements(of: "dev") == ["pytest", "coverage"])
        #expect(!pyproject.isPackage)
    }

    /// Texts as uv 0.13.9 prints them for the same files (`uv lock` in a scratch project).
    @Test(arguments: [
        ("[project]\nname = \"x\"\nversion = \"0.1.0\"\ndependencies = [1]\n",
         "TOML parse error at line 4, column 17\n  |\n4 | dependencies = [1]\n  |                 ^\ninvalid type: integer `1`, expected a string"),
        ("[project]\nname = 3\n",
         "TOML parse error at line 2, column 8\n  |\n2 | name = 3\n  |        ^\ninvalid type: integer `3`, expected a string"),
        ("[project]\nname = \"x\"\n",
         "TOML parse error at line 1, column 1\n  |\n1 | [project]\n  | ^^^^^^^^^\n`pyproject.toml` is using the `[project]` table, but the required `project.version` field is neither set nor present in the `project.dynamic` list"),
        ("[project]\nversion = \"1\"\n",
         "TOML parse error at line 1, column 1\n  |\n1 | [project]\n  | ^^^^^^^^^\n`pyproject.toml` is using the `[project]` table, but the required `project.name` field is not set"),
        ("[project]\nname = \"x\"\nversion = \"1\"\n[tool.uv]\nprerelease = \"sometimes\"\n",
         "TOML parse error at line 5, column 14\n  |\n5 | prerelease = \"sometimes\"\n  |              ^^^^^^^^^^^\nunknown variant `sometimes`, expected one of `disallow`, `allow`, `if-necessary`, `explicit`, `if-necessary-or-explicit`"),
    ])
    func invalidDocumentsAreReportedAsUvDoes(text: String, cause: String) throws {
        let error = try #require(throws: PyProjectError.self) { try PyProjectToml(parsing: text) }
        #expect(error.message == "Failed to parse: pyproject.toml")
        let chain = ErrorChain(error)
        #expect(chain.messages.count == 2)
        #expect(chain.messages.last == cause)
        #expect(chain.kind.exitCode == 2)
    }

    @Test func syntaxErrorsNameLineAndColumn() throws {
        let error = try #require(throws: PyProjectError.self) {
            try PyProjectToml(parsing: "[project]\nname = \"x\"\nversion = \n")
        }
        guard case .invalid(_, let toml) = error else { Issue.record("not a parse error"); return }
        #expect(toml.location == SourceLocation(line: 3, column: 11))
    }

    @Test func dependencyGroupCycleIsReportedAsUvDoes() throws {
        let pyproject = try PyProjectToml(parsing: """
        [project]
        name = "x"
        version = "1"
        [dependency-groups]
        dev = [{include-group = "test"}]
        test = [{include-group = "dev"}]
        """)
        let error = try #require(throws: PyProjectToml.ValidationError.self) { try pyproject.validate() }
        #expect(ErrorChain(error).messages == [
            "Project `x` has malformed dependency groups",
            "Detected a cycle in `dependency-groups`: `dev` -> `test` -> `dev`",
        ])
    }

    @Test func invalidShapes() throws {
        let cases: [(String, String)] = [
            ("[tool.uv]\nsources = { a = { git = \"x\", path = \"y\" } }\n", "a source must have exactly one of"),
            ("[[tool.uv.index]]\nname = \"a\"\n", "missing field `url`"),
            ("[[tool.uv.index]]\nurl = \"https://x\"\nexplicit = true\n", "requires a `name`"),
            ("[dependency-groups]\ndev = [{ group = \"x\" }]\n", "must be a string or"),
            ("[build-system]\nbuild-backend = \"x\"\n", "missing field `requires`"),
            ("[tool.uv]\nconcurrent-downloads = 0\n", "expected a nonzero usize"),
        ]
        for (text, fragment) in cases {
            let error = try #require(throws: PyProjectError.self) { try PyProjectToml(parsing: text) }
            #expect(ErrorChain(error).messages.last?.contains(fragment) == true, "\(text)")
        }
    }

    @Test func uvTomlReadsTopLevelSettings() throws {
        let settings = try UvToml(parsing: """
        # The company mirror.
        [[index]]
        url = "https://mirror.example/simple"
        default = true

        index-strategy = "unsafe-best-match"
        """).settings
        #expect(settings.index.first?.isDefault == true)
        #expect(settings.index.first?.url == "https://mirror.example/simple")
        let legacy = try UvToml(parsing: "index-url = \"https://a/simple\"\nextra-index-url = [\"https://b/simple\"]\n[pip]\ncompile-bytecode = true\n")
        #expect(legacy.settings.indexURL == "https://a/simple")
        #expect(legacy.settings.extraIndexURL == ["https://b/simple"])
        #expect(legacy.settings.pip?["compile-bytecode"] == .boolean(true))
    }

    @Test func uvTomlRejectsToolUvPrefixAndBadValues() throws {
        #expect(throws: PyProjectError.self) { try UvToml(parsing: "[tool.uv]\noffline = true\n") }
        let error = try #require(throws: PyProjectError.self) { try UvToml(parsing: "resolution = \"newest\"\n") }
        #expect(error.message == "Failed to parse: uv.toml")
        #expect(ErrorChain(error).messages.last?.hasSuffix("unknown variant `newest`, expected one of `highest`, `lowest`, `lowest-direct`") == true)
    }
}
