import PyProject

/// Which layer of configuration a file belongs to; earlier cases take precedence.
public enum ConfigurationLevel: String, Sendable, Equatable, CaseIterable {
    /// `--config-file` / `UV_CONFIG_FILE`: the only file read.
    case explicitFile = "explicit"
    /// The nearest `uv.toml`, or `pyproject.toml` with `[tool.uv]`, above the project directory.
    case project
    /// `$XDG_CONFIG_HOME/uv/uv.toml` or `~/.config/uv/uv.toml`.
    case user
    /// `$XDG_CONFIG_DIRS/uv/uv.toml` or `/etc/uv/uv.toml`.
    case system
}

/// One configuration file that was found and read.
public struct ConfigurationFile: Sendable, Equatable {
    /// Whether the settings came from a `uv.toml` or a `pyproject.toml`'s `[tool.uv]`.
    public enum Kind: String, Sendable, Equatable {
        case uvToml = "uv.toml"
        case pyprojectToml = "pyproject.toml"
    }

    /// The absolute path.
    public var path: String
    /// The path as messages show it (relative to the working directory for project files).
    public var displayPath: String
    public var level: ConfigurationLevel
    public var kind: Kind
    /// The settings keys (`[tool.uv]` without the prefix for a `pyproject.toml`).
    public var settings: UvSettings

    public init(path: String, displayPath: String? = nil, level: ConfigurationLevel, kind: Kind, settings: UvSettings) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.level = level
        self.kind = kind
        self.settings = settings
    }

    /// The directory holding the file: the base for relative paths in it.
    public var directory: String { PathText.parent(path) ?? "/" }

    /// How index messages name this file: ``from `uv.toml` at /home/alice/.config/uv/uv.toml``.
    public var originDescription: String { "`\(kind.rawValue)` at \(displayPath)" }
}
