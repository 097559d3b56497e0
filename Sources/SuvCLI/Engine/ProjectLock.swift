import Glibc
import Cache
import Synchronization

/// The lock a project command holds on its workspace: the root folder itself, exclusively,
/// from the moment the workspace is found until the command ends (or `exec`s a program: the
/// descriptor is close-on-exec).
///
/// Commands that read `pyproject.toml`, edit it, lock and sync therefore run one after another
/// on one workspace: four `suv add` at once each see the others' edits (none is lost), and no
/// `uv.lock` is written from a `pyproject.toml` that changed while it was resolved. Nothing is
/// created in the project for this (`flock(2)` on the folder's descriptor). A command takes
/// each folder's lock once; a file system that cannot lock folders (some network mounts)
/// leaves the command unlocked, as before.
enum ProjectLock {
    /// The locks of the running command (``SuvCLI/main(arguments:environment:printer:)`` sets
    /// one per command and releases it at the end). Outside a command (an engine called
    /// directly by a test) there is none, and nothing is locked.
    @TaskLocal static var scope: ProjectLockScope?

    /// What ``hold(_:)`` did.
    enum Outcome: Equatable {
        /// The running command held the lock already, or the file system cannot lock folders.
        case unchanged
        /// Taken now, at once: what was read just before is very likely still current.
        case taken
        /// Taken after waiting for another process: what was read before may have changed.
        case takenAfterWaiting
    }

    /// Takes the lock on `directory` unless the running command holds it already, waiting
    /// while another process holds it.
    @discardableResult
    static func hold(_ directory: String) -> Outcome {
        guard let scope else { return .unchanged }
        if scope.holds(directory) { return .unchanged }
        var delay: UInt32 = 1_000
        var waited = false
        while true {
            let lock: CacheLock?
            do {
                lock = try CacheLock.tryAcquire(directory: directory, mode: .exclusive)
            } catch {
                return .unchanged
            }
            if let lock {
                scope.add(directory, lock)
                return waited ? .takenAfterWaiting : .taken
            }
            waited = true
            usleep(delay)
            delay = min(delay * 2, 50_000)
        }
    }
}

/// The project locks one command holds.
final class ProjectLockScope: Sendable {
    private let held = Mutex<[String: CacheLock]>([:])

    func holds(_ directory: String) -> Bool {
        held.withLock { $0[directory] != nil }
    }

    func add(_ directory: String, _ lock: CacheLock) {
        held.withLock { $0[directory] = lock }
    }

    /// Releases every lock of the command.
    func releaseAll() {
        let locks = held.withLock { held in
            defer { held = [:] }
            return Array(held.values)
        }
        for lock in locks { lock.release() }
    }
}
