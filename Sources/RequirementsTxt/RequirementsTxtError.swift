import PEP508
import SuvBasics

/// Why a requirements file could not be parsed, worded as uv's `RequirementsTxtFileError`.
///
/// Every error names the file it is about; ``line`` is the 1-based line of the offending
/// statement (`nil` when the file itself could not be read). Errors inside included files are
/// wrapped by an ``Reason/includedFile(_:position:)`` error of the including file, so the cause
/// chain runs from the top-level file down to the failing line.
public struct RequirementsTxtError: SuvError {
    /// What went wrong.
    public indirect enum Reason: Sendable {
        /// The loader could not read the file.
        case unreadable(any Error)
        /// A syntax error, uv's `Parser` variant: rendered `<message> at <file>:<line>:<column>`.
        case syntax(String, column: Int)
        /// A requirement that is not PEP 508 (nor a URL or path); `position` is uv's byte offset.
        case invalidRequirement(RequirementParseError, position: Int)
        /// `-e` on a registry requirement such as `-e foo>=1`.
        case unsupportedEditable(requirement: String)
        /// A URL or path requirement in a constraints file.
        case unnamedConstraint(position: Int)
        /// A `--no-binary`/`--only-binary` value that is neither `:all:`, `:none:` nor a name.
        case invalidBinarySpecifier(option: String, specifier: String)
        /// An error in a file included with `-r`/`-c` at `position` (uv's byte offset).
        case includedFile(RequirementsTxtError, position: Int)
    }

    /// The file the error is about, as given or joined.
    public let file: String
    /// The 1-based line of the offending statement, or `nil` for an unreadable file.
    public let line: Int?
    /// What went wrong.
    public let reason: Reason

    /// Creates an error about `file`.
    public init(file: String, line: Int?, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var message: String {
        switch reason {
        case .unreadable:
            "failed to read from file `\(file)`"
        case .syntax(let text, let column):
            "\(text) at \(file):\(line ?? 0):\(column)"
        case .invalidRequirement(_, let position):
            "Couldn't parse requirement in `\(file)` at position \(position)"
        case .unsupportedEditable(let requirement):
            "Unsupported editable requirement in `\(file)` at line \(line ?? 0): `\(requirement)`"
        case .unnamedConstraint:
            "Unnamed requirements are not allowed as constraints in `\(file)`"
        case .invalidBinarySpecifier(let option, let specifier):
            "Invalid specifier for `\(option)` in `\(file)`: \(specifier)"
        case .includedFile(_, let position):
            "Error parsing included file in `\(file)` at position \(position)"
        }
    }

    public var cause: (any Error)? {
        switch reason {
        case .unreadable(let error): error
        case .invalidRequirement(let error, _): RequirementCause(error)
        case .unsupportedEditable: RequirementsTxtNote("Registry requirements cannot be editable")
        case .invalidBinarySpecifier(_, let specifier):
            RequirementsTxtNote(
                "Not a valid package or extra name: \"\(specifier)\". Names must start and end with a letter "
                    + "or digit and may only contain -, _, ., and alphanumeric characters."
            )
        case .includedFile(let error, _): error
        case .syntax, .unnamedConstraint: nil
        }
    }

    public var hints: [String] {
        if case .unsupportedEditable = reason {
            return ["Editable requirements must refer to a local directory"]
        }
        return []
    }
}

/// A PEP 508 error shown with its input and pointer line, as uv prints the cause.
struct RequirementCause: SuvError {
    let error: RequirementParseError

    init(_ error: RequirementParseError) {
        self.error = error
    }

    var message: String { error.reason + "\n" + error.annotatedInput }
}

/// A fixed cause sentence.
struct RequirementsTxtNote: SuvError {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
