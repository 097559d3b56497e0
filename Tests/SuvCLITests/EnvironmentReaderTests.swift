import SuvCLI
import Testing

@Suite struct EnvironmentReaderTests {
    @Test(arguments: [
        ("1", true), ("true", true), ("TRUE", true), ("yes", true), ("y", true), ("on", true), ("t", true),
        ("0", false), ("false", false), ("No", false), ("n", false), ("off", false), ("f", false),
    ])
    func boolishValues(_ value: String, _ expected: Bool) throws {
        #expect(try EnvironmentReader(["UV_OFFLINE": value]).bool("UV_OFFLINE", option: "--offline") == expected)
    }

    @Test func unsetIsNil() throws {
        #expect(try EnvironmentReader([:]).bool("UV_OFFLINE", option: "--offline") == nil)
        #expect(try EnvironmentReader([:]).string("UV_CACHE_DIR", option: "--cache-dir <CACHE_DIR>") == nil)
    }

    @Test func listsSplitOnTheirSeparator() {
        let reader = EnvironmentReader(["UV_INDEX": " a  b ", "UV_FIND_LINKS": "x,,y"])
        #expect(reader.list([], "UV_INDEX", separator: " ") == ["a", "b"])
        #expect(reader.list([], "UV_FIND_LINKS", separator: ",") == ["x", "y"])
        #expect(reader.list(["cli"], "UV_INDEX", separator: " ") == ["cli"])
    }

    @Test func invalidClosedSetValueListsThePossibleValues() {
        let reader = EnvironmentReader(["UV_LINK_MODE": "teleport"])
        #expect(throws: UsageError("invalid value 'teleport' for '--link-mode <LINK_MODE>'\n  [possible values: clone, copy, hardlink, symlink]")) {
            try reader.value(LinkMode?.none, "UV_LINK_MODE", option: "--link-mode <LINK_MODE>")
        }
    }
}
