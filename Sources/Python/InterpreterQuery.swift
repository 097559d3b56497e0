#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs ``script`` with an interpreter and decodes its answer; no caching (that is
/// ``InterpreterInfoCache``'s job).
public struct InterpreterQuery: Sendable {
    /// Runs the interpreter.
    public var runner: any ProcessRunner
    /// How long one query may take before the interpreter is terminated.
    public var timeout: Duration

    /// A query through `runner` (by default the real one) that gives up after `timeout`.
    public init(runner: any ProcessRunner = SubprocessRunner(), timeout: Duration = .seconds(30)) {
        self.runner = runner
        self.timeout = timeout
    }

    /// The arguments the interpreter gets: isolated mode, no `site`, no bytecode, the script.
    public static let arguments: [String] = ["-I", "-S", "-B", "-c", script]

    /// The invocation that queries the interpreter at `path`.
    public func invocation(for path: String) -> ProcessInvocation {
        #if os(macOS)
        // Report the real macOS version, not the "10.16" compatibility shim (as uv does).
        let environment = ProcessEnvironment.inheritUpdating(["SYSTEM_VERSION_COMPAT": "0"])
        #else
        let environment = ProcessEnvironment.inherit
        #endif
        return ProcessInvocation(
            executable: path,
            arguments: Self.arguments,
            environment: environment,
            timeout: timeout,
            outputLimit: 1024 * 1024
        )
    }

    /// Runs the script with the interpreter at `path` and returns what it reported.
    public func run(executable path: String) async throws(InterpreterQueryError) -> InterpreterInfo {
        let output: ProcessOutput
        do {
            output = try await runner.run(invocation(for: path))
        } catch {
            if case .executableNotFound = error {
                // Say precisely why: nothing there, a dangling link, or no permission.
                _ = try ExecutableFile.stamp(of: path)
            }
            throw .runFailed(path: path, error)
        }
        return try Self.decode(output, path: path)
    }

    /// Turns the interpreter's output into an ``InterpreterInfo`` or the error that explains why
    /// it cannot be.
    public static func decode(_ output: ProcessOutput, path: String) throws(InterpreterQueryError) -> InterpreterInfo {
        let stdout = output.standardOutputText
        let stderr = output.standardErrorText
        guard output.termination.isSuccess else {
            if stderr.contains("Unknown option: -I") { throw .unsupportedPython(path: path) }
            throw .failed(
                path: path,
                termination: output.termination,
                stdout: InterpreterQueryError.tail(stdout),
                stderr: InterpreterQueryError.tail(stderr)
            )
        }
        func invalid(_ reason: String) -> InterpreterQueryError {
            .invalidResponse(
                path: path,
                reason: reason,
                stdout: InterpreterQueryError.tail(stdout),
                stderr: InterpreterQueryError.tail(stderr)
            )
        }
        let data = Data(output.standardOutput)
        let decoder = JSONDecoder()
        do {
            let probe = try decoder.decode(SchemaProbe.self, from: data)
            guard probe.schema == schemaVersion else {
                throw invalid("expected schema \(schemaVersion), found \(probe.schema)")
            }
            return try decoder.decode(InterpreterInfo.self, from: data)
        } catch let error as InterpreterQueryError {
            throw error
        } catch let error as DecodingError {
            throw invalid(Self.describe(error))
        } catch {
            throw invalid(String(describing: error))
        }
    }

    private struct SchemaProbe: Decodable {
        var schema: Int
    }

    /// A one-line account of a decoding failure: what was wrong and where.
    static func describe(_ error: DecodingError) -> String {
        func location(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { key in key.intValue.map(String.init) ?? key.stringValue }
            return path.isEmpty ? "" : " at `\(path.joined(separator: "."))`"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing `\(key.stringValue)`\(location(context))"
        case .typeMismatch(let type, let context):
            return "expected \(type)\(location(context))"
        case .valueNotFound(let type, let context):
            return "expected \(type) but found null\(location(context))"
        case .dataCorrupted(let context):
            return "not valid JSON\(location(context))"
        @unknown default:
            return String(describing: error)
        }
    }
}
