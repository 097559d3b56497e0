import PyProject
import SuvBasics

/// A configuration file (or the variables that locate one) that cannot be used.
public enum ConfigurationError: SuvError, Equatable {
    /// The file is not valid TOML or has a bad value; `Failed to parse: \`path\`` with the
    /// TOML error (caret snippet) as the cause.
    case invalid(PyProjectError)
    /// A `uv.toml` sets a key that belongs in a `pyproject.toml` (`sources`, `workspace`, ...).
    case projectOnlyField(path: String, field: String)
    /// The `[tool.uv.index]` list of a `pyproject.toml` breaks one of uv's rules.
    case invalidIndexList(path: String, IndexListProblem)
    /// An index URL in a `pyproject.toml` that does not parse.
    case invalidIndexURL(IndexURLError, origin: IndexOrigin)
    /// `--config-file` / `UV_CONFIG_FILE` names a file that does not exist.
    case missingConfigFile(path: String)
    /// A file exists but cannot be read.
    case unreadable(FileReadError)
    /// `UV_NO_CONFIG` or `UV_NO_SYSTEM_CONFIG` has a value that is not a boolean.
    case environment(EnvironmentVariableError)

    public var message: String {
        switch self {
        case .invalid(let error): error.message
        case .projectOnlyField(let path, let field):
            "Failed to parse: `\(path)`. The `\(field)` field is not allowed in a `uv.toml` file. `\(field)` is only applicable in the context of a project, and should be placed in a `pyproject.toml` file instead."
        case .invalidIndexList(let path, _): "Failed to parse: `\(path)`"
        case .invalidIndexURL(let error, let origin): "\(error.message) (\(origin))"
        case .missingConfigFile(let path): "failed to open file `\(path)`: No such file or directory (os error 2)"
        case .unreadable(let error): error.message
        case .environment(let error): error.message
        }
    }

    public var cause: (any Error)? {
        switch self {
        case .invalid(let error): error.cause
        case .invalidIndexList(_, let problem): problem
        default: nil
        }
    }
}

/// Why a `[tool.uv.index]` list is rejected (uv's `deserialize_index_vec`).
public enum IndexListProblem: SuvError, Equatable {
    case multipleDefaults
    case duplicateName(String)

    public var message: String {
        switch self {
        case .multipleDefaults:
            "found multiple indexes with `default = true`; only one index may be marked as default"
        case .duplicateName(let name): "duplicate index name `\(name)`"
        }
    }

    /// The first problem in `entries`, if any.
    public static func check(_ entries: [IndexEntry]) -> IndexListProblem? {
        var names: Set<String> = []
        var sawDefault = false
        for entry in entries {
            if let name = entry.name, !names.insert(name).inserted { return .duplicateName(name) }
            if entry.isDefault {
                if sawDefault { return .multipleDefaults }
                sawDefault = true
            }
        }
        return nil
    }
}
