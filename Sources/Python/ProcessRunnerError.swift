import SuvBasics

/// Why a child process could not be run to completion.
public enum ProcessRunnerError: SuvError, Hashable {
    /// Nothing exists at the path, or it may not be executed.
    case executableNotFound(executable: String)
    /// The process could not be started for another reason (described by the OS layer).
    case launchFailed(executable: String, reason: String)
    /// The process was still running when its timeout elapsed; it has been terminated.
    case timedOut(executable: String, timeout: Duration)
    /// The process wrote more than the invocation's output limit to one stream.
    case outputLimitExceeded(executable: String, limit: Int)
    /// The task waiting for the process was cancelled; the process has been terminated.
    case cancelled(executable: String)

    /// The executable the failed invocation named.
    public var executable: String {
        switch self {
        case .executableNotFound(let path), .launchFailed(let path, _), .timedOut(let path, _),
             .outputLimitExceeded(let path, _), .cancelled(let path):
            path
        }
    }

    public var message: String {
        switch self {
        case .executableNotFound(let path):
            "Failed to spawn `\(path)`: not found or not executable"
        case .launchFailed(let path, let reason):
            "Failed to spawn `\(path)`: \(reason)"
        case .timedOut(let path, let timeout):
            "`\(path)` did not finish within \(Self.seconds(timeout)) and was terminated"
        case .outputLimitExceeded(let path, let limit):
            "`\(path)` wrote more than \(limit) bytes to one output stream"
        case .cancelled(let path):
            "Running `\(path)` was cancelled"
        }
    }

    /// `30s`, `0.5s`: whole seconds without a fraction, otherwise up to milliseconds.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds)s" }
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return "\((value * 1000).rounded() / 1000)s"
    }
}
