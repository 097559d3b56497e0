import PyProject
import SuvBasics
import TOML

/// What the command line says about configuration files.
public struct ConfigurationDiscoveryOptions: Sendable, Equatable {
    /// Which files a command reads.
    public enum Scope: Sendable, Equatable {
        /// Project, user and system files (most commands).
        case project
        /// User and system files only (`tool` commands).
        case userAndSystem
    }

    /// Where the project search starts (`--project`/`--directory`, or the workspace root);
    /// `nil` means the working directory.
    public var projectDirectory: String?
    /// `--config-file`; when `nil`, `UV_CONFIG_FILE` is consulted.
    public var configFile: String?
    /// `--no-config`; when `false`, `UV_NO_CONFIG` is consulted.
    public var noConfig: Bool
    public var scope: Scope

    public init(projectDirectory: String? = nil, configFile: String? = nil, noConfig: Bool = false, scope: Scope = .project) {
        self.projectDirectory = projectDirectory
        self.configFile = configFile
        self.noConfig = noConfig
        self.scope = scope
    }
}

/// Finds and reads the configuration files the way uv 0.13 does.
///
/// - `--config-file F` / `UV_CONFIG_FILE`: only `F`, read as a `uv.toml` (this wins over
///   `--no-config`, as in uv).
/// - `--no-config` / `UV_NO_CONFIG`: no files.
/// - Otherwise, in precedence order:
///   1. project: walking up from the project directory, the first directory with a `uv.toml`,
///      or with a `pyproject.toml` that has a `[tool.uv]` table (a `pyproject.toml` without one
///      is skipped, and one that does not parse is skipped with a warning). When a directory has
///      both, the `uv.toml` wins and uv's warning lists the masked `[tool.uv]` fields;
///   2. user: `$XDG_CONFIG_HOME/uv/uv.toml` (when absolute), else `~/.config/uv/uv.toml`;
///   3. system (unless `UV_NO_SYSTEM_CONFIG`): the first `<dir>/uv/uv.toml` over the
///      colon-separated `$XDG_CONFIG_DIRS` (default `/etc/xdg`), else `/etc/uv/uv.toml`.
public struct ConfigurationDiscovery: Sendable {
    public var environment: SettingsEnvironment

    public init(environment: SettingsEnvironment) {
        self.environment = environment
    }

    /// The files that apply, highest precedence first, with the warnings found on the way.
    public func discover(_ options: ConfigurationDiscoveryOptions = ConfigurationDiscoveryOptions()) throws(ConfigurationError) -> DiscoveredConfiguration {
        var result = DiscoveredConfiguration()
        do {
            result.systemLevelDisabled = try environment.boolean("UV_NO_SYSTEM_CONFIG") == true
        } catch {
            throw .environment(error)
        }
        if let configFile = options.configFile ?? environment.nonEmpty("UV_CONFIG_FILE") {
            let path = environment.absolutePath(configFile)
            if PathText.lastComponent(path) == "pyproject.toml" {
                result.warnings.append(
                    "The `--config-file` argument expects to receive a `uv.toml` file, not a `pyproject.toml`. If you're trying to run a command from another project, use the `--project` argument instead."
                )
            }
            guard let text = try read(path) else {
                throw .missingConfigFile(path: PathText.display(path, relativeTo: environment.workingDirectory))
            }
            let display = PathText.display(path, relativeTo: environment.workingDirectory)
            result.files.append(try parseUvToml(text, path: path, display: display, level: .explicitFile))
            result.mode = .explicitFile
            return result
        }
        let noConfigVariable: Bool?
        do {
            noConfigVariable = try environment.boolean("UV_NO_CONFIG")
        } catch {
            throw .environment(error)
        }
        if options.noConfig || noConfigVariable == true {
            result.mode = .disabled
            return result
        }
        if options.scope == .project {
            let start = environment.absolutePath(options.projectDirectory ?? environment.workingDirectory)
            if let project = try findProjectFile(from: start, warnings: &result.warnings) {
                result.files.append(project)
            }
        }
        if let user = try userFile() { result.files.append(user) }
        if !result.systemLevelDisabled, let system = try systemFile() { result.files.append(system) }
        return result
    }

    /// The user-level `uv.toml` path: `$XDG_CONFIG_HOME/uv/uv.toml` when that variable holds
    /// an absolute path, else `$HOME/.config/uv/uv.toml`; `nil` without either.
    public var userConfigPath: String? {
        if let xdg = environment.nonEmpty("XDG_CONFIG_HOME"), xdg.hasPrefix("/") {
            return PathText.join(PathText.join(PathText.normalize(xdg), "uv"), "uv.toml")
        }
        guard let home = environment.homeDirectory else { return nil }
        return PathText.normalize(PathText.join(home, ".config/uv/uv.toml"))
    }

    /// The system-level `uv.toml` that exists, if any (ignoring `UV_NO_SYSTEM_CONFIG`).
    public var systemConfigPath: String? {
        let directories = environment.nonEmpty("XDG_CONFIG_DIRS") ?? "/etc/xdg"
        for directory in directories.split(separator: ":", omittingEmptySubsequences: false) {
            if directory.isEmpty { break }
            let candidate = PathText.normalize(PathText.join(String(directory), "uv/uv.toml"))
            if environment.fileSystem.isFile(atPath: candidate) { return candidate }
        }
        let fallback = "/etc/uv/uv.toml"
        return environment.fileSystem.isFile(atPath: fallback) ? fallback : nil
    }

    // MARK: - Levels

    private func findProjectFile(from start: String, warnings: inout [String]) throws(ConfigurationError) -> ConfigurationFile? {
        for directory in PathText.ancestors(of: start) {
            let uvTomlPath = PathText.join(directory, "uv.toml")
            let pyprojectPath = PathText.join(directory, "pyproject.toml")
            if let text = try read(uvTomlPath) {
                let display = PathText.display(uvTomlPath, relativeTo: environment.workingDirectory)
                let file = try parseUvToml(text, path: uvTomlPath, display: display, level: .project)
                if let adjacent = try? read(pyprojectPath), let masked = Self.maskedFields(inPyproject: adjacent), !masked.isEmpty {
                    warnings.append(MaskedFields.warning(for: masked))
                }
                return file
            }
            guard let text = try read(pyprojectPath) else { continue }
            let display = PathText.display(pyprojectPath, relativeTo: environment.workingDirectory)
            let toolUv: ToolUv?
            do {
                toolUv = try ToolUv.read(fromPyproject: text, fileName: "`\(display)`")
            } catch {
                let detail = ErrorChain(error).messages.dropFirst().joined(separator: "\n")
                let indented = detail.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
                warnings.append("Failed to parse `\(display)` during settings discovery:\n\(indented)")
                continue
            }
            guard let toolUv else { continue }
            if let problem = IndexListProblem.check(toolUv.settings.index) {
                throw .invalidIndexList(path: display, problem)
            }
            return ConfigurationFile(path: pyprojectPath, displayPath: display, level: .project, kind: .pyprojectToml,
                                     settings: toolUv.settings)
        }
        return nil
    }

    private func userFile() throws(ConfigurationError) -> ConfigurationFile? {
        guard let path = userConfigPath else { return nil }
        let text: String?
        do {
            text = try environment.fileSystem.readFile(atPath: path)
        } catch {
            // uv skips a user file it may not read.
            if error.isPermissionDenied { return nil }
            throw .unreadable(error)
        }
        guard let text else { return nil }
        return try parseUvToml(text, path: path, display: path, level: .user)
    }

    private func systemFile() throws(ConfigurationError) -> ConfigurationFile? {
        guard let path = systemConfigPath, let text = try read(path) else { return nil }
        return try parseUvToml(text, path: path, display: path, level: .system)
    }

    // MARK: - Reading

    private func read(_ path: String) throws(ConfigurationError) -> String? {
        do {
            return try environment.fileSystem.readFile(atPath: path)
        } catch {
            throw .unreadable(error)
        }
    }

    /// Parses a `uv.toml`, rejecting `pyproject.toml`-only keys as uv does.
    func parseUvToml(_ text: String, path: String, display: String, level: ConfigurationLevel) throws(ConfigurationError) -> ConfigurationFile {
        let settings: UvSettings
        do {
            settings = try UvToml(parsing: text, fileName: "`\(display)`").settings
        } catch {
            throw .invalid(error)
        }
        if let document = try? TOMLDocument(parsing: text),
           let field = MaskedFields.projectOnlyKeys.first(where: { document.root[$0] != nil }) {
            throw .projectOnlyField(path: display, field: field)
        }
        return ConfigurationFile(path: path, displayPath: display, level: level, kind: .uvToml, settings: settings)
    }

    /// The `[tool.uv]` settings keys of a `pyproject.toml` text, or `nil` when it does not parse
    /// or has no `[tool.uv]`.
    static func maskedFields(inPyproject text: String) -> [String]? {
        guard let document = try? TOMLDocument(parsing: text),
              let toolUv = document.root["tool"]?.table?["uv"]?.table else { return nil }
        return MaskedFields.masked(in: toolUv)
    }
}
