#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A task executor with its own threads, for work that blocks in system calls (unpacking,
/// linking, writing files) so it never occupies the cooperative pool, which has one thread per
/// core and also runs the HTTP completions and the resolver.
///
/// Run work on it with `withTaskExecutorPreference(BlockingExecutor.shared) { … }`; child tasks
/// inherit the preference.
public final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    // Safety: `queue` is guarded by `mutex`; `condition` is only used with `mutex` held.

    /// One executor per process, with as many threads as active processors.
    public static let shared = BlockingExecutor(threads: activeProcessorCount)

    /// The number of processors available (at least 1).
    public static var activeProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [UnownedJob] = []
    private var head = 0

    /// Starts `threads` threads, which live as long as the process.
    public init(threads: Int) {
        mutex.initialize(to: pthread_mutex_t())
        condition.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        for _ in 0..<max(1, threads) { startThread() }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        pthread_mutex_lock(mutex)
        queue.append(unowned)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    private func startThread() {
        var thread = pthread_t()
        let retained = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            let executor = Unmanaged<BlockingExecutor>.fromOpaque(argument).takeRetainedValue()
            executor.run()
            return nil
        }, retained)
        precondition(status == 0, "pthread_create failed for the installer's executor: \(status)")
        pthread_detach(thread)
    }

    private func run() {
        while true {
            pthread_mutex_lock(mutex)
            while head == queue.count { pthread_cond_wait(condition, mutex) }
            let job = queue[head]
            head += 1
            if head > 64 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            pthread_mutex_unlock(mutex)
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
