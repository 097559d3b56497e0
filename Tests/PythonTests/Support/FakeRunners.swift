import Python
import Synchronization

/// Forwards to another runner and counts the invocations, to prove what was (not) run.
final class CountingRunner: ProcessRunner {
    let base: any ProcessRunner
    private let invocations = Mutex<[ProcessInvocation]>([])

    init(_ base: any ProcessRunner = SubprocessRunner()) {
        self.base = base
    }

    /// How many times ``run(_:)`` was called.
    var count: Int { invocations.withLock { $0.count } }
    /// The invocations seen, in order.
    var seen: [ProcessInvocation] { invocations.withLock { $0 } }

    func run(_ invocation: ProcessInvocation) async throws(ProcessRunnerError) -> ProcessOutput {
        invocations.withLock { $0.append(invocation) }
        return try await base.run(invocation)
    }
}

/// Answers every invocation with the same canned output or error, without running anything.
struct CannedRunner: ProcessRunner {
    let result: Result<ProcessOutput, ProcessRunnerError>

    init(_ output: ProcessOutput) { result = .success(output) }
    init(error: ProcessRunnerError) { result = .failure(error) }
    init(status: Int32 = 0, stdout: String = "", stderr: String = "") {
        result = .success(ProcessOutput(
            termination: .exited(status),
            standardOutput: Array(stdout.utf8),
            standardError: Array(stderr.utf8)
        ))
    }

    func run(_ invocation: ProcessInvocation) async throws(ProcessRunnerError) -> ProcessOutput {
        try result.get()
    }
}
