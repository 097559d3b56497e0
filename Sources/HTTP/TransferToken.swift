import Synchronization

/// Ties a caller's task to its transfer so cancellation and submission can race safely.
///
/// Cancellation may arrive before the transfer reaches the event loop, while it is queued or
/// running, or after it finished; the token's state decides who resumes the continuation.
final class TransferToken: Sendable {
    private enum State { case created, submitted, cancelled }

    let id: UInt64
    private let state = Mutex(State.created)

    init(id: UInt64) { self.id = id }

    /// Marks the transfer handed to the loop; `false` when the task was already cancelled (the
    /// caller then fails the request itself).
    func markSubmitted() -> Bool {
        state.withLock { state in
            guard state == .created else { return false }
            state = .submitted
            return true
        }
    }

    /// Marks the task cancelled; `true` when the loop holds the transfer and must be told.
    func markCancelled() -> Bool {
        state.withLock { state in
            let wasSubmitted = state == .submitted
            state = .cancelled
            return wasSubmitted
        }
    }
}
