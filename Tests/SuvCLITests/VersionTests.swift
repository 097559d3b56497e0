import SuvCLI
import Testing

@Suite struct VersionTests {
    @Test(arguments: [["--version"], ["-V"], ["-q", "--version"], ["lock", "-V"], ["pip", "list", "--version"]])
    func versionFlagPrintsNameAndVersion(_ arguments: [String]) async {
        let result = await runSuv(arguments)
        #expect(result.status == 0)
        #expect(result.stdout == "suv 0.1.0\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func singleVersionConstant() {
        #expect(SuvVersion.current == "0.1.0")
        #expect(SuvVersion.longVersion == "suv 0.1.0 (\(SuvVersion.targetTriple))")
    }

    @Test func targetTripleDescribesThisBuild() {
        let parts = SuvVersion.targetTriple.split(separator: "-")
        #expect(parts.count >= 3)
        #if arch(x86_64) && os(Linux)
        #expect(SuvVersion.targetTriple == "x86_64-unknown-linux-gnu")
        #endif
    }

    @Test func selfVersionPrintsLikeUvSelfVersion() async {
        let result = await runSuv(["self", "version"])
        #expect(result.status == 0)
        #expect(result.stdout == "suv 0.1.0 (\(SuvVersion.targetTriple))\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func selfVersionShort() async {
        let result = await runSuv(["self", "version", "--short"])
        #expect(result.stdout == "0.1.0\n")
    }

    @Test func selfVersionJSON() async {
        let result = await runSuv(["self", "version", "--output-format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            {
              "package_name": "suv",
              "version": "0.1.0",
              "commit_info": null,
              "target_triple": "\(SuvVersion.targetTriple)"
            }

            """)
    }

    @Test func verboseSelfVersionReportsLibcurl() async {
        let result = await runSuv(["-v", "self", "version"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("DEBUG suv 0.1.0 (\(SuvVersion.targetTriple))\n"))
        #expect(result.stderr.contains("DEBUG HTTP client: libcurl "))
        #expect(result.stdout == "suv 0.1.0 (\(SuvVersion.targetTriple))\n")
    }

    @Test func verboseAfterTheSubcommandWorksToo() async {
        let result = await runSuv(["self", "version", "-v", "--short"])
        #expect(result.stderr.contains("DEBUG HTTP client: libcurl "))
        #expect(result.stdout == "0.1.0\n")
    }
}
