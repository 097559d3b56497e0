import SuvBasics

/// A command line that cannot be acted on: a bad value in a `UV_*` variable, or flags (possibly
/// from the environment) that exclude each other. Exit status 2, as for every usage error.
package struct UsageError: SuvError, Equatable {
    package let message: String
    package let hints: [String]

    package init(_ message: String, hints: [String] = []) {
        self.message = message
        self.hints = hints
    }

    /// clap's wording for a value its boolean parser rejects.
    package static func notABoolean(_ value: String, option: String) -> UsageError {
        UsageError("invalid value '\(value)' for '\(option)': value was not a boolean")
    }

    /// clap's wording for an empty value where one is required.
    package static func missingValue(option: String) -> UsageError {
        UsageError("a value is required for '\(option)' but none was supplied")
    }

    /// clap's wording for a value outside an option's possible values.
    package static func invalidValue(_ value: String, option: String, possible: [String]) -> UsageError {
        let list = possible.isEmpty ? "" : "\n  [possible values: \(possible.joined(separator: ", "))]"
        return UsageError("invalid value '\(value)' for '\(option)'\(list)")
    }

    /// uv's wording when two environment variables select exclusive modes.
    package static func conflictingVariables(_ first: String, _ second: String) -> UsageError {
        UsageError(
            "the argument `\(first)` (environment variable) cannot be used with `\(second)` (environment variable)"
        )
    }
}

/// The `kind` is `.error` (exit 2), the protocol default.
extension UsageError {
    package var kind: ErrorKind { .error }
}
