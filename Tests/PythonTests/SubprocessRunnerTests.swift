import Foundation
import Python
import Testing

@Suite("SubprocessRunner", .timeLimit(.minutes(1)))
struct SubprocessRunnerTests {
    let runner = SubprocessRunner()

    @Test func capturesOutputErrorAndExitStatus() async throws {
        let output = try await runner.run(ProcessInvocation(
            executable: "/bin/sh",
            arguments: ["-c", "echo out; echo err >&2; exit 3"],
            timeout: .seconds(20)
        ))
        #expect(output.termination == .exited(3))
        #expect(!output.termination.isSuccess)
        #expect(output.standardOutputText == "out\n")
        #expect(output.standardErrorText == "err\n")
    }

    @Test func writesStandardInput() async throws {
        let input = Array("line one\nline two ✓\n".utf8)
        let output = try await runner.run(ProcessInvocation(
            executable: "/bin/cat", standardInput: input, timeout: .seconds(20)
        ))
        #expect(output.termination == .exited(0))
        #expect(output.standardOutput == input)
    }

    @Test func noStandardInputReadsEndOfFile() async throws {
        let output = try await runner.run(ProcessInvocation(executable: "/bin/cat", timeout: .seconds(20)))
        #expect(output.termination.isSuccess)
        #expect(output.standardOutput.isEmpty)
    }

    @Test func updatesTheInheritedEnvironment() async throws {
        let output = try await runner.run(ProcessInvocation(
            executable: "/bin/sh",
            arguments: ["-c", "echo \"$SUV_TEST_VALUE|${HOME:+home}\""],
            environment: .inheritUpdating(["SUV_TEST_VALUE": "hello"]),
            timeout: .seconds(20)
        ))
        #expect(output.standardOutputText == "hello|home\n")
    }

    @Test func customEnvironmentReplacesEverything() async throws {
        let output = try await runner.run(ProcessInvocation(
            executable: "/usr/bin/env",
            environment: .custom(["ONLY": "this"]),
            timeout: .seconds(20)
        ))
        #expect(output.standardOutputText == "ONLY=this\n")
    }

    @Test func runsInTheWorkingDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let output = try await runner.run(ProcessInvocation(
                executable: "/bin/pwd", workingDirectory: directory, timeout: .seconds(20)
            ))
            #expect(output.standardOutputText == directory + "\n")
        }
    }

    @Test func reportsTheKillingSignal() async throws {
        let output = try await runner.run(ProcessInvocation(
            executable: "/bin/sh", arguments: ["-c", "kill -9 $$"], timeout: .seconds(20)
        ))
        #expect(output.termination == .signaled(9))
        #expect(output.termination.description == "signal: 9")
    }

    @Test func timesOutAndTerminatesTheChild() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: ProcessRunnerError.self) {
            _ = try await runner.run(ProcessInvocation(
                executable: "/bin/sleep", arguments: ["30"], timeout: .milliseconds(300)
            ))
        }
        #expect(error == .timedOut(executable: "/bin/sleep", timeout: .milliseconds(300)))
        #expect(error?.message == "`/bin/sleep` did not finish within 0.3s and was terminated")
        // Well before `sleep 30` would end on its own (10 s was too tight on two loaded cores).
        #expect(clock.now - start < .seconds(25))
    }

    @Test func cancellationTerminatesTheChild() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task {
            try await runner.run(ProcessInvocation(executable: "/bin/sleep", arguments: ["30"], timeout: .seconds(60)))
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        #expect(throws: ProcessRunnerError.cancelled(executable: "/bin/sleep")) { try result.get() }
        // Well before `sleep 30` would end on its own (10 s was too tight on two loaded cores).
        #expect(clock.now - start < .seconds(25))
    }

    @Test func missingExecutable() async throws {
        await #expect(throws: ProcessRunnerError.executableNotFound(executable: "/nonexistent/suv-python")) {
            _ = try await runner.run(ProcessInvocation(executable: "/nonexistent/suv-python", timeout: .seconds(20)))
        }
    }

    @Test func outputLimit() async throws {
        await #expect(throws: ProcessRunnerError.outputLimitExceeded(executable: "/bin/sh", limit: 1000)) {
            _ = try await runner.run(ProcessInvocation(
                executable: "/bin/sh",
                arguments: ["-c", "head -c 100000 /dev/zero"],
                timeout: .seconds(20),
                outputLimit: 1000
            ))
        }
    }
}
