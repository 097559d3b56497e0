import SuvBasics

/// What can go wrong unpacking, installing or uninstalling a wheel.
///
/// Install and unpack failures are wrapped in a context naming the wheel and package (see
/// ``Installer`` and ``WheelCache``), so the rendered error reads
/// `error: Failed to install: omega-1.0-py3-none-any.whl (omega==1.0)` / `cause: …`.
public enum InstallerError: SuvError, Equatable {
    /// A filesystem call failed.
    case io(operation: String, path: String, reason: String)
    /// A member of the wheel would be written outside the unpack folder.
    case unsafePath(wheel: String, entry: String, reason: String)
    /// A member is a symbolic link whose target leaves the wheel, or a member is reached
    /// through a symbolic link.
    case unsafeSymlink(wheel: String, entry: String, target: String)
    /// An unpacked file's hash differs from the one its `RECORD` line gives.
    case recordHashMismatch(wheel: String, file: String, expected: String, actual: String)
    /// An unpacked file's size differs from the one its `RECORD` line gives.
    case recordSizeMismatch(wheel: String, file: String, expected: UInt64, actual: UInt64)
    /// The wheel file's SHA-256 is not the one the caller expected.
    case wheelHashMismatch(wheel: String, expected: String, actual: String)
    /// The wheel is malformed (no `.dist-info`, bad `WHEEL`, `RECORD`, entry points…).
    case invalidWheel(reason: String)
    /// The file name of the wheel cannot be parsed.
    case invalidWheelFilename(String)
    /// `METADATA`'s name differs from the file name's.
    case mismatchedName(metadata: String, filename: String)
    /// `METADATA`'s version differs from the file name's.
    case mismatchedVersion(metadata: String, filename: String)
    /// An entry point named like the interpreter.
    case reservedScriptName(String)
    /// Uninstalling needs a `RECORD` and there is none.
    case missingRecord(path: String)
    /// Uninstalling a legacy `.egg-info` needs `top_level.txt`.
    case missingTopLevel(path: String)
    /// A `RECORD` file cannot be read.
    case invalidRecord(path: String, reason: String)
    /// The interpreter could not run `compileall`.
    case bytecodeCompilationFailed(reason: String)

    public var message: String {
        switch self {
        case let .io(operation, path, reason):
            "Failed to \(operation) `\(path)`: \(reason)"
        case let .unsafePath(wheel, entry, reason):
            "The wheel `\(wheel)` contains an unsafe path `\(entry)`: \(reason)"
        case let .unsafeSymlink(wheel, entry, target):
            "The wheel `\(wheel)` contains a symbolic link `\(entry)` that points outside the wheel (`\(target)`)"
        case let .recordHashMismatch(wheel, file, expected, actual):
            "The wheel `\(wheel)` has a RECORD that does not match its contents: `\(file)` has the hash `\(actual)`, but RECORD gives `\(expected)`"
        case let .recordSizeMismatch(wheel, file, expected, actual):
            "The wheel `\(wheel)` has a RECORD that does not match its contents: `\(file)` has \(actual) bytes, but RECORD gives \(expected)"
        case let .wheelHashMismatch(wheel, expected, actual):
            "Hash mismatch for `\(wheel)`:\n\nExpected:\n  sha256:\(expected)\n\nComputed:\n  sha256:\(actual)"
        case let .invalidWheel(reason):
            "The wheel is invalid: \(reason)"
        case let .invalidWheelFilename(name):
            "The wheel filename `\(name)` is invalid"
        case let .mismatchedName(metadata, filename):
            "Wheel package name does not match filename (\(metadata) != \(filename)), which indicates a malformed wheel"
        case let .mismatchedVersion(metadata, filename):
            "Wheel version does not match filename (\(metadata) != \(filename)), which indicates a malformed wheel"
        case let .reservedScriptName(name):
            "Scripts must not use the reserved name \(name)"
        case let .missingRecord(path):
            "Cannot uninstall package; `RECORD` file not found at: \(path)"
        case let .missingTopLevel(path):
            "Cannot uninstall package; `top_level.txt` file not found at: \(path)"
        case let .invalidRecord(path, reason):
            "The RECORD file `\(path)` is invalid: \(reason)"
        case let .bytecodeCompilationFailed(reason):
            "Failed to bytecode-compile Python file in: \(reason)"
        }
    }

    init(_ error: InstallPlanError) {
        switch error {
        case .reservedScriptName(let name): self = .reservedScriptName(name)
        default: self = .invalidWheel(reason: String(error.description.dropFirst("The wheel is invalid: ".count)))
        }
    }
}
