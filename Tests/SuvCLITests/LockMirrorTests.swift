import Foundation
import SuvTestSupport
import Testing

/// Mirror-transparent locks (`docs/mirrors.md`): the loopback fixture server plays a mirror of
/// `https://index.example/` (the address the committed golden locks name), so a lock resolved
/// through it must come out as the golden file, byte for byte, and `--check` must accept the
/// golden file exactly when the mirror is declared. `.example` names never resolve, so a test
/// that reached the canonical index would fail.
@Suite(.serialized) struct LockMirrorTests {
    let server: LocalIndexServer
    let tree: TemporaryTree

    init() throws {
        server = try LocalIndexServer(root: try FixtureIndex.url().path)
        tree = try TemporaryTree(prefix: "suv-lock-mirror")
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": tree.path("home"),
            "XDG_CONFIG_HOME": tree.path("config"),
            "UV_CACHE_DIR": tree.path("cache"),
            "PIP_CONFIG_FILE": "/dev/null",
            "NO_COLOR": "1",
        ]
        for (key, value) in extra { variables[key] = value }
        return variables
    }

    /// The mirror's root: the fixture server, through the HTML-only switch for the cases uv
    /// locked against HTML pages.
    func mirrorRoot(_ name: String) -> String {
        let htmlOnly = RepositoryPaths.fixtures.appendingPathComponent("locks/\(name)/html-only").path
        return FileManager.default.fileExists(atPath: htmlOnly) ? server.url("/_fault/html-only/") : server.url("/")
    }

    func fixture(_ name: String, _ file: String) throws -> String {
        String(decoding: try Data(contentsOf: RepositoryPaths.fixtures.appendingPathComponent("locks/\(name)/\(file)")), as: UTF8.self)
    }

    /// A scratch copy of a golden case's `pyproject.toml` (plus `extra` appended); its path.
    func project(_ name: String, appending extra: String = "", folder: String? = nil) throws -> String {
        let folder = folder ?? name
        _ = try tree.write("\(folder)/pyproject.toml", try fixture(name, "pyproject.toml") + extra)
        return tree.path(folder)
    }

    func lockText(_ directory: String) -> String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: directory + "/uv.lock"))) ?? Data(), as: UTF8.self)
    }

    func suv(_ arguments: [String], in directory: String, _ variables: [String: String] = [:]) async -> CLIResult {
        await runSuv(["lock", "--directory", directory] + arguments, environment: environment(variables))
    }

    @Test(arguments: ["simple-app", "packaged", "markers"])
    func aDeclaredMirrorWritesTheCanonicalLock(_ name: String) async throws {
        let mirror = mirrorRoot(name)
        let rule = ["SUV_INDEX_MIRRORS": "https://index.example/=\(mirror)"]
        let directory = try project(name)
        let written = await suv(["--index-url", mirror + "simple/"], in: directory, rule)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(lockText(directory) == (try fixture(name, "uv.lock")))

        // The golden lock itself (uv's bytes) is up to date through the declared mirror...
        let checked = try project(name, folder: "\(name)-check")
        _ = try tree.write("\(name)-check/uv.lock", try fixture(name, "uv.lock"))
        let check = await suv(["--check", "--index-url", mirror + "simple/"], in: checked, rule)
        #expect(check.status == 0, "\(check.stderr)")
        let locked = await suv(["--locked", "--index-url", mirror + "simple/"], in: checked, rule)
        #expect(locked.status == 0, "\(locked.stderr)")
        // ... and not without the declaration, with uv's message.
        let undeclared = await suv(["--check", "--index-url", mirror + "simple/"], in: checked)
        #expect(undeclared.status == 1)
        #expect(undeclared.stderr.hasSuffix("""
            error: The lockfile at `uv.lock` needs to be updated, but `--check` was provided.

            hint: To update the lockfile, run `uv lock`.

            """))
        #expect(lockText(checked) == (try fixture(name, "uv.lock")))
    }

    @Test func mirrorOfOnAProjectIndexNeedsARuleForTheFiles() async throws {
        let mirror = mirrorRoot("simple-app")
        let directory = try project("simple-app", appending: """

            [[tool.uv.index]]
            name = "corp"
            url = "\(mirror)simple/"
            default = true
            mirror-of = "https://index.example/simple/"

            """)
        let refused = await suv([], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains(
            "error: The mirror of `https://index.example/simple/` served `alpha-1.1.tar.gz` (alpha==1.1) at `\(mirror)files/alpha-1.1.tar.gz`, which no mirror rule maps to a canonical URL\n"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("hint: A lock that names `https://index.example/simple/` must also name the canonical location of its files."))
        #expect(!FileManager.default.fileExists(atPath: directory + "/uv.lock"))

        let files = ["SUV_INDEX_MIRRORS": "https://index.example/files/=\(mirror)files/"]
        let written = await suv([], in: directory, files)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(lockText(directory) == (try fixture("simple-app", "uv.lock")))
        #expect(await suv(["--check"], in: directory, files).status == 0)
        // Re-resolving with only `mirror-of`: files the mirror serves at uncovered URLs keep the
        // canonical URLs the existing lock records for the same name and hash.
        let upgraded = await suv(["--upgrade"], in: directory)
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(lockText(directory) == (try fixture("simple-app", "uv.lock")))
    }

    @Test func aCommittedCanonicalIndexIsFetchedThroughTheMirror() async throws {
        let mirror = mirrorRoot("simple-app")
        let directory = try project("simple-app", appending: """

            [[tool.uv.index]]
            url = "https://index.example/simple/"
            default = true

            """)
        let rule = ["SUV_INDEX_MIRRORS": "https://index.example/=\(mirror)"]
        let result = await suv(["-v"], in: directory, rule)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("DEBUG Mirror: https://index.example/ -> \(mirror) (from `SUV_INDEX_MIRRORS`)\n"))
        #expect(lockText(directory) == (try fixture("simple-app", "uv.lock")))
        #expect(await suv(["--check"], in: directory, rule).status == 0)
    }

    @Test func aMirrorsFileDeclaresTheRule() async throws {
        let mirror = mirrorRoot("simple-app")
        _ = try tree.write("config/suv/mirrors.toml", """
            [[mirror]]
            canonical = "https://index.example/"
            url = "\(mirror)"
            """)
        let directory = try project("simple-app")
        _ = try tree.write("simple-app/uv.lock", try fixture("simple-app", "uv.lock"))
        #expect(await suv(["--check", "--index-url", mirror + "simple/"], in: directory).status == 0)
        #expect(await suv(["--check", "--no-config", "--index-url", mirror + "simple/"], in: directory).status == 1)
    }
}
