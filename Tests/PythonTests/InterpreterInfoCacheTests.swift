import Foundation
import Python
import Testing

@Suite("InterpreterInfoCache", .timeLimit(.minutes(2)))
struct InterpreterInfoCacheTests {
    /// A cache in `directory/cache` over a counting wrapper around the real runner.
    func makeCache(in directory: String) -> (InterpreterInfoCache, CountingRunner) {
        let counting = CountingRunner(SubprocessRunner())
        let query = InterpreterQuery(runner: counting, timeout: .seconds(30))
        return (InterpreterInfoCache(directory: directory + "/cache", interpreterQuery: query), counting)
    }

    /// A virtual environment whose `bin/python` is a copy (not a link), so the test may touch it.
    func copiedVenv(in directory: String) async throws -> String {
        let python = try TestPythons.require("3.12")
        let venv = directory + "/venv"
        let created = try await SubprocessRunner().run(ProcessInvocation(
            executable: python,
            arguments: ["-m", "venv", "--without-pip", "--copies", venv],
            timeout: .seconds(60)
        ))
        try #require(created.termination.isSuccess, "venv creation failed: \(created.standardErrorText)")
        return venv + "/bin/python"
    }

    /// Moves the file's modification time back by `seconds` (the size stays the same).
    func touch(_ path: String, back seconds: TimeInterval) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let modified = try #require(attributes[.modificationDate] as? Date)
        try FileManager.default.setAttributes(
            [.modificationDate: modified.addingTimeInterval(-seconds)], ofItemAtPath: path
        )
    }

    @Test(TestPythons.installed("3.12")) func secondQueryIsServedFromTheCache() async throws {
        let python = try TestPythons.require("3.12")
        try await withTemporaryDirectory { directory in
            let (cache, counting) = makeCache(in: directory)
            let first = try await cache.query(executable: python)
            let second = try await cache.query(executable: python)
            #expect(counting.count == 1)
            #expect(first == second)
            #expect(second.markers.pythonVersion == "3.12")

            // A fresh cache over the same folder reads the entry from disk.
            let (reopened, recounted) = makeCache(in: directory)
            #expect(try await reopened.query(executable: python) == first)
            #expect(recounted.count == 0)
            #expect(FileManager.default.fileExists(atPath: cache.entryPath(for: python)))
        }
    }

    @Test func entryFileIsNamedAfterTheAbsolutePath() async throws {
        try await withTemporaryDirectory { directory in
            let cache = InterpreterInfoCache(directory: directory)
            let path = "/opt/python/bin/python3"
            #expect(cache.entryPath(for: path) == directory + "/" + FNV1a.hex64(path) + ".json")
            let cwd = FileManager.default.currentDirectoryPath
            #expect(cache.entryPath(for: "./bin/python") == cache.entryPath(for: cwd + "/bin/python"))
        }
    }

    @Test(TestPythons.installed("3.12")) func changedModificationTimeOfTheSymlinkTargetInvalidates() async throws {
        try await withTemporaryDirectory { directory in
            let python = try await copiedVenv(in: directory)
            let link = directory + "/python-link"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: python)
            let (cache, counting) = makeCache(in: directory)

            _ = try await cache.query(executable: python)
            _ = try await cache.query(executable: link)
            #expect(counting.count == 2)
            _ = try await cache.query(executable: python)
            _ = try await cache.query(executable: link)
            #expect(counting.count == 2)

            // The link itself is untouched; only the file it resolves to changes.
            try touch(python, back: 3600)
            _ = try await cache.query(executable: link)
            #expect(counting.count == 3)
            _ = try await cache.query(executable: python)
            #expect(counting.count == 4)
            _ = try await cache.query(executable: link)
            _ = try await cache.query(executable: python)
            #expect(counting.count == 4)
        }
    }

    @Test(TestPythons.installed("3.12")) func corruptEntryIsReplaced() async throws {
        let python = try TestPythons.require("3.12")
        try await withTemporaryDirectory { directory in
            let (cache, counting) = makeCache(in: directory)
            try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
            let entry = cache.entryPath(for: python)
            try writeFile(entry, "{ this is not json")

            let info = try await cache.query(executable: python)
            #expect(counting.count == 1)
            let stored = try String(contentsOfFile: entry, encoding: .utf8)
            #expect(stored.contains("\"python_version\":\"3.12\""))
            #expect(try await cache.query(executable: python) == info)
            #expect(counting.count == 1)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.directory)
            #expect(leftovers == [(entry as NSString).lastPathComponent], "no temporary files remain")
        }
    }

    @Test(TestPythons.installed("3.12")) func entryForAnotherPathIsIgnored() async throws {
        let python = try TestPythons.require("3.12")
        try await withTemporaryDirectory { directory in
            let (cache, counting) = makeCache(in: directory)
            _ = try await cache.query(executable: python)
            // Pretend a hash collision: the entry for `python` claims another executable.
            let entry = cache.entryPath(for: python)
            let text = try String(contentsOfFile: entry, encoding: .utf8)
            try writeFile(entry, text.replacingOccurrences(of: "\"executable\":\"", with: "\"executable\":\"/elsewhere"))
            _ = try await cache.query(executable: python)
            #expect(counting.count == 2)
        }
    }

    @Test(TestPythons.installed("3.12")) func wrapperScriptIsNotCached() async throws {
        let python = try TestPythons.require("3.12")
        try await withTemporaryDirectory { directory in
            let shim = directory + "/python-shim"
            try writeFile(shim, "#!/bin/sh\nexec '\(python)' \"$@\"\n", permissions: 0o755)
            let (cache, counting) = makeCache(in: directory)
            let info = try await cache.query(executable: shim)
            #expect(info.executable == python)
            _ = try await cache.query(executable: shim)
            #expect(counting.count == 2)
            #expect(!FileManager.default.fileExists(atPath: cache.entryPath(for: shim)))
        }
    }

    @Test func nonexistentPathFailsWithoutRunning() async throws {
        try await withTemporaryDirectory { directory in
            let (cache, counting) = makeCache(in: directory)
            let path = directory + "/missing/python3"
            await #expect(throws: InterpreterQueryError.notFound(path: path)) {
                _ = try await cache.query(executable: path)
            }
            #expect(counting.count == 0)
        }
    }

    @Test func brokenSymlink() async throws {
        try await withTemporaryDirectory { directory in
            let (cache, counting) = makeCache(in: directory)
            let link = directory + "/python"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory + "/gone")
            let error = await #expect(throws: InterpreterQueryError.self) {
                _ = try await cache.query(executable: link)
            }
            #expect(error == .brokenSymlink(path: link))
            #expect(error?.message == "Broken symlink at `\(link)`, was the underlying Python interpreter removed?")
            #expect(counting.count == 0)
        }
    }

    @Test func notExecutable() async throws {
        try await withTemporaryDirectory { directory in
            let (cache, counting) = makeCache(in: directory)
            let file = directory + "/python"
            try writeFile(file, "#!/bin/sh\n", permissions: 0o644)
            await #expect(throws: InterpreterQueryError.notExecutable(path: file)) {
                _ = try await cache.query(executable: file)
            }
            await #expect(throws: InterpreterQueryError.notExecutable(path: directory)) {
                _ = try await cache.query(executable: directory)
            }
            #expect(counting.count == 0)
        }
    }

    @Test func failingInterpreterIsNotCached() async throws {
        try await withTemporaryDirectory { directory in
            let script = directory + "/python"
            try writeFile(script, "#!/bin/sh\necho 'Fatal Python error: init failed' >&2\nexit 1\n", permissions: 0o755)
            let (cache, counting) = makeCache(in: directory)
            for _ in 0 ..< 2 {
                await #expect(throws: InterpreterQueryError.failed(
                    path: script, termination: .exited(1), stdout: "", stderr: "Fatal Python error: init failed"
                )) {
                    _ = try await cache.query(executable: script)
                }
            }
            #expect(counting.count == 2)
        }
    }

    @Test(TestPythons.installed("3.12")) func unwritableCacheDirectory() async throws {
        let python = try TestPythons.require("3.12")
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/cache", "a file where the folder should be")
            let (cache, _) = makeCache(in: directory)
            let error = await #expect(throws: InterpreterQueryError.self) {
                _ = try await cache.query(executable: python)
            }
            guard case .cacheWriteFailed(let path, _, _)? = error else {
                Issue.record("unexpected \(String(describing: error))")
                return
            }
            #expect(path == python)
        }
    }
}
