import Foundation
import PEP508
@testable import SuvCLI
import SuvTestSupport
import Testing

/// Local projects with a dynamic version or dynamic dependencies: built for their metadata when
/// locking, locked without a version as uv 0.13.9 locks them (the expected text is uv's for the
/// same tree), installed showing the built version.
@Suite(.serialized) struct DynamicMetadataTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-dynamic")
    }

    var environment: [String: String] { projectEnvironment(tree) }

    @Test func locksAndInstallsProjectsWithDynamicMetadata() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let backend = try String(contentsOf: FixtureIndex.backendSource(), encoding: .utf8)
        let buildSystem = """
            [build-system]
            requires = []
            build-backend = "suv_fixture_backend"
            backend-path = ["_backend"]
            """
        _ = try tree.write("dyn/pyproject.toml", """
            [project]
            name = "dyn"
            dynamic = ["version"]
            requires-python = ">=3.12"
            dependencies = ["libdep"]

            \(buildSystem)

            [tool.uv.sources]
            libdep = { path = "lib" }

            """)
        _ = try tree.write("dyn/PKG-INFO", "Metadata-Version: 2.2\nName: dyn\nVersion: 0.7\nRequires-Dist: libdep\n\n")
        _ = try tree.write("dyn/_backend/suv_fixture_backend.py", backend)
        _ = try tree.write("dyn/lib/pyproject.toml", """
            [project]
            name = "libdep"
            dynamic = ["version", "dependencies"]

            \(buildSystem)

            """)
        _ = try tree.write("dyn/lib/PKG-INFO", "Metadata-Version: 2.2\nName: libdep\nVersion: 1.5\nRequires-Dist: alpha\n\n")
        _ = try tree.write("dyn/lib/_backend/suv_fixture_backend.py", backend)
        let directory = tree.path("dyn")
        let index = server.url("/simple")

        let lock = await runSuv(["lock", "--directory", directory, "--index-url", index], environment: environment)
        #expect(lock.status == 0, "\(lock.stderr)")
        let text = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
        #expect(text.hasSuffix("""
            [[package]]
            name = "dyn"
            source = { editable = "." }
            dependencies = [
                { name = "libdep" },
            ]

            [package.metadata]
            requires-dist = [{ name = "libdep", directory = "lib" }]

            [[package]]
            name = "libdep"
            source = { directory = "lib" }
            dependencies = [
                { name = "alpha" },
            ]

            [package.metadata]
            requires-dist = [{ name = "alpha" }]

            """), "\(text)")

        let sync = await runSuv(["sync", "--directory", directory, "--index-url", index, "--locked"], environment: environment)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stderr.hasSuffix("""
             + alpha==1.1
             + dyn==0.7 (from file://\(directory))
             + libdep==1.5 (from file://\(directory)/lib)

            """), "\(sync.stderr)")
        let again = await runSuv(["sync", "--directory", directory, "--index-url", index, "--locked"], environment: environment)
        #expect(again.stderr.contains("Checked 3 packages in "), "\(again.stderr)")
    }

    @Test func requiresDistSplitsIntoDependenciesAndExtras() throws {
        let requirements = try [
            "alpha>=1", "beta; python_version < '3.11'", "gamma; extra == 'fast'",
            "delta; (sys_platform == 'linux') and extra == 'fast'", "eta; extra == 'docs' or extra == 'fast'",
        ].map { try Requirement(parsing: $0) }
        let split = DynamicProjectMetadata.split(requirements, extras: ["fast", "docs", "unused"])
        #expect(split.dependencies.map(\.description) == ["alpha>=1", #"beta; python_version < "3.11""#])
        #expect(split.optional.map(\.extra) == ["fast", "docs"])
        #expect(split.optional[0].requirements.map(\.description) == ["gamma", #"delta; sys_platform == "linux""#, "eta"])
        #expect(split.optional[1].requirements.map(\.description) == ["eta"])
    }
}
