import Foundation
import SuvTestSupport
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

/// The environment a project command runs with in a test: CPython 3.12.1 first on `PATH`, the
/// configuration and the cache inside `tree`, no pip configuration, no interpreter downloads,
/// no colour.
func projectEnvironment(_ tree: TemporaryTree) -> [String: String] {
    var path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
    path = home + "/.pyenv/versions/3.12.1/bin:" + path
    return [
        "PATH": path, "HOME": home, "XDG_CONFIG_HOME": tree.path("config"), "UV_CACHE_DIR": tree.path("cache"),
        "PIP_CONFIG_FILE": "/dev/null", "UV_PYTHON_DOWNLOADS": "never", "NO_COLOR": "1",
    ]
}
