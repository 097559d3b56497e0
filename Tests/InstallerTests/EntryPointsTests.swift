import Testing
@testable import Installer

@Suite struct EntryPointsTests {
    @Test(arguments: [
        ("foomod:main", "foomod", "main"),
        ("foomod:main_bar [bar,baz]", "foomod", "main_bar"),
        ("pylutron_caseta.cli:lap_pair[cli]", "pylutron_caseta.cli", "lap_pair"),
        ("pkg.mod : Klass.method", "pkg.mod", "Klass.method"),
        ("  a-b.c:d  [ x , y ]  ", "a-b.c", "d"),
    ])
    func validValues(value: String, module: String, function: String) throws {
        let script = try #require(EntryPointScript.parse(name: "s", value: value))
        #expect(script.module == module)
        #expect(script.function == function)
    }

    @Test(arguments: ["", ":weh", "foomod:main_bar [bar", "pylutron_caseta", "weh:", "a:b c", "a:b []"])
    func invalidValues(value: String) {
        #expect(EntryPointScript.parse(name: "s", value: value) == nil)
    }

    @Test func importNameIsTheFirstAttributeComponent() throws {
        let script = try #require(EntryPointScript.parse(name: "s", value: "foomod:mod_bar.sub_foo.func_baz"))
        #expect(script.importName == "mod_bar")
        #expect(script.function == "mod_bar.sub_foo.func_baz")
    }

    @Test func readsConsoleAndGUISectionsCaseSensitively() throws {
        let text = """
        # a comment
        [console_scripts]
        Omega-Cap = omega:main
        omega = omega:main
        ; another comment

        [gui_scripts]
        omega-gui=omega:gui

        [omega.plugins]
        ignored = not valid at all
        """
        let points = try EntryPoints(parsing: text, pythonMinor: 12)
        #expect(points.consoleScripts.map(\.name) == ["Omega-Cap", "omega"])
        #expect(points.guiScripts == [EntryPointScript(name: "omega-gui", module: "omega", function: "gui")])
    }

    @Test func versionedPipLaunchersAsUv() throws {
        let text = """
        [console_scripts]
        pip = a:b1
        pip3 = a:b2
        pip3.11 = a:b3
        pip3.x = a:b4
        pip4.11 = a:b5
        memray = a:b6
        memray3.11 = a:b7
        """
        let scripts = try EntryPoints(parsing: text, pythonMinor: 99).consoleScripts.sorted()
        #expect(scripts.map(\.name) == ["memray", "memray3.11", "pip", "pip3", "pip3.99", "pip3.x", "pip4.11"])
        #expect(scripts.first { $0.name == "pip3.99" }?.function == "b2")
    }

    @Test func errors() {
        #expect(throws: EntryPointsError.missingValue(section: "console_scripts", key: "script: package.module:main")) {
            try EntryPoints(parsing: "[console_scripts]\nscript: package.module:main\n", pythonMinor: 12)
        }
        #expect(throws: EntryPointsError.invalidScript(value: "nocolon")) {
            try EntryPoints(parsing: "[gui_scripts]\nx = nocolon\n", pythonMinor: 12)
        }
    }

    @Test(arguments: [("python", true), ("pythonw", true), ("python3", true), ("python3.12", true),
                      ("python3.x", false), ("python4", false), ("python3.1234", false), ("pytest", false)])
    func reservedNames(name: String, reserved: Bool) {
        #expect(EntryPoints.isReservedName(name) == reserved)
    }
}
