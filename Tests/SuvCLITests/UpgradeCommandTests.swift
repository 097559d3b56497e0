import Foundation
import SuvTestSupport
import Testing

/// `suv upgrade` (beyond uv) on the fixture index: lower bounds raised to what an upgraded
/// lock holds, every other byte of `pyproject.toml` kept, `--dry-run` writing nothing.
@Suite(.serialized) struct UpgradeCommandTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-upgrade")
    }

    var environment: [String: String] {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        return [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home,
            "XDG_CONFIG_HOME": tree.path("config"), "UV_CACHE_DIR": tree.path("cache"), "PIP_CONFIG_FILE": "/dev/null",
            "UV_PYTHON": home + "/.pyenv/versions/3.12.1/bin/python3.12", "NO_COLOR": "1",
        ]
    }

    static let original = """
        [project]
        name = "upg"
        version = "0.1.0"
        requires-python = ">=3.12"
        dependencies = ["beta>=1.0,<3", "alpha"]  # kept on one line

        [dependency-groups]
        dev = ["gamma>=0.5"]

        """

    @Test func raisesLowerBoundsInPlace() async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let directory = tree.path("upg")
        let pyproject = try tree.write("upg/pyproject.toml", Self.original)
        func suv(_ arguments: [String]) async -> CLIResult {
            await runSuv(arguments + ["--directory", directory, "--index-url", server.url("/simple"), "--no-config"], environment: environment)
        }
        #expect(await suv(["lock", "-q"]).status == 0)
        let lock = FileManager.default.contents(atPath: directory + "/uv.lock")

        let dry = await suv(["upgrade", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stderr.hasSuffix("Would update beta>=1.0,<3 -> beta>=2.0,<3\nWould update gamma>=0.5 -> gamma>=1.0\n"), "\(dry.stderr)")
        #expect(try String(contentsOfFile: pyproject, encoding: .utf8) == Self.original)
        #expect(FileManager.default.contents(atPath: directory + "/uv.lock") == lock)

        let only = await suv(["upgrade", "gamma", "--no-sync"])
        #expect(only.status == 0, "\(only.stderr)")
        #expect(try String(contentsOfFile: pyproject, encoding: .utf8) == Self.original.replacingOccurrences(of: "gamma>=0.5", with: "gamma>=1.0"))

        let all = await suv(["upgrade"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.contains("Updated beta>=1.0,<3 -> beta>=2.0,<3\n"), "\(all.stderr)")
        #expect(try String(contentsOfFile: pyproject, encoding: .utf8) == Self.original
            .replacingOccurrences(of: "gamma>=0.5", with: "gamma>=1.0").replacingOccurrences(of: "beta>=1.0,<3", with: "beta>=2.0,<3"))
        #expect(try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8).contains("{ name = \"beta\", specifier = \">=2.0,<3\" }"))
        #expect(all.stderr.contains(" + beta==2.0\n"), "\(all.stderr)")

        let again = await suv(["upgrade"])
        #expect(again.stderr.contains("All lower bounds are up to date\n"), "\(again.stderr)")
    }
}
