import Foundation
import SuvTestSupport
import Testing

/// Index credentials, from the URL, from `UV_INDEX_<NAME>_USERNAME/PASSWORD` and from netrc, are
/// sent to an index that requires them (HTTP Basic on the loopback server) and appear nowhere
/// else: not in the output of `-v` runs of `lock` and `sync`, not in `uv.lock` or
/// `pyproject.toml`, not in the cache's file names. (The server's fault spec puts the password
/// in the index's path, `/_fault/auth=alice:<password>/`; that path is masked before looking.)
@Suite struct SecretsTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-secrets")
    }

    enum Source: String, CaseIterable, Sendable {
        case url, environment, netrc
    }

    static let password = "s3cret-Pw"

    /// `text` without the loopback server's fault spec, which holds the password in the index's
    /// path (`/_fault/auth=alice:<password>/`): what is left must not hold it.
    func withoutSpec(_ text: String) -> String {
        text.replacingOccurrences(of: "auth=alice:\(Self.password)", with: "auth=…")
    }

    /// Every path below `root`, relative.
    func names(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
    }

    @Test(arguments: Source.allCases)
    func credentialsAreUsedAndNeverShown(from source: Source) async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let index = server.url("/simple/", fault: "auth=alice:\(Self.password)")
        let written = switch source {
        case .url: index.replacingOccurrences(of: "http://", with: "http://alice:\(Self.password)@")
        case .environment, .netrc: index
        }
        // The environment's variables name the index `private`; the others need no declaration.
        let declaration = source == .environment ? "\n[[tool.uv.index]]\nname = \"private\"\nurl = \"\(index)\"\n" : ""
        _ = try tree.write("app/pyproject.toml", """
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = ">=3.10"
            dependencies = ["beta"]
            \(declaration)
            """)
        let directory = tree.path("app")
        var environment = projectEnvironment(tree)
        var arguments = ["--directory", directory, "--python", "3.12", "-v"]
        switch source {
        case .url:
            arguments += ["--default-index", written]
        case .environment:
            environment["UV_INDEX_PRIVATE_USERNAME"] = "alice"
            environment["UV_INDEX_PRIVATE_PASSWORD"] = Self.password
            arguments += ["--default-index", index]
        case .netrc:
            _ = try tree.write("netrc", "machine 127.0.0.1\n  login alice\n  password \(Self.password)\n")
            environment["NETRC"] = tree.path("netrc")
            arguments += ["--default-index", index]
        }
        let pyprojectBefore = try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8)

        let locked = await runSuv(["lock"] + arguments, environment: environment)
        #expect(locked.status == 0, "\(source): \(locked.stderr)")
        let synced = await runSuv(["sync"] + arguments, environment: environment)
        #expect(synced.status == 0, "\(source): \(synced.stderr)")
        #expect(synced.stderr.contains(" + beta=="), "\(source): \(synced.stderr)")
        // `-v` logs requests and indexes: never the password.
        #expect(locked.stderr.contains("DEBUG") || synced.stderr.contains("DEBUG"), "\(source): no -v output")
        for output in [locked.stdout, locked.stderr, synced.stdout, synced.stderr] {
            #expect(!withoutSpec(output).contains(Self.password), "\(source): \(output)")
        }
        let lock = try String(contentsOfFile: directory + "/uv.lock", encoding: .utf8)
        #expect(!withoutSpec(lock).contains(Self.password) && !lock.contains("alice:\(Self.password)@"), "\(source): \(lock)")
        #expect(try String(contentsOfFile: directory + "/pyproject.toml", encoding: .utf8) == pyprojectBefore)
        let cached = names(tree.path("cache")).filter { withoutSpec($0).contains(Self.password) || $0.contains("alice:") }
        #expect(cached.isEmpty, "\(source): \(cached)")
        let installed = names(directory + "/.venv").filter { $0.contains(Self.password) }
        #expect(installed.isEmpty)
    }
}
