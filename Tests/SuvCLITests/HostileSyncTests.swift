import Foundation
import SuvTestSupport
import Testing

/// Hostile wheels served by an index (the installer fixtures, indexed on loopback) and met by
/// `suv sync`: refused with the unpacker's reason, a non-zero exit, nothing written outside
/// the cache, and the environment without a trace of the package.
@Suite(.serialized) struct HostileSyncTests {
    @Test(arguments: [
        ("zipslip", "contains an unsafe path `../zipslip_escape.py`: it escapes the extraction directory through `..`"),
        ("abspath", "contains an unsafe path `/tmp/abspath_escape.py`: it is an absolute path"),
        ("symlink", "contains a symbolic link `symlink/passwd` that points outside the wheel"),
        ("liar", "has a RECORD that does not match its contents: `liar/__init__.py`"),
    ])
    func aHostileWheelFromTheIndexIsRefused(name: String, reason: String) async throws {
        let tree = try TemporaryTree(prefix: "suv-hostile-sync")
        let wheel = "\(name)-1.0-py3-none-any.whl"
        let wheels = tree.path("wheels")
        try FileManager.default.createDirectory(atPath: wheels, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: try FixtureIndex.url().appendingPathComponent("installer/" + wheel).path, toPath: wheels + "/" + wheel)
        let indexRoot = tree.path("index")
        try #require(Self.run(["python3", RepositoryPaths.fixtures.appendingPathComponent("packages/index-folder.py").path,
                               "--from", wheels, "--out", indexRoot]) == 0)
        let server = try LocalIndexServer(root: indexRoot)
        let project = tree.path("project")
        _ = try tree.write("project/pyproject.toml", """
            [project]
            name = "victim"
            version = "0.1.0"
            requires-python = ">=3.10"
            dependencies = ["\(name)"]
            """)
        let result = await runSuv(["sync", "--directory", project, "--index-url", server.url("/simple/"), "--python", "3.12"],
                                  environment: projectEnvironment(tree))
        #expect(result.status != 0)
        #expect(result.stderr.contains("Failed to unpack wheel: \(wheel)"), "\(result.stderr)")
        #expect(result.stderr.contains(reason), "\(result.stderr)")
        // Nothing outside the cache, nothing of the package in the environment.
        #expect(!FileManager.default.fileExists(atPath: "/tmp/abspath_escape.py"))
        let escaped = try FileManager.default.subpathsOfDirectory(atPath: tree.path).filter { $0.hasSuffix("zipslip_escape.py") }
        #expect(escaped == [])
        let site = project + "/.venv/lib/python3.12/site-packages"
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: site)) ?? []
        #expect(installed.filter { $0.hasPrefix(name) } == [], "\(installed)")
    }

    static func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
