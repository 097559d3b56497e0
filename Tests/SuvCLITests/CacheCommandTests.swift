import Console
import Foundation
import SuvCLI
import Testing

/// `suv cache dir|clean|prune`, checked against uv 0.13.9's output for the same situations.
/// Every test points the cache at a fresh temporary folder; the real `~/.cache` is never used.
@Suite struct CacheCommandTests {
    /// A temporary folder removed at the end of the test.
    final class Scratch: @unchecked Sendable {
        let path: String

        init() {
            var base = NSTemporaryDirectory()
            while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
            path = base + "/suv-cli-cache-" + UUID().uuidString
            try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        @discardableResult
        func write(_ relative: String, bytes: Int = 1) -> String {
            let file = path + "/" + relative
            try! FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true
            )
            try! Data(repeating: 120, count: bytes).write(to: URL(fileURLWithPath: file))
            return file
        }

        func exists(_ relative: String) -> Bool {
            FileManager.default.fileExists(atPath: path + "/" + relative)
        }

        func allocated(_ relatives: [String]) -> UInt64 {
            relatives.map { relative -> UInt64 in
                var info = stat()
                return lstat(path + "/" + relative, &info) == 0 ? UInt64(info.st_blocks) * 512 : 0
            }.reduce(0, +)
        }
    }

    // MARK: cache dir

    @Test func dirPrintsTheFlag() async {
        let result = await runSuv(["cache", "dir", "--cache-dir", "/flag/cache"], environment: ["SUV_CACHE_DIR": "/suv", "HOME": "/h"])
        #expect(result.status == 0)
        #expect(result.stdout == "/flag/cache\n")
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [
        (["SUV_CACHE_DIR": "/suv", "UV_CACHE_DIR": "/uv", "XDG_CACHE_HOME": "/xdg", "HOME": "/h"], "/suv"),
        (["UV_CACHE_DIR": "/uv", "XDG_CACHE_HOME": "/xdg", "HOME": "/h"], "/uv"),
        (["XDG_CACHE_HOME": "/xdg", "HOME": "/h"], "/xdg/suv"),
        (["XDG_CACHE_HOME": "relative", "HOME": "/h"], "/h/.cache/suv"),
        (["HOME": "/h"], "/h/.cache/suv"),
    ])
    func dirFollowsThePrecedence(_ environment: [String: String], _ expected: String) async {
        let result = await runSuv(["cache", "dir"], environment: environment)
        #expect(result.stdout == expected + "\n")
    }

    @Test func dirKeepsARelativePathAsGiven() async {
        // uv 0.13.9: `uv cache dir --cache-dir rel` prints `rel`.
        let result = await runSuv(["cache", "dir", "--cache-dir", "rel"], environment: [:])
        #expect(result.stdout == "rel\n")
    }

    @Test func dirWithoutAnyLocationIsAnError() async {
        let result = await runSuv(["cache", "dir"], environment: [:])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: Failed to determine the cache directory"))
    }

    @Test func noCacheUsesATemporaryDirectoryRemovedAtExit() async throws {
        let scratch = Scratch()
        let result = await runSuv(["cache", "dir", "--no-cache"], environment: ["TMPDIR": scratch.path, "HOME": "/h"])
        #expect(result.status == 0)
        let printed = result.stdout.trimmingCharacters(in: .newlines)
        #expect(printed.hasPrefix(scratch.path + "/suv-cache-"))
        #expect(!FileManager.default.fileExists(atPath: printed))
        let viaVariable = await runSuv(["cache", "dir"], environment: ["TMPDIR": scratch.path, "UV_NO_CACHE": "1"])
        #expect(viaVariable.stdout.hasPrefix(scratch.path + "/suv-cache-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    // MARK: cache clean

    @Test func cleanWithoutACache() async {
        let scratch = Scratch()
        let cache = scratch.path + "/cache"
        let result = await runSuv(["cache", "clean"], environment: ["SUV_CACHE_DIR": cache])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "No cache found at: \(cache)\n")
        #expect(!scratch.exists("cache"))
    }

    @Test func cleanAnEmptyCache() async {
        let scratch = Scratch()
        try? FileManager.default.createDirectory(atPath: scratch.path + "/cache", withIntermediateDirectories: true)
        let result = await runSuv(["cache", "clean"], environment: ["SUV_CACHE_DIR": scratch.path + "/cache"])
        #expect(result.stderr == "Clearing cache at: \(scratch.path)/cache\nNo cache entries found\n")
        // Like uv, the lock file stays behind.
        #expect(scratch.exists("cache/.lock"))
    }

    @Test func cleanRemovesEverything() async {
        let scratch = Scratch()
        let files = ["cache/CACHEDIR.TAG", "cache/simple-v0/idx/flask.json", "cache/wheels-v0/idx/flask/a.whl"]
        for file in files { scratch.write(file, bytes: 5000) }
        let bytes = scratch.allocated(files)
        let result = await runSuv(["cache", "clean"], environment: ["SUV_CACHE_DIR": scratch.path + "/cache"])
        #expect(result.status == 0)
        let size = bytes == 3 * 8192 ? "24.0KiB" : nil
        #expect(result.stderr.hasPrefix("Clearing cache at: \(scratch.path)/cache\nRemoved 3 files ("))
        if let size { #expect(result.stderr.hasSuffix("(\(size))\n")) }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/cache")) == [".lock"])
    }

    @Test func cleanPackagesPrintsOnlyTheSummary() async {
        let scratch = Scratch()
        scratch.write("cache/simple-v0/idx/flask.json")
        scratch.write("cache/simple-v0/idx/flask.json.http.json")
        scratch.write("cache/simple-v0/idx/six.json")
        let result = await runSuv(["cache", "clean", "Flask", "nothing"], environment: ["SUV_CACHE_DIR": scratch.path + "/cache"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("Removed 2 files ("))
        #expect(!result.stderr.contains("Clearing"))
        #expect(scratch.exists("cache/simple-v0/idx/six.json"))
        #expect(!scratch.exists("cache/simple-v0/idx/flask.json"))
        let again = await runSuv(["cache", "clean", "flask"], environment: ["SUV_CACHE_DIR": scratch.path + "/cache"])
        #expect(again.stderr == "No cache entries found\n")
    }

    @Test func cleanRejectsInvalidPackageNames() async {
        let result = await runSuv(["cache", "clean", "Bad Name!"], environment: ["HOME": "/h"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(
            "error: invalid value 'Bad Name!' for '[PACKAGE]...': Not a valid package or extra name: \"Bad Name!\". Names must start and end with a letter or digit and may only contain -, _, ., and alphanumeric characters.\n"
        ))
    }

    @Test func cleanWithNoCacheFindsNothing() async {
        let scratch = Scratch()
        let result = await runSuv(["cache", "clean", "--no-cache"], environment: ["TMPDIR": scratch.path])
        #expect(result.stderr.hasPrefix("Clearing cache at: \(scratch.path)/suv-cache-"))
        #expect(result.stderr.hasSuffix("\nNo cache entries found\n"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) == [])
    }

    @Test func quietHidesTheMessages() async {
        let scratch = Scratch()
        scratch.write("cache/simple-v0/idx/flask.json")
        let result = await runSuv(["-q", "cache", "clean"], environment: ["SUV_CACHE_DIR": scratch.path + "/cache"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(!scratch.exists("cache/simple-v0"))
    }

    @Test func aBusyCacheIsWaitedForUnlessForced() async throws {
        let scratch = Scratch()
        scratch.write("cache/simple-v0/idx/flask.json")
        let lockPath = scratch.path + "/cache/.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o666)
        #expect(flock(fd, LOCK_SH) == 0)
        let forced = await runSuv(["cache", "clean", "--force"], environment: ["SUV_CACHE_DIR": scratch.path + "/cache"])
        #expect(forced.stderr.hasPrefix("Clearing cache at: "))
        scratch.write("cache/simple-v0/idx/flask.json")
        let err = MemorySink()
        let environment = ["SUV_CACHE_DIR": scratch.path + "/cache"]
        let waiting = Task {
            await SuvCLI.main(
                arguments: ["cache", "prune"], environment: environment,
                printer: Printer(stdout: MemorySink(), stderr: err)
            )
        }
        // Release the lock only once suv says it is waiting (bounded).
        for _ in 0..<500 where !err.contents.contains("waiting") {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        close(fd)
        #expect(await waiting.value == 0)
        #expect(err.contents.hasPrefix(
            "Cache is currently in-use, waiting for other suv processes to finish (use `--force` to override)\nPruning cache at: "
        ))
    }

    // MARK: cache prune

    @Test func pruneWithoutACache() async {
        let scratch = Scratch()
        let result = await runSuv(["cache", "prune"], environment: ["SUV_CACHE_DIR": scratch.path + "/none"])
        #expect(result.stderr == "No cache found at: \(scratch.path)/none\n")
    }

    @Test func pruneWithNothingUnused() async {
        let scratch = Scratch()
        scratch.write("cache/simple-v0/idx/flask.json")
        let result = await runSuv(["cache", "prune", "--ci"], environment: ["SUV_CACHE_DIR": scratch.path + "/cache"])
        #expect(result.status == 0)
        #expect(result.stderr == "Pruning cache at: \(scratch.path)/cache\nNo unused entries found\n")
    }

    @Test func pruneRemovesLeftovers() async {
        let scratch = Scratch()
        scratch.write("cache/simple-v0/idx/flask.json")
        scratch.write("cache/simple-v0/idx/.suv-tmp-abc", bytes: 5000)
        scratch.write("cache/environments-v0/env/pyvenv.cfg", bytes: 5000)
        let bytes = scratch.allocated(["cache/simple-v0/idx/.suv-tmp-abc", "cache/environments-v0/env/pyvenv.cfg"])
        let result = await runSuv(["cache", "prune"], environment: ["SUV_CACHE_DIR": scratch.path + "/cache"])
        #expect(result.stderr.hasPrefix("Pruning cache at: \(scratch.path)/cache\nRemoved 2 files ("))
        if bytes == 16384 { #expect(result.stderr.hasSuffix("(16.0KiB)\n")) }
        #expect(scratch.exists("cache/simple-v0/idx/flask.json"))
    }

    @Test func pathsInsideTheWorkingDirectoryAreShownRelative() async {
        let cwd = FileManager.default.currentDirectoryPath
        let result = await runSuv(["cache", "clean"], environment: ["SUV_CACHE_DIR": cwd + "/.suv-no-such-cache"])
        #expect(result.stderr == "No cache found at: .suv-no-such-cache\n")
    }
}
