import Console
import SuvCLI

/// What one in-process run of suv printed and returned.
struct CLIResult: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs suv in-process with in-memory stdout and stderr.
func runSuv(_ arguments: [String], environment: [String: String] = [:]) async -> CLIResult {
    let out = MemorySink()
    let err = MemorySink()
    let status = await SuvCLI.main(
        arguments: arguments,
        environment: environment,
        printer: Printer(stdout: out, stderr: err)
    )
    return CLIResult(status: status, stdout: out.contents, stderr: err.contents)
}

/// Splits a command line written as one string on spaces (no quoting needed in these tests).
func words(_ line: String) -> [String] {
    line.split(separator: " ").map(String.init)
}
