import PyProject
import Testing
@testable import Settings

@Suite struct IndexLocationsTests {
    func index(_ host: String, name: String? = nil, isDefault: Bool = false, explicit: Bool = false) throws -> ConfiguredIndex {
        ConfiguredIndex(name: name, url: try IndexURL("https://\(host)/simple"), isDefault: isDefault, explicit: explicit,
                        origin: .commandLine(flag: "--index"))
    }

    @Test func orderShadowingAndDefaults() throws {
        let locations = IndexLocations(definitions: [
            try index("a.example", name: "a"),
            try index("b.example"),
            try index("d1.example", isDefault: true),
            try index("a-shadow.example", name: "a", isDefault: true),
            try index("e.example", name: "e", explicit: true),
            try index("d2.example", isDefault: true),
            try index("b.example"),
        ])
        #expect(locations.implicitIndexes.map(\.url.host) == ["a.example", "b.example", "b.example"])
        #expect(locations.defaultIndex?.url.host == "d1.example")
        #expect(locations.explicitIndexes.map(\.name) == ["e"])
        #expect(locations.searchOrder.map(\.url.host) == ["a.example", "b.example", "b.example", "d1.example"])
        #expect(!locations.needsFallbackDefault)
        #expect(locations.index(named: "a")?.url.host == "a.example")
    }

    @Test func fallbackOnlyWithoutAConfiguredDefault() throws {
        let fallback = try index("fallback.example", isDefault: true)
        let plain = IndexLocations(definitions: [try index("a.example")])
        #expect(plain.needsFallbackDefault)
        #expect(plain.withFallbackDefault(fallback).defaultIndex?.url.host == "fallback.example")
        let configured = IndexLocations(definitions: [try index("d.example", isDefault: true)])
        #expect(configured.withFallbackDefault(fallback).defaultIndex?.url.host == "d.example")
    }

    @Test func noIndexLeavesOnlyFindLinks() throws {
        let link = ConfiguredIndex(url: try IndexURL("file:///wheels"), format: .flat, origin: .commandLine(flag: "--find-links"))
        let locations = IndexLocations(definitions: [try index("a.example", name: "a", isDefault: true)], findLinks: [link], noIndex: true)
        #expect(locations.searchOrder.isEmpty)
        #expect(locations.allowed == [link])
        #expect(!locations.needsFallbackDefault)
        #expect(locations.index(named: "a") == nil)
    }

    @Test func indexContainingAURL() throws {
        let locations = IndexLocations(definitions: [
            ConfiguredIndex(url: try IndexURL("https://pkgs.example/"), origin: .commandLine(flag: "--index")),
            ConfiguredIndex(name: "deep", url: try IndexURL("https://pkgs.example/team/simple"), origin: .commandLine(flag: "--index")),
        ])
        #expect(locations.index(containing: "https://pkgs.example/team/simple/flask/")?.name == "deep")
        #expect(locations.index(containing: "https://pkgs.example/other/")?.name == nil)
        #expect(locations.index(containing: "https://other.example/") == nil)
    }
}
