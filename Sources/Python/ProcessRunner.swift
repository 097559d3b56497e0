/// Runs child processes to completion and hands back what they wrote.
///
/// Everything in suv that starts a process goes through this protocol, so tests can substitute a
/// fake (canned output, counting wrappers) for ``SubprocessRunner``, the one real implementation.
public protocol ProcessRunner: Sendable {
    /// Runs `invocation` to completion.
    ///
    /// A non-zero exit or a signal is a normal ``ProcessOutput``, not an error: only a process that
    /// could not be started, ran past its timeout, wrote past the output limit, or was cancelled
    /// throws.
    func run(_ invocation: ProcessInvocation) async throws(ProcessRunnerError) -> ProcessOutput
}

/// What to run: an executable at a path, its arguments, environment and standard input, and how
/// long it may take.
public struct ProcessInvocation: Sendable, Hashable {
    /// The path of the executable; it is not looked up on `PATH`.
    public var executable: String
    /// The arguments after the executable's name.
    public var arguments: [String]
    /// The child's environment.
    public var environment: ProcessEnvironment
    /// Bytes written to the child's standard input, which is then closed; `nil` gives the child
    /// no standard input at all.
    public var standardInput: [UInt8]?
    /// The working directory; `nil` keeps the current one.
    public var workingDirectory: String?
    /// How long the child may run before it is terminated and ``ProcessRunnerError/timedOut(executable:timeout:)``
    /// is thrown.
    public var timeout: Duration
    /// The most bytes collected from each of standard output and standard error.
    public var outputLimit: Int

    /// An invocation of `executable`; by default it inherits the environment, gets no standard
    /// input, may run for a minute and write up to 16 MiB to each stream.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: ProcessEnvironment = .inherit,
        standardInput: [UInt8]? = nil,
        workingDirectory: String? = nil,
        timeout: Duration = .seconds(60),
        outputLimit: Int = 16 * 1024 * 1024
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.standardInput = standardInput
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.outputLimit = outputLimit
    }
}

/// The environment a child process starts with.
public enum ProcessEnvironment: Sendable, Hashable {
    /// Exactly this process's environment.
    case inherit
    /// This process's environment with some variables set (non-`nil`) or removed (`nil`).
    case inheritUpdating([String: String?])
    /// Only these variables.
    case custom([String: String])
}

/// How a finished child process ended.
public enum ProcessTermination: Sendable, Hashable, CustomStringConvertible {
    /// It exited with this status.
    case exited(Int32)
    /// It was killed by this signal.
    case signaled(Int32)

    /// Whether it exited with status 0.
    public var isSuccess: Bool { self == .exited(0) }

    /// `exit status: 1` or `signal: 9`, the way uv (through Rust's `ExitStatus`) words it.
    public var description: String {
        switch self {
        case .exited(let code): "exit status: \(code)"
        case .signaled(let signal): "signal: \(signal)"
        }
    }
}

/// The collected result of a child process that ran to completion.
public struct ProcessOutput: Sendable, Hashable {
    /// How the child ended.
    public var termination: ProcessTermination
    /// Everything written to standard output.
    public var standardOutput: [UInt8]
    /// Everything written to standard error.
    public var standardError: [UInt8]

    /// A result with the given status and output.
    public init(termination: ProcessTermination, standardOutput: [UInt8] = [], standardError: [UInt8] = []) {
        self.termination = termination
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Standard output decoded as UTF-8, invalid bytes replaced.
    public var standardOutputText: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error decoded as UTF-8, invalid bytes replaced.
    public var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }
}
