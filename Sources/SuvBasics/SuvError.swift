/// How a failure maps onto uv's exit statuses.
///
/// uv distinguishes a *failure caused by user input* (exit 1: an unsatisfiable resolution, a
/// stale lockfile under `--check`/`--locked`, a missing lockfile under `--frozen`) from every
/// other *error* (exit 2: usage, I/O, parse errors, missing files, an interpreter not found).
public enum ErrorKind: Sendable, Equatable {
    /// A failure caused by user input; uv exits 1.
    case failure
    /// Any other error, usage errors included; uv exits 2.
    case error
    /// A bug in suv itself; reported like `.error` (exit 2).
    case `internal`

    /// The process exit status uv uses for this kind of error.
    public var exitCode: Int32 {
        switch self {
        case .failure: 1
        case .error, .internal: 2
        }
    }
}

/// The protocol every typed error in suv conforms to.
///
/// Errors carry their own wording; one renderer (in `Console`) turns them into uv's shape:
///
/// ```
/// error: <message>
///   cause: <cause message>
///
/// hint: <hint>
/// ```
public protocol SuvError: Error, Sendable {
    /// One line, no trailing period, literals in backticks.
    var message: String { get }
    /// Hint paragraphs printed after the cause chain; usually empty.
    var hints: [String] { get }
    /// Which exit status this error leads to.
    var kind: ErrorKind { get }
    /// The error this one wraps, if any; rendered as a `cause:` line.
    var cause: (any Error)? { get }
}

extension SuvError {
    public var hints: [String] { [] }
    public var kind: ErrorKind { .error }
    public var cause: (any Error)? { nil }
}

/// An error wrapped in a sentence that says what was being done when it happened.
///
/// Build one with ``Swift/Error/context(_:)``, for example
/// `error.context("Failed to parse \`pyproject.toml\`")`.
public struct ContextError: SuvError {
    public let message: String
    public let hints: [String]
    public let underlying: any Error

    public init(_ message: String, hints: [String] = [], underlying: any Error) {
        self.message = message
        self.hints = hints
        self.underlying = underlying
    }

    public var cause: (any Error)? { underlying }

    /// The kind of the innermost typed error: wrapping never changes the exit status.
    public var kind: ErrorKind {
        (underlying as? any SuvError)?.kind ?? .error
    }
}

extension Error {
    /// Wraps this error in a context sentence (rendered as the outer message).
    public func context(_ message: String, hints: [String] = []) -> ContextError {
        ContextError(message, hints: hints, underlying: self)
    }
}

/// A chain of messages and hints flattened from an error and its causes, outermost first.
public struct ErrorChain: Sendable, Equatable {
    public var messages: [String]
    public var hints: [String]
    public var kind: ErrorKind

    public init(_ error: any Error) {
        var messages: [String] = []
        var hints: [String] = []
        var kind = ErrorKind.error
        var current: (any Error)? = error
        var depth = 0
        while let next = current, depth < 64 {
            if let typed = next as? any SuvError {
                messages.append(typed.message)
                hints.append(contentsOf: typed.hints)
                kind = typed.kind
                current = typed.cause
            } else {
                messages.append(String(describing: next))
                current = nil
            }
            depth += 1
        }
        self.messages = messages
        self.hints = hints
        self.kind = kind
    }
}
