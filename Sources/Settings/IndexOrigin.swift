/// Where an index came from, for messages: ``from `uv.toml` at /etc/uv/uv.toml``.
public enum IndexOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A command-line flag such as `--index` or `--default-index`.
    case commandLine(flag: String)
    /// A `UV_*` variable such as `UV_INDEX`.
    case environment(variable: String)
    /// A `uv.toml` or `pyproject.toml` (`path` as displayed to the user).
    case configuration(path: String, kind: ConfigurationFile.Kind, level: ConfigurationLevel)
    /// A `PIP_*` variable such as `PIP_INDEX_URL`.
    case pipEnvironment(variable: String)
    /// A pip configuration file.
    case pipConfiguration(path: String)
    /// The index the interpreter's pip uses by default (`interpreter` names the Python asked).
    case interpreterPip(interpreter: String)

    public var description: String {
        switch self {
        case .commandLine(let flag): "from `\(flag)`"
        case .environment(let variable): "from `\(variable)`"
        case .configuration(let path, let kind, _): "from `\(kind.rawValue)` at \(path)"
        case .pipEnvironment(let variable): "from `\(variable)`"
        case .pipConfiguration(let path): "from pip.conf at \(path)"
        case .interpreterPip(let interpreter): "from the interpreter's pip (`\(interpreter)`)"
        }
    }

    /// The configuration level, for indexes read from a `uv.toml` or `pyproject.toml`.
    public var configurationLevel: ConfigurationLevel? {
        if case .configuration(_, _, let level) = self { return level }
        return nil
    }

    /// Whether the index was given on the command line or through a `UV_*` variable.
    public var isCommandLineOrEnvironment: Bool {
        switch self {
        case .commandLine, .environment: true
        default: false
        }
    }
}
