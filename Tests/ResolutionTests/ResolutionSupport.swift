import PackagingTypes
import PEP440
import PEP508
import Resolution
import Resolver
import SuvBasics
import Testing

/// CPython 3.12 on Linux x86_64 (glibc 2.36), as `--python-version 3.12` on such a machine.
enum Target {
    static let markers = MarkerEnvironment(
        implementationName: "cpython", implementationVersion: "3.12.3", osName: "posix",
        platformMachine: "x86_64", platformPythonImplementation: "CPython", platformRelease: "6.8.0-45-generic",
        platformSystem: "Linux", platformVersion: "#45-Ubuntu SMP PREEMPT_DYNAMIC", pythonFullVersion: "3.12.3",
        pythonVersion: "3.12", sysPlatform: "linux")

    static let tags = TagEnvironment(
        implementation: .cpython, pythonMajor: 3, pythonMinor: 12, abis: ["cp312"],
        platform: .manylinux(glibcMajor: 2, glibcMinor: 36, arch: "x86_64")).supportedTags()

    static func options(prerelease: PrereleaseMode = .ifNecessary, resolution: ResolutionMode = .highest,
                        noBinary: PackageSelection = .none, noBuild: PackageSelection = .none) -> ResolutionOptions {
        ResolutionOptions(markers: markers, pythonVersion: Version("3.12")!, tags: tags,
                          prerelease: prerelease, resolution: resolution, noBinary: noBinary, noBuild: noBuild)
    }
}

func requirements(_ texts: [String]) throws -> [Requirement] {
    try texts.map { text throws in try Requirement(parsing: text) }
}

/// Resolves `requirements` against `universe` and returns the graph.
func resolveGraph(_ requirements: [String], in universe: String, constraints: [String] = [], overrides: [String] = [],
                  options: ResolutionOptions = Target.options()) async throws -> ResolutionGraph {
    try await resolveGraph(requirements, in: InMemorySource(universe), constraints: constraints, overrides: overrides,
                           options: options)
}

func resolveGraph(_ requirements: [String], in source: InMemorySource, constraints: [String] = [],
                  overrides: [String] = [], options: ResolutionOptions = Target.options()) async throws -> ResolutionGraph {
    try await PackageResolution(source: source, options: options).resolve(
        ResolutionTests.requirements(requirements), constraints: ResolutionTests.requirements(constraints),
        overrides: ResolutionTests.requirements(overrides))
}

/// Resolves and returns the pins as `name==version` strings, sorted by name.
func resolve(_ requirements: [String], in universe: String, constraints: [String] = [], overrides: [String] = [],
             options: ResolutionOptions = Target.options()) async throws -> [String] {
    try await resolveGraph(requirements, in: universe, constraints: constraints, overrides: overrides, options: options)
        .packages.map { "\($0.name)==\($0.version)" }
}

/// Resolves expecting no solution and returns the failure.
func failure(_ requirements: [String], in universe: String, constraints: [String] = [], overrides: [String] = [],
             options: ResolutionOptions = Target.options(),
             sourceLocation: SourceLocation = #_sourceLocation) async throws -> NoSolutionFound? {
    do {
        let graph = try await resolveGraph(requirements, in: universe, constraints: constraints, overrides: overrides,
                                           options: options)
        Issue.record("expected no solution, resolved \(graph.packages.map { "\($0.name)==\($0.version)" })",
                     sourceLocation: sourceLocation)
        return nil
    } catch let error as NoSolutionFound {
        return error
    }
}
