#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// An advisory `flock(2)` lock on a lock file, held until ``release()`` or deinitialization.
///
/// `flock` locks belong to an *open file description*: two suv processes, or two opens of the
/// same file within one process, exclude each other, while the same description never blocks
/// itself. Many holders may share a ``Mode/shared`` lock; an ``Mode/exclusive`` lock excludes
/// every other holder. The lock file is created (empty, mode `0666` before the umask) if needed
/// and never removed, so every process locks the same inode.
///
/// Waiting never blocks a thread of the cooperative pool: ``acquire(_:mode:onContention:)`` tries
/// without blocking and sleeps between attempts with a growing backoff (1 ms doubling to
/// 50 ms), checking for cancellation each time.
public final class CacheLock: Sendable {
    /// How a lock is shared.
    public enum Mode: Sendable, Equatable {
        /// Any number of shared holders; excludes exclusive holders. Readers and writers of
        /// cache entries hold the cache root shared.
        case shared
        /// One holder and no shared holders. `suv cache clean` and `prune` hold the root
        /// exclusively.
        case exclusive

        var operation: Int32 {
            switch self {
            case .shared: LOCK_SH
            case .exclusive: LOCK_EX
            }
        }
    }

    /// The lock file.
    public let path: String
    /// How it is held.
    public let mode: Mode
    /// The open descriptor, or `-1` once released.
    private let descriptor: Mutex<Int32>

    private init(path: String, mode: Mode, descriptor: Int32) {
        self.path = path
        self.mode = mode
        self.descriptor = Mutex(descriptor)
    }

    deinit {
        release()
    }

    /// Whether the lock is still held.
    public var isHeld: Bool {
        descriptor.withLock { $0 >= 0 }
    }

    /// Releases the lock (closing the descriptor releases it). Calling it again does nothing.
    public func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            close(fd)
            fd = -1
        }
    }

    /// Takes the lock if it is free right now.
    ///
    /// - Returns: the held lock, or `nil` when another holder conflicts.
    /// - Throws: ``CacheError`` when the lock file cannot be created or locked.
    public static func tryAcquire(_ path: String, mode: Mode) throws(CacheError) -> CacheLock? {
        try tryLock(path, descriptor: try openLockFile(path), mode: mode)
    }

    /// Takes a lock on a folder itself (its open descriptor) if it is free right now: nothing is
    /// created inside it, and renames inside it never change what is locked.
    ///
    /// - Returns: the held lock, or `nil` when another holder conflicts.
    /// - Throws: ``CacheError`` when the folder cannot be opened or the file system refuses
    ///   `flock` on folders.
    public static func tryAcquire(directory path: String, mode: Mode) throws(CacheError) -> CacheLock? {
        let fd = try retryingInterrupts(path) { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        return try tryLock(path, descriptor: fd, mode: mode)
    }

    private static func tryLock(_ path: String, descriptor fd: Int32, mode: Mode) throws(CacheError) -> CacheLock? {
        while true {
            if flock(fd, mode.operation | LOCK_NB) == 0 {
                return CacheLock(path: path, mode: mode, descriptor: fd)
            }
            let code = errno
            if code == EINTR { continue }
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN { return nil }
            throw .lockFailed(path: path, reason: POSIX.describe(code))
        }
    }

    /// Takes the lock, waiting (without blocking a thread) while others hold it.
    ///
    /// - Parameters:
    ///   - path: the lock file; its folder must exist.
    ///   - mode: shared or exclusive.
    ///   - onContention: called once, the first time the lock is found busy (for a
    ///     "waiting for ..." message).
    /// - Throws: ``CacheError`` when the file cannot be created or locked; `CancellationError`
    ///   when the task is cancelled while waiting.
    public static func acquire(
        _ path: String,
        mode: Mode,
        onContention: (@Sendable () -> Void)? = nil
    ) async throws -> CacheLock {
        var delay: UInt64 = 1_000_000
        var notified = false
        while true {
            if let lock = try tryAcquire(path, mode: mode) { return lock }
            if !notified {
                notified = true
                onContention?()
            }
            try await Task.sleep(nanoseconds: delay)
            delay = min(delay * 2, 50_000_000)
        }
    }

    /// Runs `body` while holding the lock at `path`, releasing it afterwards (also on errors).
    public static func withLock<Value>(
        _ path: String,
        mode: Mode,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Value
    ) async throws -> Value {
        let lock = try await acquire(path, mode: mode)
        defer { lock.release() }
        return try await body()
    }

    private static func openLockFile(_ path: String) throws(CacheError) -> Int32 {
        try retryingInterrupts(path) { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666) }
    }

    private static func retryingInterrupts(_ path: String, _ open: () -> Int32) throws(CacheError) -> Int32 {
        while true {
            let fd = open()
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw .lockFailed(path: path, reason: POSIX.describe(errno))
        }
    }
}
