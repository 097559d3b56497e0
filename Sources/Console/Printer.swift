import SuvBasics

/// Writes a command's output: data to stdout, human messages to stderr.
///
/// uv's conventions apply: a command's *data* (a tree, an export, `cache dir`, `--version`) goes
/// to stdout; progress, summaries, warnings, errors and debug lines go to stderr. `-q` hides
/// everything on stderr except errors; `-qq` also hides the data on stdout. `-v` adds `DEBUG`
/// lines and `-vv` also `TRACE` lines, both on stderr. Errors are always shown.
///
/// A `Printer` is a value: commands receive one and tests inject ``MemorySink``s to capture
/// output.
public struct Printer: Sendable {
    /// Where data goes.
    public let stdout: any OutputSink
    /// Where messages go.
    public let stderr: any OutputSink
    /// The number of `-q` flags.
    public let quiet: Int
    /// The number of `-v` flags.
    public let verbose: Int
    /// The resolved colour choice (see ``ColorChoice/resolve(flag:environment:)``).
    public let color: ColorChoice
    /// Styling for stdout.
    public let stdoutPaint: Paint
    /// Styling for stderr.
    public let stderrPaint: Paint

    /// A printer over the given sinks.
    ///
    /// - Parameters:
    ///   - stdout: the data sink.
    ///   - stderr: the message sink.
    ///   - quiet: the number of `-q` flags.
    ///   - verbose: the number of `-v` flags.
    ///   - color: the resolved colour choice.
    ///   - environment: consulted (`TERM`, `CLICOLOR`) when `color` is `auto`.
    public init(
        stdout: any OutputSink,
        stderr: any OutputSink,
        quiet: Int = 0,
        verbose: Int = 0,
        color: ColorChoice = .auto,
        environment: [String: String] = [:]
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.quiet = quiet
        self.verbose = verbose
        self.color = color
        self.stdoutPaint = Paint(enabled: color.enablesColor(isTerminal: stdout.isTerminal, environment: environment))
        self.stderrPaint = Paint(enabled: color.enablesColor(isTerminal: stderr.isTerminal, environment: environment))
    }

    /// A printer over the process's stdout and stderr.
    public static func standard(
        quiet: Int = 0,
        verbose: Int = 0,
        color: ColorChoice = .auto,
        environment: [String: String] = [:]
    ) -> Printer {
        Printer(
            stdout: FileDescriptorSink.standardOutput,
            stderr: FileDescriptorSink.standardError,
            quiet: quiet,
            verbose: verbose,
            color: color,
            environment: environment
        )
    }

    /// The same sinks and colour with other verbosity levels.
    public func with(quiet: Int, verbose: Int, color: ColorChoice, environment: [String: String]) -> Printer {
        Printer(stdout: stdout, stderr: stderr, quiet: quiet, verbose: verbose, color: color, environment: environment)
    }

    /// Writes one line of data to stdout (hidden by `-qq`).
    public func data(_ line: String) {
        writeData(line + "\n")
    }

    /// Writes data to stdout verbatim, without adding a newline (hidden by `-qq`).
    public func writeData(_ text: String) {
        guard quiet < 2 else { return }
        stdout.write(text)
    }

    /// Writes one line of data to stdout even under `-qq`; for output the user asked for
    /// explicitly, such as `--help` and `--version`.
    public func forcedData(_ line: String) {
        stdout.write(line + "\n")
    }

    /// Writes one human-readable line to stderr (hidden by `-q`).
    public func info(_ line: String) {
        guard quiet == 0 else { return }
        stderr.write(line + "\n")
    }

    /// Writes `warning: <message>` to stderr (hidden by `-q`).
    public func warn(_ message: String) {
        guard quiet == 0 else { return }
        stderr.write(ErrorRenderer(paint: stderrPaint).renderWarning(message))
    }

    /// Writes `DEBUG <message>` to stderr when `-v` was given.
    public func debug(_ message: String) {
        guard verbose >= 1 else { return }
        stderr.write("\(stderrPaint.blue("DEBUG")) \(message)\n")
    }

    /// Writes `TRACE <message>` to stderr when `-vv` was given.
    public func trace(_ message: String) {
        guard verbose >= 2 else { return }
        stderr.write("\(stderrPaint.magenta("TRACE")) \(message)\n")
    }

    /// Renders `error` (with its causes and hints) to stderr. Never suppressed.
    public func error(_ error: any Error) {
        stderr.write(ErrorRenderer(paint: stderrPaint).render(error))
    }

    /// Writes text to stderr verbatim, never suppressed; for usage errors already formatted by
    /// the argument parser.
    public func rawError(_ text: String) {
        stderr.write(text)
    }
}
