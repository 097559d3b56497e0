import Glibc
import Cache
import Foundation
import Testing

@Suite struct CacheLockTests {
    @Test func exclusiveExcludesAnotherOpenFileDescription() throws {
        // flock locks belong to an open file description: two opens in one process conflict
        // just as two processes do.
        let directory = TestDirectory()
        let path = directory.at("entry.lock")
        let held = try #require(try CacheLock.tryAcquire(path, mode: .exclusive))
        #expect(held.isHeld)
        #expect(try CacheLock.tryAcquire(path, mode: .exclusive) == nil)
        #expect(try CacheLock.tryAcquire(path, mode: .shared) == nil)
        held.release()
        #expect(!held.isHeld)
        #expect(try CacheLock.tryAcquire(path, mode: .exclusive) != nil)
    }

    /// A folder locked through its own descriptor: exclusive against another open of it,
    /// nothing created inside, and a rename inside it changes nothing; a missing folder or a
    /// file is an error.
    @Test func aFolderIsLockedWithoutCreatingAnything() throws {
        let directory = TestDirectory()
        let folder = directory.at("project")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/pyproject.toml", contents: Data("a".utf8))
        let held = try #require(try CacheLock.tryAcquire(directory: folder, mode: .exclusive))
        #expect(try CacheLock.tryAcquire(directory: folder, mode: .exclusive) == nil)
        #expect(try CacheLock.tryAcquire(directory: folder, mode: .shared) == nil)
        FileManager.default.createFile(atPath: folder + "/pyproject.toml.tmp", contents: Data("b".utf8))
        #expect(rename(folder + "/pyproject.toml.tmp", folder + "/pyproject.toml") == 0)
        #expect(try CacheLock.tryAcquire(directory: folder, mode: .exclusive) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pyproject.toml"])
        held.release()
        #expect(try CacheLock.tryAcquire(directory: folder, mode: .exclusive) != nil)
        #expect(throws: CacheError.self) { try CacheLock.tryAcquire(directory: directory.at("missing"), mode: .exclusive) }
        #expect(throws: CacheError.self) { try CacheLock.tryAcquire(directory: folder + "/pyproject.toml", mode: .exclusive) }
    }

    @Test func sharedLocksCoexistAndExcludeExclusive() throws {
        let directory = TestDirectory()
        let path = directory.at("entry.lock")
        let first = try #require(try CacheLock.tryAcquire(path, mode: .shared))
        let second = try #require(try CacheLock.tryAcquire(path, mode: .shared))
        #expect(try CacheLock.tryAcquire(path, mode: .exclusive) == nil)
        first.release()
        #expect(try CacheLock.tryAcquire(path, mode: .exclusive) == nil)
        second.release()
        #expect(try CacheLock.tryAcquire(path, mode: .exclusive) != nil)
    }

    @Test func deinitReleases() throws {
        let directory = TestDirectory()
        let path = directory.at("entry.lock")
        do {
            let lock = try CacheLock.tryAcquire(path, mode: .exclusive)
            #expect(lock != nil)
        }
        // A child process that other tests start at this moment holds a copy of the descriptor
        // between its fork and its exec (close-on-exec applies only at exec), keeping the lock
        // for that instant: wait that out rather than fail.
        var reacquired = try CacheLock.tryAcquire(path, mode: .exclusive)
        let deadline = ContinuousClock.now + .seconds(5)
        while reacquired == nil, ContinuousClock.now < deadline {
            usleep(10_000)
            reacquired = try CacheLock.tryAcquire(path, mode: .exclusive)
        }
        #expect(reacquired != nil)
    }

    @Test func acquireWaitsForTheHolderWithoutBlocking() async throws {
        let directory = TestDirectory()
        let path = directory.at("entry.lock")
        let held = try #require(try CacheLock.tryAcquire(path, mode: .exclusive))
        let contended = Flag()
        let waiter = Task {
            try await CacheLock.acquire(path, mode: .exclusive, onContention: { contended.set() })
        }
        for _ in 0..<500 where !contended.value {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        #expect(contended.value)
        held.release()
        let acquired = try await waiter.value
        #expect(acquired.isHeld)
    }

    @Test func waitingIsCancellable() async throws {
        let directory = TestDirectory()
        let path = directory.at("entry.lock")
        let held = try #require(try CacheLock.tryAcquire(path, mode: .exclusive))
        let waiter = Task { try await CacheLock.acquire(path, mode: .shared) }
        try await Task.sleep(nanoseconds: 20_000_000)
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        held.release()
    }

    @Test func withLockReleasesAfterTheBody() async throws {
        let directory = TestDirectory()
        let path = directory.at("entry.lock")
        let value = try await CacheLock.withLock(path, mode: .exclusive) { () async throws -> Int in
            #expect(try CacheLock.tryAcquire(path, mode: .shared) == nil)
            return 42
        }
        #expect(value == 42)
        #expect(try CacheLock.tryAcquire(path, mode: .exclusive) != nil)
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: CacheError.self) { try CacheLock.tryAcquire("/nonexistent-suv-dir/x.lock", mode: .shared) }
    }

    // MARK: Across processes (util-linux `flock(1)`)

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func anotherProcessCannotTakeAHeldLock() throws {
        let directory = TestDirectory()
        let path = directory.at("entry.lock")
        let held = try #require(try CacheLock.tryAcquire(path, mode: .exclusive))
        #expect(try runFlock(["--nonblock", "--shared", path, "true"]) == 1)
        held.release()
        #expect(try runFlock(["--nonblock", "--exclusive", path, "true"]) == 0)

        let shared = try #require(try CacheLock.tryAcquire(path, mode: .shared))
        #expect(try runFlock(["--nonblock", "--shared", path, "true"]) == 0)
        #expect(try runFlock(["--nonblock", "--exclusive", path, "true"]) == 1)
        shared.release()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func waitsForAnotherProcessToRelease() async throws {
        let directory = TestDirectory()
        let path = directory.at("entry.lock")
        let child = Process()
        let output = Pipe()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // The child says `locked` once it holds the lock, then keeps it for half a second.
        child.arguments = ["--exclusive", path, "/bin/sh", "-c", "echo locked; sleep 0.5"]
        child.standardOutput = output
        try child.run()
        defer { child.waitUntilExit() }
        let line = output.fileHandleForReading.readData(ofLength: 7)
        #expect(String(decoding: line, as: UTF8.self) == "locked\n")
        #expect(try CacheLock.tryAcquire(path, mode: .shared) == nil)
        let lock = try await CacheLock.acquire(path, mode: .exclusive)
        #expect(lock.isHeld)
    }

    private func runFlock(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A thread-safe boolean set from a `@Sendable` callback.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    func set() { lock.withLock { raised = true } }
    var value: Bool { lock.withLock { raised } }
}
