import PyProject
import SuvBasics
import Testing
@testable import Settings

@Suite struct ProjectIndexesTests {
    static let pyproject = """
    [project]
    name = "app"
    version = "0.1.0"

    [[tool.uv.index]]
    name = "pytorch"
    url = "https://torch.example/whl/cpu"
    explicit = true

    [tool.uv.sources]
    torch = { index = "pytorch" }
    """

    @Test func findsTheProjectsOwnIndexByName() throws {
        let project = try ProjectIndexes(pyproject: PyProjectToml(parsing: Self.pyproject), path: "/home/alice/app/pyproject.toml",
                                          displayPath: "pyproject.toml")
        let index = try project.index(named: "pytorch", forPackage: "torch")
        #expect(index.url.string == "https://torch.example/whl/cpu")
        #expect(index.explicit)
        #expect(index.origin == .configuration(path: "pyproject.toml", kind: .pyprojectToml, level: .project))
    }

    @Test func missingIndexNamesThePackage() throws {
        let project = try ProjectIndexes(pyproject: PyProjectToml(parsing: Self.pyproject), path: "/p/pyproject.toml")
        let error = try #require(throws: SourceIndexError.self) { try project.index(named: "cuda", forPackage: "torch") }
        #expect(error.message == "Package `torch` references an undeclared index: `cuda`")
        #expect(error.hints.isEmpty)
    }

    @Test func hintWhenTheNameIsOnlyInAUvToml() throws {
        let project = try ProjectIndexes(pyproject: PyProjectToml(parsing: "[project]\nname = \"a\"\nversion = \"1\"\n"), path: "/p/pyproject.toml")
        let user = try IndexURL("https://torch.example/simple")
        let locations = IndexLocations(definitions: [
            ConfiguredIndex(name: "pytorch", url: user, origin: .configuration(path: "/home/alice/.config/uv/uv.toml", kind: .uvToml, level: .user)),
            ConfiguredIndex(name: "cli", url: user, origin: .commandLine(flag: "--index")),
        ])
        let error = try #require(throws: SourceIndexError.self) { try project.index(named: "pytorch", forPackage: "torch", locations: locations) }
        #expect(error.hints == ["Index `pytorch` was found in a user-level `uv.toml`, but indexes referenced via `tool.uv.sources` must be defined in the project's `pyproject.toml`"])
        // Indexes from the command line cannot be referenced either, and get no hint.
        let cli = try #require(throws: SourceIndexError.self) { try project.index(named: "cli", forPackage: "x", locations: locations) }
        #expect(cli.hints.isEmpty)
    }

    @Test func relativeIndexPathsResolveAgainstTheProject() throws {
        let text = "[project]\nname = \"a\"\nversion = \"1\"\n[[tool.uv.index]]\nname = \"local\"\nurl = \"./index\"\n"
        let project = try ProjectIndexes(pyproject: PyProjectToml(parsing: text), path: "/home/alice/app/pyproject.toml")
        #expect(project.indexes.first?.url.string == "file:///home/alice/app/index")
    }

    @Test func rejectsTwoDefaults() throws {
        let text = "[[tool.uv.index]]\nurl = \"https://a.example\"\ndefault = true\n[[tool.uv.index]]\nurl = \"https://b.example\"\ndefault = true\n"
        let error = try #require(throws: ConfigurationError.self) {
            try ProjectIndexes(pyproject: PyProjectToml(parsing: text), path: "/p/pyproject.toml", displayPath: "pyproject.toml")
        }
        #expect(ErrorChain(error).messages == [
            "Failed to parse: `pyproject.toml`",
            "found multiple indexes with `default = true`; only one index may be marked as default",
        ])
    }
}
