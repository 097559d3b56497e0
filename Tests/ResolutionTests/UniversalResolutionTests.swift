import PackagingTypes
import PEP440
import PEP508
import Resolution
import Resolver
import SuvBasics
import Testing

/// Universal resolution on in-memory package sets: fork order, preferences carried between
/// forks, seeds (environments, conflict choices) and unreachable versions.
@Suite struct UniversalResolutionTests {
    func forks(_ requirements: [String], in universe: String) async throws -> [UniversalResolution.Fork] {
        try await UniversalResolution(source: InMemorySource(universe), options: Target.options())
            .resolve(ResolutionTests.requirements(requirements), lowestPython: Version("3.9")!)
    }

    func pins(_ forks: [UniversalResolution.Fork]) -> [String] {
        UniversalResolution.merge(forks).graph.packages.map { "\($0.name)==\($0.version)" }
    }

    /// uv resolves the part whose requirements are capped from above first (`a<2` on
    /// darwin), and the other part then prefers its choice.
    @Test func cappedPartsAreResolvedFirst() async throws {
        let result = try await forks(["a>=1 ; sys_platform == 'linux'", "a<2 ; sys_platform == 'darwin'"], in: """
            a 1.0
            a 2.0
            """)
        #expect(result.count == 3)
        #expect(result.first?.marker.uvDescription == "python_full_version >= '3.9' and sys_platform == 'darwin'")
        #expect(pins(result) == ["a==1.0"])
    }

    @Test func preferencesFromEarlierForksSteerLaterOnes() async throws {
        let result = try await forks(["a", "b>=2 ; sys_platform == 'linux'", "b<2 ; sys_platform == 'darwin'"], in: """
            a 0.1
            a 0.2 : b>=2
            b 1.0
            b 2.0
            """)
        #expect(pins(result) == ["a==0.1", "b==1.0", "b==2.0"])
    }

    @Test func versionsNoEnvironmentReachesAreLeftOut() async throws {
        let result = try await forks(["a ; sys_platform == 'win32'"], in: """
            a 1.0 : b ; sys_platform == 'linux'
            b 1.0
            """)
        #expect(pins(result) == ["a==1.0"])
    }

    @Test func eachSeedResolvesItsOwnRequirements() async throws {
        let linux = NormalizedMarker(try MarkerTree(parsing: "sys_platform == 'linux'"))
        let seeds = [
            UniversalResolution.Seed(marker: linux, requirements: try ResolutionTests.requirements(["b==1.0"])),
            UniversalResolution.Seed(marker: linux, requirements: try ResolutionTests.requirements(["b==2.0"])),
        ]
        let result = try await UniversalResolution(source: InMemorySource("b 1.0\nb 2.0"), options: Target.options())
            .resolve(seeds: seeds, lowestPython: Version("3.9")!)
        #expect(result.map(\.seed) == [0, 1])
        #expect(result.map { $0.graph.packages.map(\.version.description) } == [["1.0"], ["2.0"]])
    }
}
