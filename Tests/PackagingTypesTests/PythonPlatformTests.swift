import PackagingTypes
import PEP508
import Testing

@Suite struct PythonPlatformTests {
    @Test(arguments: [
        ("linux", "manylinux_2_28_x86_64", "linux", "x86_64"),
        ("x86_64-manylinux2014", "manylinux_2_17_x86_64", "linux", "x86_64"),
        ("aarch64-manylinux_2_31", "manylinux_2_31_aarch64", "linux", "aarch64"),
        ("x86_64-unknown-linux-musl", "musllinux_1_2_x86_64", "linux", "x86_64"),
        ("macos", "macosx_13_0_arm64", "darwin", "arm64"),
        ("x86_64-apple-darwin", "macosx_13_0_x86_64", "darwin", "x86_64"),
        ("windows", "win_amd64", "win32", "AMD64"),
        ("i686-pc-windows-msvc", "win32", "win32", "x86"),
    ])
    func parsesUvSpellings(_ text: String, _ bestTag: String, _ sysPlatform: String, _ machine: String) throws {
        let platform = try #require(PythonPlatform(text))
        #expect(platform.platform.platformTags.first == bestTag)
        #expect(platform.sysPlatform == sysPlatform)
        #expect(platform.platformMachine == machine)
    }

    @Test(arguments: ["", "linux-x86_64", "sparc-unknown-linux-gnu", "x86_64-manylinux_2_x", "x86_64-pc-windows-gnu"])
    func refusesOthers(_ text: String) {
        #expect(PythonPlatform(text) == nil)
    }

    @Test func appliesItsMarkers() throws {
        let platform = try #require(PythonPlatform("windows"))
        var markers = try MarkerEnvironment(values: [
            "implementation_name": "cpython", "implementation_version": "3.12.0", "os_name": "posix",
            "platform_machine": "x86_64", "platform_python_implementation": "CPython", "platform_release": "",
            "platform_system": "Linux", "platform_version": "", "python_full_version": "3.12.0",
            "python_version": "3.12", "sys_platform": "linux",
        ])
        markers = platform.apply(to: markers)
        #expect(markers.osName == "nt")
        #expect(markers.sysPlatform == "win32")
        #expect(markers.platformSystem == "Windows")
        #expect(markers.platformMachine == "AMD64")
        #expect(markers.pythonVersion == "3.12")
    }
}
