import Testing
@testable import Installer

@Suite struct InstallPlanTests {
    let scheme = InstallScheme.virtualEnvironment(root: "/v", pythonMajor: 3, pythonMinor: 12)

    @Test func placesEveryDataSchemeAsUv() throws {
        let files = [
            "omega/__init__.py",
            "omega-1.0.data/scripts/omega-py",
            "omega-1.0.data/scripts/omega.exe",
            "omega-1.0.data/headers/omega.h",
            "omega-1.0.data/purelib/omega_pure.py",
            "omega-1.0.data/platlib/omega_plat.py",
            "omega-1.0.data/data/share/omega/README.txt",
            "omega-1.0.dist-info/METADATA",
            "omega-1.0.dist-info/RECORD",
        ]
        let points = EntryPoints(consoleScripts: [EntryPointScript(name: "omega", module: "omega", function: "main")],
                                 guiScripts: [EntryPointScript(name: "omega-gui", module: "omega", function: "gui")])
        let plan = try InstallPlan.make(files: files, distInfo: "omega-1.0.dist-info", name: "omega", rootIsPurelib: true,
                                        entryPoints: points, scheme: scheme)
        let site = "/v/lib/python3.12/site-packages"
        #expect(plan.sitePackages == site)
        #expect(plan.items.map { [$0.destination, $0.recordPath] } == [
            [site + "/omega-1.0.dist-info/METADATA", "omega-1.0.dist-info/METADATA"],
            [site + "/omega/__init__.py", "omega/__init__.py"],
            ["/v/bin/omega-py", "../../../bin/omega-py"],
            ["/v/include/site/python3.12/omega/omega.h", "../../../include/site/python3.12/omega/omega.h"],
            [site + "/omega_pure.py", "omega_pure.py"],
            [site + "/omega_plat.py", "omega_plat.py"],
            ["/v/share/omega/README.txt", "../../../share/omega/README.txt"],
        ])
        #expect(plan.items[2].action == .dataScript)
        #expect(plan.scripts.map(\.recordPath) == ["../../../bin/omega", "../../../bin/omega-gui"])
        #expect(plan.scripts.map(\.isGUI) == [false, true])
    }

    @Test func errors() {
        func make(_ files: [String], _ points: EntryPoints = EntryPoints()) throws(InstallPlanError) {
            _ = try InstallPlan.make(files: files, distInfo: "x-1.dist-info", name: "x", rootIsPurelib: false,
                                     entryPoints: points, scheme: scheme)
        }
        #expect(throws: InstallPlanError.unknownDataType("nonsense")) { try make(["x-1.data/nonsense/a"]) }
        #expect(throws: InstallPlanError.directoryInScripts("x-1.data/scripts/sub/a")) { try make(["x-1.data/scripts/sub/a"]) }
        #expect(throws: InstallPlanError.reservedScriptName("python3.12")) {
            try make([], EntryPoints(consoleScripts: [EntryPointScript(name: "python3.12", module: "x", function: "y")]))
        }
        #expect(throws: InstallPlanError.invalidScriptName("../evil")) {
            try make([], EntryPoints(consoleScripts: [EntryPointScript(name: "../evil", module: "x", function: "y")]))
        }
    }

    @Test func pathArithmetic() {
        #expect(PathArithmetic.normalize("/a/./b/../c//d/") == "/a/c/d")
        #expect(PathArithmetic.normalize("a/../../b") == "../b")
        #expect(PathArithmetic.normalize("/../a") == "/a")
        #expect(PathArithmetic.relative(from: "/v/lib/python3.12/site-packages", to: "/v/bin/x") == "../../../bin/x")
        #expect(PathArithmetic.relative(from: "/v/lib", to: "/v/lib/a/b") == "a/b")
        #expect(PathArithmetic.isInside("/v/lib/x", "/v/lib"))
        #expect(!PathArithmetic.isInside("/v/library", "/v/lib"))
        #expect(PathArithmetic.isInside("/v/lib", "/v/lib"))
    }

    @Test func wheelInfo() throws {
        let info = try WheelInfo(distInfo: "a-1.dist-info", metadata: "Metadata-Version: 2.1\nName: A\nVersion: 1\n\nbody",
                                 wheel: "Wheel-Version: 1.0\nRoot-Is-Purelib: false\n")
        #expect(info.name == "A" && info.version == "1" && !info.rootIsPurelib)
        #expect(throws: WheelInfoError.unsupportedWheelVersion("2")) {
            try WheelInfo(distInfo: "a-1.dist-info", metadata: "Name: a\nVersion: 1\n", wheel: "Wheel-Version: 2.0\n")
        }
        #expect(throws: WheelInfoError.invalidWheelVersion("None")) {
            try WheelInfo(distInfo: "a-1.dist-info", metadata: "Name: a\nVersion: 1\n", wheel: "Root-Is-Purelib: true\n")
        }
    }
}
