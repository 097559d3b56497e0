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
        let result = try await Self.sync(tree, depending: name)
        let project = tree.path("project")
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

    /// A wheel whose bytes the index vouches for (its listed SHA-256 is of these bytes, its
    /// PEP 658 metadata is sound, so locking never opens it) but whose module's compressed data
    /// is damaged: the installer meets the broken stream and refuses the wheel.
    @Test func aCorruptWheelWithAMatchingHashIsRefused() async throws {
        let tree = try TemporaryTree(prefix: "suv-corrupt-sync")
        let wheel = "omega-1.0-py3-none-any.whl"
        let wheels = tree.path("wheels")
        try FileManager.default.createDirectory(atPath: wheels, withIntermediateDirectories: true)
        let corrupt = """
            import sys, zipfile
            source, target = sys.argv[1:3]
            data = bytearray(open(source, "rb").read())
            info = zipfile.ZipFile(source).getinfo("omega/__init__.py")
            start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
            for offset in range(start + 4, start + info.compress_size - 4):
                data[offset] ^= 0x5A
            open(target, "wb").write(bytes(data))
            """
        let source = try FixtureIndex.url().appendingPathComponent("installer/" + wheel).path
        try #require(Self.run(["python3", "-c", corrupt, source, wheels + "/" + wheel]) == 0)

        let result = try await Self.sync(tree, depending: "omega")
        #expect((1...2).contains(result.status), "\(result.stderr)")
        #expect(result.stderr.contains("Failed to unpack wheel: \(wheel)"), "\(result.stderr)")
        #expect(result.stderr.contains("omega/__init__.py"), "\(result.stderr)")
        let site = tree.path("project/.venv/lib/python3.12/site-packages")
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: site)) ?? []
        #expect(installed.filter { $0.hasPrefix("omega") } == [], "\(installed)")
        // Nothing of the broken wheel is kept in the cache for a later sync to trust.
        let again = try await Self.sync(tree, depending: "omega")
        #expect(again.stderr.contains("Failed to unpack wheel: \(wheel)"), "\(again.stderr)")
    }

    /// Indexes `tree/wheels` on loopback and runs `suv sync` in `tree/project`, a project that
    /// depends on `name`.
    static func sync(_ tree: TemporaryTree, depending name: String) async throws -> CLIResult {
        let indexRoot = tree.path("index")
        try? FileManager.default.removeItem(atPath: indexRoot)
        try #require(run(["python3", RepositoryPaths.fixtures.appendingPathComponent("packages/index-folder.py").path,
                          "--from", tree.path("wheels"), "--out", indexRoot]) == 0)
        let server = try LocalIndexServer(root: indexRoot)
        _ = try tree.write("project/pyproject.toml", """
            [project]
            name = "victim"
            version = "0.1.0"
            requires-python = ">=3.10"
            dependencies = ["\(name)"]
            """)
        return await runSuv(["sync", "--directory", tree.path("project"), "--index-url", server.url("/simple/"),
                             "--python", "3.12"], environment: projectEnvironment(tree))
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
