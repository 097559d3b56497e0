import PEP508
import Testing

/// Edge markers simplified against where their parent is reached, as uv writes them.
@Suite struct MarkerContextTests {
    func simplified(_ marker: String, within context: String) throws -> String? {
        let marker = NormalizedMarker(try MarkerTree(parsing: marker))
        let context = NormalizedMarker(try MarkerTree(parsing: context))
        return marker.simplified(within: context).uvDescription
    }

    @Test(arguments: [
        // Holds at the lowest allowed value (`linux`): extends over everything outside.
        ("sys_platform == 'linux'", "sys_platform == 'linux' or sys_platform == 'win32'", "sys_platform != 'win32'"),
        // Fails there: cut to the context.
        ("sys_platform == 'win32'", "sys_platform == 'linux' or sys_platform == 'win32'", "sys_platform == 'win32'"),
        // Implied by the context: disappears.
        ("sys_platform == 'linux'", "sys_platform == 'linux'", nil),
        // Python is left to the requires-python simplification.
        ("python_full_version < '3.11' and sys_platform == 'linux'", "sys_platform == 'linux'", "python_full_version < '3.11'"),
        // A context that says nothing about the key changes nothing.
        ("sys_platform == 'linux'", "python_full_version >= '3.12'", "sys_platform == 'linux'"),
    ])
    func simplifiesStringKeys(_ marker: String, _ context: String, _ expected: String?) throws {
        #expect(try simplified(marker, within: context) == expected)
    }

    @Test func aClauseOutsideTheContextDrops() throws {
        #expect(try simplified("sys_platform == 'darwin' or python_full_version < '3.10'", within: "sys_platform == 'linux'")
            == "python_full_version < '3.10'")
    }
}
