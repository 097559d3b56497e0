import Synchronization

/// A request, from a signal handler, to stop installing: the wheels being installed roll back
/// (every file they placed removed) and the others do not start, so an interrupted sync leaves
/// each distribution fully installed or fully absent.
public enum InstallInterruption {
    private static let requested = Atomic<Int32>(0)

    /// Records the signal that asked to stop (safe to call from a signal handler: one atomic
    /// store).
    public static func request(signal: Int32) {
        requested.store(signal, ordering: .relaxed)
    }

    /// The signal that asked to stop, or `nil`.
    public static var signal: Int32? {
        let value = requested.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Forgets a request (tests).
    public static func reset() {
        requested.store(0, ordering: .relaxed)
    }
}

/// Thrown inside an installation when ``InstallInterruption`` was requested.
public struct InstallInterrupted: Error, Sendable {
    public let signal: Int32

    public init(signal: Int32) {
        self.signal = signal
    }
}
