import SuvBasics

/// Why an interpreter's facts could not be learned. Every case names the interpreter's path; the
/// wording follows uv's (`crates/uv-python/src/interpreter.rs`).
public enum InterpreterQueryError: SuvError, Hashable {
    /// No file at the path.
    case notFound(path: String)
    /// The path is a symlink whose target does not exist.
    case brokenSymlink(path: String)
    /// The file exists but may not be executed.
    case notExecutable(path: String)
    /// The interpreter rejected `-I`: Python 2 or older than 3.4.
    case unsupportedPython(path: String)
    /// The process could not be started, timed out, or was cancelled.
    case runFailed(path: String, ProcessRunnerError)
    /// The script exited unsuccessfully; the output is kept trimmed to its last lines.
    case failed(path: String, termination: ProcessTermination, stdout: String, stderr: String)
    /// The script exited successfully but did not print the expected JSON.
    case invalidResponse(path: String, reason: String, stdout: String, stderr: String)
    /// The answer could not be stored in the cache.
    case cacheWriteFailed(path: String, cacheFile: String, reason: String)

    /// The interpreter the failed query was about.
    public var path: String {
        switch self {
        case .notFound(let path), .brokenSymlink(let path), .notExecutable(let path),
             .unsupportedPython(let path), .runFailed(let path, _), .failed(let path, _, _, _),
             .invalidResponse(let path, _, _, _), .cacheWriteFailed(let path, _, _):
            path
        }
    }

    /// The first line names the interpreter; for a failed or garbled run, the last lines of its
    /// standard output and error follow under `[stdout]` and `[stderr]`, as uv prints them.
    public var message: String {
        switch self {
        case .notFound(let path):
            "Python interpreter not found at `\(path)`"
        case .brokenSymlink(let path):
            "Broken symlink at `\(path)`, was the underlying Python interpreter removed?"
        case .notExecutable(let path):
            "Failed to query Python interpreter at `\(path)`: permission denied"
        case .unsupportedPython(let path):
            "Can't use Python at `\(path)`"
        case .runFailed(let path, _):
            "Failed to query Python interpreter at `\(path)`"
        case .failed(let path, let termination, let stdout, let stderr):
            "Querying Python at `\(path)` failed with exit status \(termination)"
                + Self.outputSections(stdout: stdout, stderr: stderr)
        case .invalidResponse(let path, let reason, let stdout, let stderr):
            "Querying Python at `\(path)` returned an invalid response: \(reason)"
                + Self.outputSections(stdout: stdout, stderr: stderr)
        case .cacheWriteFailed(_, let cacheFile, let reason):
            "Failed to write interpreter cache entry `\(cacheFile)`: \(reason)"
        }
    }

    public var cause: (any Error)? {
        switch self {
        case .runFailed(_, let error): error
        case .unsupportedPython: UnsupportedPythonReason()
        default: nil
        }
    }

    /// How many trailing lines of each output stream an error keeps.
    public static let keptOutputLines = 20

    /// The last ``keptOutputLines`` lines of `text`, surrounding whitespace trimmed.
    static func tail(_ text: String) -> String {
        let lines = text.trimmingWhitespace().split(separator: "\n", omittingEmptySubsequences: false)
        return lines.suffix(keptOutputLines).joined(separator: "\n")
    }

    private static func outputSections(stdout: String, stderr: String) -> String {
        var text = ""
        if !stdout.isEmpty { text += "\n\n[stdout]\n\(stdout)" }
        if !stderr.isEmpty { text += "\n\n[stderr]\n\(stderr)" }
        return text
    }
}

/// The cause line under ``InterpreterQueryError/unsupportedPython(path:)``.
private struct UnsupportedPythonReason: SuvError {
    var message: String { "Python executable does not support `-I` flag. Please use Python 3.6 or newer." }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
