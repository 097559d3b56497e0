import Foundation
import Glibc
import SuvTestSupport
import Testing

/// `tool.uv.sources` `{ index = "name" }`: the package comes from that (explicit) index only,
/// the lock records the index with the specifier, as uv 0.13.9 does.
@Suite(.serialized) struct IndexSourceTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-index-source")
    }

    var environment: [String: String] { projectEnvironment(tree) }

    func project(index: String, server: LocalIndexServer) throws -> String {
        _ = try tree.write("ix/pyproject.toml", """
            [project]
            name = "ix"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = ["beta>=1.0", "gamma"]

            [[tool.uv.index]]
            name = "other"
            url = "\(server.url("/no-metadata/simple"))"
            explicit = true

            [[tool.uv.index]]
            name = "main"
            url = "\(server.url("/simple"))"
            default = true

            [tool.uv.sources]
            beta = { index = "\(index)" }

            """)
        return tree.path("ix")
    }

    @Test func pinsAPackageToAnExplicitIndex() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let directory = try project(index: "other", server: server)
        let lock = await runSuv(["lock", "--directory", directory], environment: environment)
        #expect(lock.status == 0, "\(lock.stderr)")
        let text = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
        let other = server.url("/no-metadata/simple"), main = server.url("/simple")
        #expect(text.contains("""
            name = "beta"
            version = "2.0"
            source = { registry = "\(other)" }
            """), "\(text)")
        #expect(text.contains(#"{ name = "beta", specifier = ">=1.0", index = "\#(other)" },"#), "\(text)")
        // alpha (beta's dependency) and gamma are not pinned: they come from the default index.
        #expect(text.contains("name = \"alpha\"\nversion = \"1.1\"\nsource = { registry = \"\(main)\" }"), "\(text)")
        #expect(text.contains("name = \"gamma\"\nversion = \"1.0\"\nsource = { registry = \"\(main)\" }"), "\(text)")

        let check = await runSuv(["lock", "--directory", directory, "--check"], environment: environment)
        #expect(check.status == 0, "\(check.stderr)")
        let sync = await runSuv(["sync", "--directory", directory], environment: environment)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stderr.hasSuffix(" + alpha==1.1\n + beta==2.0\n + gamma==1.0\n"), "\(sync.stderr)")
    }

    @Test func anUndeclaredIndexIsRefused() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let directory = try project(index: "nope", server: server)
        let lock = await runSuv(["lock", "--directory", directory], environment: environment)
        #expect(lock.status == 2)
        #expect(lock.stderr.contains("Failed to parse entry: `beta`"), "\(lock.stderr)")
        #expect(lock.stderr.contains("Package `beta` references an undeclared index: `nope`"), "\(lock.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/uv.lock"))
    }
}
