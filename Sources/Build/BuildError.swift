import Glibc
import SuvBasics

/// Why a source tree could not be built; the causes under `Failed to build `<name>``.
public enum BuildError: SuvError, Equatable {
    /// A hook exited unsuccessfully: uv's "Call to `backend.hook` failed" with its output.
    case hookFailed(call: String, status: String, stdout: String, stderr: String)
    /// The backend has no `build_editable` (PEP 660).
    case editableUnsupported(backend: String)
    /// The hook ran but named no wheel that exists.
    case missingWheel(call: String, filename: String)
    /// The source distribution's layout is not one top-level folder.
    case badSourceDistribution(archive: String, reason: String)
    case io(path: String, operation: String, errno: Int32)

    public var message: String {
        switch self {
        case .hookFailed(let call, let status, let stdout, let stderr):
            var text = "Call to `\(call)` failed (\(status))"
            let out = stdout.trimmingTrailingNewlines, err = stderr.trimmingTrailingNewlines
            if !out.isEmpty { text += "\n\n[stdout]\n" + out }
            if !err.isEmpty { text += "\n\n[stderr]\n" + err }
            return text
        case .editableUnsupported(let backend):
            return "The build backend `\(backend)` does not support editable installs (no PEP 660 `build_editable` hook)"
        case .missingWheel(let call, let filename):
            return "Call to `\(call)` returned `\(filename)`, which is not a wheel in the output folder"
        case .badSourceDistribution(let archive, let reason):
            return "Source distribution `\(archive)` cannot be unpacked: \(reason)"
        case .io(let path, let operation, let code):
            return "Failed to \(operation) `\(path)`: \(String(cString: strerror(code)))"
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .io: .error
        default: .failure
        }
    }
}

/// The wrapper uv puts between `Failed to build` and the hook's failure.
public struct BackendReturnedError: SuvError {
    public let underlying: BuildError
    public var message: String { "The build backend returned an error" }
    public var cause: (any Error)? { underlying }
    public var kind: ErrorKind { .failure }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
