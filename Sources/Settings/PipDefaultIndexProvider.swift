import SuvBasics

/// The index a Python interpreter's pip uses when nothing is configured, and which
/// interpreter said so.
public struct PipDefaultIndex: Sendable, Equatable {
    public var url: String
    /// How the interpreter was named (`python3`, `/usr/bin/python3.12`), for messages.
    public var interpreter: String

    public init(url: String, interpreter: String) {
        self.url = url
        self.interpreter = interpreter
    }
}

/// Asks something (a Python interpreter, in the real program) for pip's built-in default
/// index: `pip._internal.models.index.PyPI.simple_url`. The last fallback when no
/// configuration names a default index. Tests use a fake.
public protocol PipDefaultIndexProvider: Sendable {
    func pipDefaultIndex() async throws(PipDefaultIndexError) -> PipDefaultIndex
}

/// A provider backed by a closure (for tests, and for callers that already run interpreters).
public struct ClosurePipDefaultIndexProvider: PipDefaultIndexProvider {
    public let body: @Sendable () async throws(PipDefaultIndexError) -> PipDefaultIndex

    public init(_ body: @escaping @Sendable () async throws(PipDefaultIndexError) -> PipDefaultIndex) {
        self.body = body
    }

    public func pipDefaultIndex() async throws(PipDefaultIndexError) -> PipDefaultIndex {
        try await body()
    }
}

/// Why an interpreter could not tell pip's default index.
public enum PipDefaultIndexError: SuvError, Equatable {
    /// No interpreter of that name on `PATH` (or at that path).
    case interpreterNotFound(String)
    /// The interpreter could not be started.
    case spawnFailed(interpreter: String, reason: String)
    /// The query exited unsuccessfully, e.g. because pip is not installed; `detail` is the
    /// last line of its stderr.
    case queryFailed(interpreter: String, status: Int32, detail: String)
    /// The query did not finish in time.
    case timedOut(interpreter: String, seconds: Int)
    /// The query printed something that is not a URL.
    case invalidAnswer(interpreter: String, output: String)
    /// No interpreter is available to ask (a provider that never answers).
    case unavailable

    public var message: String {
        switch self {
        case .interpreterNotFound(let name): "Failed to ask pip for its default index: no interpreter `\(name)` found"
        case .spawnFailed(let interpreter, let reason): "Failed to ask pip for its default index: `\(interpreter)` could not be started: \(reason)"
        case .queryFailed(let interpreter, let status, let detail):
            "Failed to ask pip for its default index: `\(interpreter)` exited with status \(status)" + (detail.isEmpty ? "" : ": \(detail)")
        case .timedOut(let interpreter, let seconds): "Failed to ask pip for its default index: `\(interpreter)` did not answer within \(seconds)s"
        case .invalidAnswer(let interpreter, let output): "Failed to ask pip for its default index: `\(interpreter)` answered `\(output)`, which is not a URL"
        case .unavailable: "No Python interpreter is available to ask pip for its default index"
        }
    }
}
