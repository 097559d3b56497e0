import PackagingTypes
import Testing

@Suite struct TagEnvironmentTests {
    /// Each environment's platform list and full supported-tag list, exactly and in order.
    @Test func reproducesEveryEnvironmentExactly() throws {
        let environments = try WheelTagVectors.load().environments
        #expect(!environments.isEmpty)
        for vector in environments {
            let construction = try EnvironmentConstruction(vector.construction)
            let environment = construction.environment
            #expect(environment.compatibleInterpreter == construction.compatibleInterpreter, "\(vector.id): compatible_tags interpreter")
            if let generic = construction.genericInterpreter {
                #expect(environment.interpreterTag == generic, "\(vector.id): generic_tags interpreter")
            }
            let platforms = environment.platform.platformTags
            let tags = environment.supportedTags().tags.map(\.description)
            for (what, actual, expected) in [("platforms", platforms, vector.platforms), ("supported_tags", tags, vector.supportedTags)] {
                guard actual != expected else { continue }
                let index = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(actual.count, expected.count)
                let got = index < actual.count ? actual[index] : "<end>"
                let wanted = index < expected.count ? expected[index] : "<end>"
                Issue.record("\(vector.id): \(what) differ at index \(index): \(got) ≠ \(wanted) (\(actual.count) vs \(expected.count) entries)")
            }
            print("\(vector.id): platforms \(platforms == vector.platforms ? "match" : "DIFFER") (\(vector.platforms.count)), supported_tags \(tags == vector.supportedTags ? "match" : "DIFFER") (\(vector.supportedTags.count))")
        }
    }

    // The expectations below were produced with packaging 26.2 (`cpython_tags`, `generic_tags`,
    // `compatible_tags`, `mac_platforms`, `_manylinux.platform_tags`).

    @Test func freeThreadedCPythonUsesABI3tInsteadOfABI3() {
        let environment = TagEnvironment(implementation: .cpython, pythonMajor: 3, pythonMinor: 13, abis: ["cp313t"], platform: .custom(platformTags: ["x"]))
        let tags = environment.supportedTags().tags.prefix(6).map(\.description)
        #expect(tags == ["cp313-cp313t-x", "cp313-abi3t-x", "cp313-none-x", "cp312-abi3t-x", "cp311-abi3t-x", "cp310-abi3t-x"])
    }

    @Test func pypyUsesGenericTagsAndPP3() {
        let environment = TagEnvironment(implementation: .pypy, pythonMajor: 3, pythonMinor: 10, abis: ["pypy310_pp73"], platform: .linux(arch: "x86_64"))
        let tags = environment.supportedTags().tags.map(\.description)
        #expect(Array(tags.prefix(4)) == ["pp310-pypy310_pp73-linux_x86_64", "pp310-none-linux_x86_64", "py310-none-linux_x86_64", "py3-none-linux_x86_64"])
        #expect(tags.contains("pp3-none-any"))
        #expect(!tags.contains { $0.contains("abi3") })
    }

    @Test func manylinuxOnAarch64StopsAtGlibc217() {
        let tags = ManylinuxPlatforms.tags(glibcMajor: 2, glibcMinor: 18, architectures: ["aarch64"])
        #expect(tags == ["manylinux_2_18_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64"])
        #expect(ManylinuxPlatforms.tags(glibcMajor: -1, glibcMinor: -1, architectures: ["x86_64"]).isEmpty)
    }

    @Test func macOSIntelBefore11ListsEveryBinaryFormat() {
        let tags = MacOSPlatforms.tags(major: 10, minor: 15, arch: "x86_64")
        #expect(Array(tags.prefix(6)) == ["macosx_10_15_x86_64", "macosx_10_15_intel", "macosx_10_15_fat64", "macosx_10_15_fat32", "macosx_10_15_universal2", "macosx_10_15_universal"])
        #expect(tags.last == "macosx_10_4_universal")
        #expect(tags.count == 72)
    }

    @Test func windowsHasOnePlatformTag() {
        #expect(TargetPlatform.windows(.aarch64).platformTags == ["win_arm64"])
        #expect(WindowsArchitecture(platformTag: "win32") == .x86)
    }
}

@Suite struct ABITagsTests {
    // Expectations from packaging 26.2's `_cpython_abis` and `_generic_abi` logic.
    @Test func cpythonABIsFollowTheBuildFlags() {
        #expect(ABITags.cpython(pythonMajor: 3, pythonMinor: 12, debug: false) == ["cp312"])
        #expect(ABITags.cpython(pythonMajor: 3, pythonMinor: 13, debug: false, gilDisabled: true) == ["cp313t"])
        #expect(ABITags.cpython(pythonMajor: 3, pythonMinor: 13, debug: true, gilDisabled: true) == ["cp313td", "cp313t"])
        #expect(ABITags.cpython(pythonMajor: 3, pythonMinor: 7, debug: false) == ["cp37m"])
        #expect(ABITags.cpython(pythonMajor: 2, pythonMinor: 7, debug: false, ucs4: true) == ["cp27mu"])
        #expect(ABITags.cpython(pythonMajor: 3, pythonMinor: 12, debug: false, gilDisabled: true) == ["cp312"])
    }

    @Test(arguments: [
        (".cpython-310-x86_64-linux-gnu.so", ["cp310"] as [String]?), (".cp310-win_amd64.pyd", ["cp310"]),
        (".pypy310-pp73-x86_64-linux-gnu.so", ["pypy310_pp73"]), (".graalpy-38-native-x86_64-darwin.dylib", ["graalpy_38_native"]),
        (".pyd", nil), ("..so", []),
    ])
    func genericABIComesFromTheExtensionSuffix(suffix: String, expected: [String]?) {
        #expect(ABITags.fromExtensionSuffix(suffix) == expected)
    }
}
