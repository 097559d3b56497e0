import PackagingTypes
import PEP440
import PEP508
@testable import SuvCLI
import SuvBasics
import Testing

/// The pure parts of the `suv pip` commands: tables, requirement display, egg-info
/// requirements, PEP 668 markers, the newest release, environment roots.
@Suite struct PipPartsTests {
    @Test func tablesPadToTheWidestCellAndTrimTheEnd() {
        let lines = PipTable.render([
            ("Package", ["alpha", "typing-extensions"]),
            ("Version", ["1.1", "4.15.0"]),
            ("Editable project location", ["", "/src/te"]),
        ])
        #expect(lines == [
            "Package           Version Editable project location",
            "----------------- ------- -------------------------",
            "alpha             1.1",
            "typing-extensions 4.15.0  /src/te",
        ])
    }

    @Test(arguments: [
        ("Werkzeug<4,>=3.0.0", "werkzeug>=3.0.0,<4"),
        ("Foo_Bar[Extra_One]>=1", "foo-bar[extra-one]>=1"),
        ("beta>=1.0; sys_platform == \"linux\"", "beta>=1.0 ; sys_platform == 'linux'"),
        ("gamma", "gamma"),
    ])
    func requirementsDisplayAsUVPrintsThem(_ text: String, _ expected: String) throws {
        #expect(PipDiagnostic.display(try Requirement(parsing: text)) == expected)
    }

    @Test func eggInfoRequirementsTakeTheirSectionsMarkers() {
        let requirements = InstalledMetadata.requirements(requiresTxt: """
            six>=1.0

            [docs]
            sphinx

            [:python_version < "3.8"]
            importlib-metadata
            """)
        #expect(requirements.map(\.description) == [
            "six>=1.0", "sphinx; extra == \"docs\"", "importlib-metadata; python_version < \"3.8\"",
        ])
    }

    @Test func externallyManagedErrorsJoinContinuationLines() {
        let text = """
            [externally-managed]
            Error=To install Python packages system-wide, try apt install
             python3-xyz.

             See the README.
            [other]
            Error=not this one
            """
        #expect(PipEnvironment.externallyManagedError(text) == "To install Python packages system-wide, try apt install\npython3-xyz.\n\nSee the README.")
        #expect(PipEnvironment.externallyManagedError("[externally-managed]\n") == nil)
    }

    @Test func externallyManagedMessagesFollowTheCommand() {
        let install = PipEnvironmentError.externallyManaged(root: "/usr", reason: "Use a venv.", wording: .install(system: true))
        #expect(install.message == "The interpreter at `/usr` is externally managed, and indicates the following:\n\n  Use a venv.\n")
        #expect(install.hints == ["Virtual environments were not considered due to the `--system` flag"])
        let inline = PipEnvironmentError.externallyManaged(root: "/usr", reason: nil, wording: .inline)
        #expect(inline.message == "The interpreter at `/usr` is externally managed. Instead, create a virtual environment with `uv venv`.")
        #expect(inline.hints.isEmpty)
    }

    @Test func theNewestReleaseSkipsWhatCannotBeInstalled() throws {
        let tags = TagEnvironment(
            implementation: .cpython, pythonMajor: 3, pythonMinor: 12, abis: ABITags.cpython(pythonMajor: 3, pythonMinor: 12, debug: false, gilDisabled: false),
            platform: .manylinux(glibcMajor: 2, glibcMinor: 17, arch: "x86_64")).supportedTags()
        func file(_ name: String, yanked: Bool = false, requiresPython: String? = nil) -> SimpleFile {
            SimpleFile(filename: name, url: "https://files.example/" + name, hashes: [],
                       requiresPython: requiresPython.map(RequiresPython.init), yanked: yanked ? .yanked(reason: nil) : .notYanked)
        }
        let files = [
            file("pkg-1.0-py3-none-any.whl"),
            file("pkg-1.1.tar.gz"),
            file("pkg-1.2-py3-none-any.whl", yanked: true),
            file("pkg-1.3-py3-none-any.whl", requiresPython: ">=3.13"),
            file("pkg-1.4-cp312-cp312-win_amd64.whl"),
            file("pkg-2.0a1-py3-none-any.whl"),
        ]
        let parsed: PEP440.Version? = PEP440.Version("3.12.1")
        let python = try #require(parsed)
        let latest = try #require(LatestRelease.best(files, tags: tags, python: python, allowPrereleases: false))
        #expect(latest.version.description == "1.1")
        #expect(latest.fileType == "sdist")
        #expect(LatestRelease.best(files, tags: tags, python: python, allowPrereleases: true)?.version.description == "2.0a1")
    }

    @Test(arguments: [("./proj", true), ("/abs/proj", true), ("src/pkg", true), ("beta>=1", false),
                      ("name @ file:///x", false), ("https://host/x.whl", true), ("~/proj", true)])
    func commandLineArgumentsThatArePaths(_ text: String, _ isPath: Bool) {
        #expect(PipRequirementSpec.looksLikePath(text) == isPath)
    }

    @Test func activeEnvironmentsComeBeforeTheNearestVenv() throws {
        let roots = PipEnvironment.environmentRoots(
            environment: ["VIRTUAL_ENV": "active", "CONDA_PREFIX": "/conda/envs/x"], workingDirectory: "/nowhere/at/all")
        #expect(roots == ["/nowhere/at/all/active", "/conda/envs/x"])
        let base = PipEnvironment.environmentRoots(
            environment: ["CONDA_PREFIX": "/conda", "CONDA_DEFAULT_ENV": "base"], workingDirectory: "/nowhere/at/all")
        #expect(base.isEmpty)
    }
}
