import CCurl
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `curl_multi` handle driven by one dedicated thread: the only thread that touches libcurl.
///
/// Callers hand over ``TransferSubmission``s through a mutex-guarded inbox and wake the thread
/// with `curl_multi_wakeup`. The thread starts queued transfers while fewer than
/// ``HTTPClientConfiguration/maxConcurrentTransfers`` run (libcurl itself caps connections per
/// host and multiplexes HTTP/2), reads completions, schedules retries with backoff on its own
/// timer, and resumes each caller's continuation exactly once. Easy handles are reused.
final class CurlEventLoop: @unchecked Sendable {
    // Safety: `inbox` is the only state shared between threads; everything below it is touched
    // by the loop thread alone, and `multi` is only used from other threads for
    // `curl_multi_wakeup` (thread-safe) while the inbox lock proves it is still alive.

    private struct Inbox {
        var submissions: [TransferSubmission] = []
        var cancellations: [UInt64] = []
        var shuttingDown = false
        var multiFreed = false
    }

    let configuration: HTTPClientConfiguration
    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private let nextID = Atomic<UInt64>(1)
    private let policy: RetryPolicy

    // Loop-thread state.
    private var transfers: [UInt64: CurlTransfer] = [:]
    private var queue: [CurlTransfer] = []
    private var queueHead = 0
    /// Retries whose backoff has passed; they start before newly queued transfers.
    private var ready: [CurlTransfer] = []
    /// Retries waiting out their backoff.
    private var backingOff: [CurlTransfer] = []
    private var runningCount = 0
    private var idleHandles: [UnsafeMutableRawPointer] = []

    /// `nil` when libcurl cannot be loaded or initialized.
    init?(configuration: HTTPClientConfiguration) {
        guard CurlGlobal.initialized, let multi = suv_curl_multi_init() else { return nil }
        self.multi = multi
        self.configuration = configuration
        policy = RetryPolicy(
            maxRetries: configuration.maxRetries,
            baseDelay: configuration.retryBaseDelay,
            maxDelay: configuration.retryMaxDelay,
            maxRetryAfter: configuration.maxRetryAfter
        )
        _ = suv_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        if let perHost = configuration.maxConnectionsPerHost {
            _ = suv_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, perHost))
        }
        _ = suv_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(8, configuration.maxConcurrentTransfers))
        startThread()
    }

    // MARK: Called from any thread

    /// A token for a new transfer.
    func makeToken() -> TransferToken {
        TransferToken(id: nextID.wrappingAdd(1, ordering: .relaxed).oldValue)
    }

    /// Queues a transfer; fails it at once when its task is already cancelled or the loop is
    /// shutting down.
    func submit(_ submission: TransferSubmission) {
        guard submission.token.markSubmitted() else {
            submission.destination.fail(.cancelled)
            return
        }
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.shuttingDown else { return false }
            inbox.submissions.append(submission)
            _ = suv_curl_multi_wakeup(multi)
            return true
        }
        if !accepted { submission.destination.fail(.cancelled) }
    }

    /// Asks the loop to stop a transfer and fail it with ``HTTPError/cancelled``.
    func cancel(_ token: TransferToken) {
        guard token.markCancelled() else { return }
        inbox.withLock { inbox in
            guard !inbox.multiFreed else { return }
            inbox.cancellations.append(token.id)
            _ = suv_curl_multi_wakeup(multi)
        }
    }

    /// Fails everything outstanding with ``HTTPError/cancelled`` and ends the thread.
    func shutdown() {
        inbox.withLock { inbox in
            inbox.shuttingDown = true
            if !inbox.multiFreed { _ = suv_curl_multi_wakeup(multi) }
        }
    }

    // MARK: The loop thread

    private func startThread() {
        var thread = pthread_t()
        let retained = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            let loop = Unmanaged<CurlEventLoop>.fromOpaque(argument).takeRetainedValue()
            loop.run()
            return nil
        }, retained)
        guard status == 0 else { fatalError("pthread_create failed for the HTTP event loop: \(status)") }
        pthread_detach(thread)
    }

    private func run() {
        while true {
            let (submissions, cancellations, stopping) = inbox.withLock { inbox in
                defer {
                    inbox.submissions.removeAll()
                    inbox.cancellations.removeAll()
                }
                return (inbox.submissions, inbox.cancellations, inbox.shuttingDown)
            }
            if stopping {
                for submission in submissions { submission.destination.fail(.cancelled) }
                tearDown()
                return
            }
            for submission in submissions {
                let transfer = CurlTransfer(submission, configuration: configuration)
                transfers[submission.token.id] = transfer
                queue.append(transfer)
            }
            for id in cancellations { cancel(id: id) }
            promoteRetries(now: .now)
            startTransfers()

            var running: Int32 = 0
            _ = suv_curl_multi_perform(multi, &running)
            let finishedAny = collectCompletions()
            if finishedAny && hasStartableWork { continue }
            _ = suv_curl_multi_poll(multi, nil, 0, pollTimeout(now: .now), nil)
        }
    }

    private var hasStartableWork: Bool {
        runningCount < configuration.maxConcurrentTransfers && (!ready.isEmpty || queueHead < queue.count)
    }

    /// Milliseconds `curl_multi_poll` may sleep: until the next retry is due, at most 1 s
    /// (libcurl shortens it further for its own timers; a wakeup ends it early).
    private func pollTimeout(now: ContinuousClock.Instant) -> Int32 {
        if hasStartableWork { return 0 }
        var timeout = 1000
        for transfer in backingOff {
            guard let due = transfer.retryAt else { continue }
            timeout = min(timeout, max(0, (due - now).wholeMilliseconds + 1))
        }
        return Int32(timeout)
    }

    private func nextStartable() -> CurlTransfer? {
        if !ready.isEmpty { return ready.removeFirst() }
        while queueHead < queue.count {
            let transfer = queue[queueHead]
            queueHead += 1
            if queueHead > 256 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            if transfer.phase == .queued { return transfer }
        }
        return nil
    }

    private func startTransfers() {
        while runningCount < configuration.maxConcurrentTransfers, let transfer = nextStartable() {
            guard let easy = idleHandles.popLast() ?? suv_curl_easy_init() else {
                finish(transfer, with: .connection(url: transfer.displayURL, reason: "curl_easy_init failed"))
                continue
            }
            transfer.beginAttempt()
            transfer.applyOptions(to: easy, configuration: configuration)
            guard suv_curl_multi_add_handle(multi, easy) == CURLM_OK else {
                recycle(easy)
                finish(transfer, with: .connection(url: transfer.displayURL, reason: "curl_multi_add_handle failed"))
                continue
            }
            transfer.easy = easy
            transfer.phase = .running
            runningCount += 1
        }
    }

    /// Reads finished transfers from libcurl; returns whether there were any.
    private func collectCompletions() -> Bool {
        var finishedAny = false
        var remaining: Int32 = 0
        while let message = suv_curl_multi_info_read(multi, &remaining) {
            guard suv_msg_is_done(message) != 0, let easy = suv_msg_easy_handle(message) else { continue }
            let code = suv_msg_result(message)
            var context: UnsafeMutableRawPointer?
            _ = suv_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &context)
            finishedAny = true
            guard let context else {
                _ = suv_curl_multi_remove_handle(multi, easy)
                recycle(easy)
                continue
            }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            detach(transfer)
            let verdict = transfer.conclude(code: code, easy: easy, configuration: configuration)
            recycle(easy)
            switch verdict {
            case .delivered:
                transfer.phase = .finished
                transfers[transfer.token.id] = nil
            case .failed(let error):
                finish(transfer, with: error)
            case .retry(let error, let retryAfter):
                scheduleRetry(transfer, after: error, retryAfter: retryAfter)
            }
        }
        return finishedAny
    }

    private func scheduleRetry(_ transfer: CurlTransfer, after error: HTTPError, retryAfter: Duration?) {
        guard transfer.retriesDone < transfer.maxRetries else {
            let final = transfer.retriesDone > 0 ? HTTPError.retriesExhausted(retries: transfer.retriesDone, last: error) : error
            finish(transfer, with: final)
            return
        }
        let delay = policy.delay(
            beforeRetry: transfer.retriesDone, retryAfter: retryAfter, jitter: Double.random(in: 0.5...1)
        )
        transfer.retriesDone += 1
        transfer.retryAt = .now + delay
        transfer.phase = .backingOff
        backingOff.append(transfer)
    }

    private func promoteRetries(now: ContinuousClock.Instant) {
        guard !backingOff.isEmpty else { return }
        backingOff.removeAll { transfer in
            guard transfer.phase == .backingOff else { return true }
            guard let due = transfer.retryAt, due <= now else { return false }
            transfer.phase = .queued
            ready.append(transfer)
            return true
        }
    }

    private func cancel(id: UInt64) {
        guard let transfer = transfers[id] else { return }
        if transfer.phase == .running, let easy = transfer.easy {
            detach(transfer)
            recycle(easy)
        }
        ready.removeAll { $0 === transfer }
        finish(transfer, with: .cancelled)
    }

    /// Takes a running transfer's handle out of the multi handle.
    private func detach(_ transfer: CurlTransfer) {
        guard let easy = transfer.easy else { return }
        _ = suv_curl_multi_remove_handle(multi, easy)
        transfer.easy = nil
        runningCount -= 1
    }

    private func finish(_ transfer: CurlTransfer, with error: HTTPError) {
        transfer.phase = .finished
        transfers[transfer.token.id] = nil
        transfer.fail(error)
    }

    /// Resets a handle and keeps it for the next transfer (its connection cache lives in the
    /// multi handle, so reuse saves allocations, not connections).
    private func recycle(_ easy: UnsafeMutableRawPointer) {
        suv_curl_easy_reset(easy)
        if idleHandles.count < configuration.maxConcurrentTransfers {
            idleHandles.append(easy)
        } else {
            suv_curl_easy_cleanup(easy)
        }
    }

    private func tearDown() {
        for transfer in Array(transfers.values) {
            if let easy = transfer.easy {
                detach(transfer)
                suv_curl_easy_cleanup(easy)
            }
            finish(transfer, with: .cancelled)
        }
        for easy in idleHandles { suv_curl_easy_cleanup(easy) }
        idleHandles.removeAll()
        inbox.withLock { inbox in
            inbox.multiFreed = true
            for submission in inbox.submissions { submission.destination.fail(.cancelled) }
            inbox.submissions.removeAll()
        }
        _ = suv_curl_multi_cleanup(multi)
    }
}

/// `curl_global_init`, run once per process before the first handle is made (loading libcurl).
enum CurlGlobal {
    static let initialized: Bool = suv_curl_global_init() == CURLE_OK
}
