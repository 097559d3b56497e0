import Scaffold
import SuvBasics
import Testing

/// The templates' pure text: file lists and the pieces uv 0.13.9 writes. Whole projects are
/// compared byte for byte with uv's in `Tests/SuvCLITests/InitCommandTests.swift`.
@Suite struct UvProjectTemplateTests {
    let project = NewProject(name: PackageName("My.Pkg_x"), requiresPython: ">=3.12", description: NewProject.defaultDescription,
                             readme: true, author: ProjectAuthor(name: "Alice", email: "alice@example.com"))

    func paths(_ template: UvProjectTemplate, _ project: NewProject? = nil) -> [String] {
        template.files(for: project ?? self.project).map(\.path)
    }

    @Test func layoutsWriteUvsFiles() {
        #expect(paths(UvProjectTemplate(layout: .application)) == ["pyproject.toml", "README.md", "main.py"])
        #expect(paths(UvProjectTemplate(layout: .packagedApplication(.uv))) == ["pyproject.toml", "README.md", "src/my_pkg_x/__init__.py"])
        #expect(paths(UvProjectTemplate(layout: .library(.hatch))) == ["pyproject.toml", "README.md", "src/my_pkg_x/__init__.py", "src/my_pkg_x/py.typed"])
        #expect(paths(UvProjectTemplate(layout: .library(.maturin))) == [
            "pyproject.toml", "README.md", "Cargo.toml", "src/lib.rs", "src/my_pkg_x/_core.pyi", "src/my_pkg_x/__init__.py", "src/my_pkg_x/py.typed",
        ])
        #expect(paths(UvProjectTemplate(layout: .packagedApplication(.scikit))) == [
            "pyproject.toml", "README.md", "CMakeLists.txt", "src/main.cpp", "src/my_pkg_x/_core.pyi", "src/my_pkg_x/__init__.py",
        ])
        var noReadme = project
        noReadme.readme = false
        #expect(paths(UvProjectTemplate(layout: .application), noReadme) == ["pyproject.toml", "main.py"])
        for layout: UvProjectTemplate.Layout in [.application, .packagedApplication(.maturin), .library(.uv)] {
            #expect(paths(UvProjectTemplate(layout: layout, bare: true)) == ["pyproject.toml"])
        }
    }

    @Test func packagedApplicationPyproject() throws {
        let pyproject = try #require(UvProjectTemplate(layout: .packagedApplication(.uv)).files(for: project).first)
        #expect(pyproject.contents == """
            [project]
            name = "my-pkg-x"
            version = "0.1.0"
            description = "Add your description here"
            readme = "README.md"
            authors = [
                { name = "Alice", email = "alice@example.com" }
            ]
            requires-python = ">=3.12"
            dependencies = []

            [project.scripts]
            my-pkg-x = "my_pkg_x:main"

            [build-system]
            requires = ["uv_build>=0.13.9,<0.14.0"]
            build-backend = "uv_build"

            """)
    }

    @Test func bareProjectsHaveNoScriptsButKeepTheBackend() throws {
        let minimal = NewProject(name: PackageName("b"), requiresPython: ">=3.10, <3.13")
        let bare = try #require(UvProjectTemplate(layout: .packagedApplication(.setuptools), bare: true).files(for: minimal).first)
        #expect(bare.contents == """
            [project]
            name = "b"
            version = "0.1.0"
            requires-python = ">=3.10, <3.13"
            dependencies = []

            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            """)
    }

    @Test func sourcesGreetByProjectName() throws {
        let files = UvProjectTemplate(layout: .library(.uv)).files(for: project)
        #expect(files.first { $0.path.hasSuffix("__init__.py") }?.contents == "def hello() -> str:\n    return \"Hello from my-pkg-x!\"\n")
        #expect(files.first { $0.path.hasSuffix("py.typed") }?.contents == "")
        let main = UvProjectTemplate(layout: .application).files(for: project).last
        #expect(main?.contents == "def main():\n    print(\"Hello from my-pkg-x!\")\n\n\nif __name__ == \"__main__\":\n    main()\n")
    }
}

@Suite struct PyProjectTextTests {
    @Test func authorsTakeTheFieldsThereAre() throws {
        #expect(PyProjectText.authorTable(try #require(ProjectAuthor(name: "O'Brien", email: nil))) == #"{ name = "O'Brien" }"#)
        #expect(PyProjectText.authorTable(try #require(ProjectAuthor(name: nil, email: "a@b"))) == #"{ email = "a@b" }"#)
        #expect(PyProjectText.authorTable(try #require(ProjectAuthor(name: #"T "I" S"#, email: "x"))) == #"{ name = 'T "I" S', email = "x" }"#)
        #expect(ProjectAuthor(name: nil, email: nil) == nil)
    }

    @Test func descriptionsAreAlwaysValidTOML() {
        let project = NewProject(name: PackageName("a"), requiresPython: ">=3.12", description: #"He said "hi" \o/"#)
        #expect(PyProjectText.project(project).contains(#"description = "He said \"hi\" \\o/""#))
    }

    @Test func dependenciesGoOnePerLine() {
        let project = NewProject(name: PackageName("a"), requiresPython: ">=3.12")
        #expect(PyProjectText.project(project, dependencies: ["flask>=3", "gunicorn"]).hasSuffix("""
            dependencies = [
                "flask>=3",
                "gunicorn",
            ]

            """))
    }

    @Test func uvBuildBoundsFollowTheCompatibleRelease() {
        #expect(BuildBackend.uv.configuration(moduleName: "m").contains("\"uv_build>=\(BuildBackend.compatibleUvVersion),<0.14.0\""))
        #expect(BuildBackend.allCases.filter(\.isNative) == [.maturin, .scikit])
    }
}

/// `uv init --script` texts (recorded from uv 0.13.9).
@Suite struct ScriptTemplateTests {
    let block = "# /// script\n# requires-python = \">=3.12\"\n# dependencies = []\n# ///\n"

    @Test func newScripts() {
        #expect(ScriptTemplate.text(fileName: "a.py", requiresPython: ">=3.12", existing: nil, bare: false) == block + """


            def main() -> None:
                print("Hello from a.py!")


            if __name__ == "__main__":
                main()

            """)
        #expect(ScriptTemplate.text(fileName: "b.py", requiresPython: ">=3.12", existing: nil, bare: true) == block)
    }

    @Test func existingTextFollowsTheBlock() {
        #expect(ScriptTemplate.text(fileName: "c.py", requiresPython: ">=3.12", existing: "print(1)\n", bare: false) == block + "\nprint(1)\n")
        #expect(ScriptTemplate.text(fileName: "d.py", requiresPython: ">=3.12", existing: "print(1)", bare: true) == block + "\nprint(1)")
    }
}
