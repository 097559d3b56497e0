import SuvBasics
import TOML

/// A `pyproject.toml` or `uv.toml` that cannot be used.
public enum PyProjectError: SuvError, Equatable {
    /// The file is not valid TOML or does not have the expected shape; the cause carries the
    /// position and a caret snippet.
    case invalid(file: String, TOMLError)
    /// A semantic problem that is not tied to one position.
    case inconsistent(file: String, reason: String)

    public var message: String {
        switch self {
        case .invalid(let file, _): "Failed to parse: \(file)"
        case .inconsistent(let file, let reason): "Invalid \(file): \(reason)"
        }
    }

    public var cause: (any Error)? {
        if case .invalid(_, let error) = self { return error }
        return nil
    }
}
