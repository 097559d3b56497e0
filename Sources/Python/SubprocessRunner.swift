// The only file in suv that uses swift-subprocess; everything else sees `ProcessRunner`.
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The real ``ProcessRunner``, built on swift-subprocess.
///
/// The child runs while the calling task waits; a second child task sleeps for the invocation's
/// timeout. Whichever finishes first wins: if the timer does, the run is cancelled, which makes
/// swift-subprocess send `SIGTERM`, then `SIGKILL` after a short grace period, and reap the child.
/// Cancelling the calling task terminates the child the same way.
public struct SubprocessRunner: ProcessRunner {
    /// How long a terminated child gets between `SIGTERM` and `SIGKILL`.
    public var terminationGracePeriod: Duration

    /// A runner that gives terminated children `terminationGracePeriod` to exit on `SIGTERM`.
    public init(terminationGracePeriod: Duration = .milliseconds(200)) {
        self.terminationGracePeriod = terminationGracePeriod
    }

    public func run(_ invocation: ProcessInvocation) async throws(ProcessRunnerError) -> ProcessOutput {
        do {
            return try await withThrowingTaskGroup(of: Outcome.self) { group in
                group.addTask { .finished(try await self.execute(invocation)) }
                group.addTask {
                    try await Task.sleep(for: invocation.timeout)
                    return .timedOut
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else {
                    throw ProcessRunnerError.cancelled(executable: invocation.executable)
                }
                switch first {
                case .finished(let output):
                    return output
                case .timedOut:
                    throw ProcessRunnerError.timedOut(executable: invocation.executable, timeout: invocation.timeout)
                }
            }
        } catch let error as ProcessRunnerError {
            throw error
        } catch let error as SubprocessError {
            throw Self.translate(error, executable: invocation.executable, limit: invocation.outputLimit)
        } catch {
            // `CancellationError` from the sleep or from swift-subprocess, after the caller was cancelled.
            throw ProcessRunnerError.cancelled(executable: invocation.executable)
        }
    }

    private enum Outcome: Sendable {
        case finished(ProcessOutput)
        case timedOut
    }

    private func execute(_ invocation: ProcessInvocation) async throws -> ProcessOutput {
        var options = PlatformOptions()
        options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: terminationGracePeriod)]
        let configuration = Configuration(
            executable: .path(FilePath(invocation.executable)),
            arguments: Arguments(invocation.arguments),
            environment: Self.environment(invocation.environment),
            workingDirectory: invocation.workingDirectory.map { FilePath($0) },
            platformOptions: options
        )
        if let input = invocation.standardInput {
            return try await collect(configuration, input: .array(input), limit: invocation.outputLimit)
        }
        return try await collect(configuration, input: .none, limit: invocation.outputLimit)
    }

    private func collect(
        _ configuration: Configuration,
        input: some InputProtocol,
        limit: Int
    ) async throws -> ProcessOutput {
        let result = try await Subprocess.run(
            configuration,
            input: input,
            output: .bytes(limit: limit),
            error: .bytes(limit: limit)
        )
        let termination: ProcessTermination
        switch result.terminationStatus {
        case .exited(let code): termination = .exited(Int32(code))
        case .signaled(let signal): termination = .signaled(Int32(signal))
        }
        return ProcessOutput(
            termination: termination,
            standardOutput: result.standardOutput,
            standardError: result.standardError
        )
    }

    private static func environment(_ environment: ProcessEnvironment) -> Environment {
        switch environment {
        case .inherit:
            return .inherit
        case .inheritUpdating(let changes):
            var keyed: [Environment.Key: String?] = [:]
            for (name, value) in changes {
                if let key = Environment.Key(rawValue: name) { keyed[key] = value }
            }
            return .inherit.updating(keyed)
        case .custom(let variables):
            var keyed: [Environment.Key: String] = [:]
            for (name, value) in variables {
                if let key = Environment.Key(rawValue: name) { keyed[key] = value }
            }
            return .custom(keyed)
        }
    }

    private static func translate(_ error: SubprocessError, executable: String, limit: Int) -> ProcessRunnerError {
        switch error.code {
        case .executableNotFound: .executableNotFound(executable: executable)
        case .outputLimitExceeded: .outputLimitExceeded(executable: executable, limit: limit)
        default: .launchFailed(executable: executable, reason: error.description)
        }
    }
}
