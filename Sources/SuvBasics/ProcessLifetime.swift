import Synchronization

/// Values kept until the process ends instead of freed when their last user is done.
///
/// A resolution of a large project leaves millions of small allocations (index pages, version
/// maps, the forks' graphs); freeing them one by one at the end of a command takes tens of
/// milliseconds that leaving the process (`_exit`) skips. The `suv` executable turns this on;
/// in-process callers (tests) leave it off, so nothing accumulates there.
public enum ProcessLifetime {
    private static let state = Mutex<(enabled: Bool, kept: [any Sendable])>((false, []))

    /// Keep values from now on (the executable, before running a command).
    public static func enable() {
        state.withLock { $0.enabled = true }
    }

    /// Holds `value` until the process exits, when enabled; otherwise does nothing.
    public static func keep(_ value: some Sendable) {
        state.withLock { state in
            if state.enabled { state.kept.append(value) }
        }
    }
}
