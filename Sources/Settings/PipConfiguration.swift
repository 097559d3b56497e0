import SuvBasics

/// The index settings pip would use for `pip install`: `index-url`, `extra-index-url` and
/// `find-links` from pip's configuration files and `PIP_*` variables, with pip's precedence.
///
/// pip reads, in order, each later one overriding earlier ones key by key:
/// 1. global files: `<dir>/pip/pip.conf` for each dir of `$XDG_CONFIG_DIRS` (default
///    `/etc/xdg`), then `/etc/pip.conf`;
/// 2. user files (skipped when `PIP_CONFIG_FILE` names an existing file):
///    `~/.pip/pip.conf`, then `$XDG_CONFIG_HOME/pip/pip.conf` (default `~/.config/pip/pip.conf`);
/// 3. the site file: `$VIRTUAL_ENV/pip.conf`;
/// 4. `$PIP_CONFIG_FILE` (`/dev/null` there disables every file).
///
/// Within the merged files, `[install]` overrides `[global]`; `PIP_INDEX_URL`,
/// `PIP_EXTRA_INDEX_URL` and `PIP_FIND_LINKS` override both. Key names are normalized as pip
/// does (`index_url` = `index-url`). List values split on any whitespace, newlines included.
public struct PipConfiguration: Sendable, Equatable {
    /// A value and where it came from.
    public struct Setting<Value: Sendable & Equatable>: Sendable, Equatable {
        public var value: Value
        public var origin: IndexOrigin
        public init(value: Value, origin: IndexOrigin) {
            self.value = value
            self.origin = origin
        }
    }

    public var indexURL: Setting<String>?
    public var extraIndexURLs: Setting<[String]>?
    public var findLinks: Setting<[String]>?
    /// `mirror-of` (suv only; pip ignores keys it does not know): the canonical index that
    /// ``indexURL`` mirrors. Kept only when written in the same place as the `index-url` in
    /// effect (the same file and section, or `PIP_MIRROR_OF` next to `PIP_INDEX_URL`).
    public var mirrorOf: Setting<String>?
    /// The files that were read, in reading order.
    public var files: [String]
    /// Files that could not be used (without the `warning: ` prefix); pip itself would refuse
    /// them, suv skips them.
    public var warnings: [String]

    public init(indexURL: Setting<String>? = nil, extraIndexURLs: Setting<[String]>? = nil,
                findLinks: Setting<[String]>? = nil, mirrorOf: Setting<String>? = nil, files: [String] = [],
                warnings: [String] = []) {
        self.indexURL = indexURL
        self.extraIndexURLs = extraIndexURLs
        self.findLinks = findLinks
        self.mirrorOf = mirrorOf
        self.files = files
        self.warnings = warnings
    }

    /// Whether nothing was configured.
    public var isEmpty: Bool { indexURL == nil && extraIndexURLs == nil && findLinks == nil }
}

/// Reads pip's configuration (see ``PipConfiguration``).
public struct PipConfigurationLoader: Sendable {
    /// What to read.
    public struct Options: Sendable, Equatable {
        /// Read configuration files (off for `--no-config` and `--config-file`).
        public var readFiles: Bool
        /// Read the global files (off for `UV_NO_SYSTEM_CONFIG`).
        public var readSystemFiles: Bool
        public init(readFiles: Bool = true, readSystemFiles: Bool = true) {
            self.readFiles = readFiles
            self.readSystemFiles = readSystemFiles
        }
    }

    public var environment: SettingsEnvironment

    public init(environment: SettingsEnvironment) {
        self.environment = environment
    }

    /// The candidate files in pip's reading order (existing or not).
    public func candidateFiles(_ options: Options = Options()) -> [String] {
        guard options.readFiles else { return [] }
        let configFile = environment.nonEmpty("PIP_CONFIG_FILE").map { environment.absolutePath($0) }
        if configFile == "/dev/null" { return [] }
        var files: [String] = []
        if options.readSystemFiles {
            let directories = environment.nonEmpty("XDG_CONFIG_DIRS")?.trimmingASCIIWhitespace() ?? "/etc/xdg"
            for directory in directories.split(separator: ":") where !directory.isEmpty {
                files.append(PathText.normalize(PathText.join(String(directory), "pip/pip.conf")))
            }
            files.append("/etc/pip.conf")
        }
        let skipUser = configFile.map { environment.fileSystem.isFile(atPath: $0) } ?? false
        if !skipUser, let home = environment.homeDirectory {
            files.append(PathText.normalize(PathText.join(home, ".pip/pip.conf")))
            let configHome = environment.nonEmpty("XDG_CONFIG_HOME")?.trimmingASCIIWhitespace()
            let base = configHome.flatMap { $0.isEmpty ? nil : $0 } ?? PathText.join(home, ".config")
            files.append(PathText.normalize(PathText.join(base, "pip/pip.conf")))
        }
        if let virtualEnv = environment.nonEmpty("VIRTUAL_ENV") {
            files.append(PathText.normalize(PathText.join(environment.absolutePath(virtualEnv), "pip.conf")))
        }
        if let configFile { files.append(configFile) }
        return files
    }

    /// Reads the files and variables. A file that cannot be read or parsed is skipped with a
    /// warning.
    public func load(_ options: Options = Options()) -> PipConfiguration {
        var configuration = PipConfiguration()
        // "section.key" -> (value, file), later files overriding earlier ones.
        var merged: [String: (value: String, file: String)] = [:]
        for path in candidateFiles(options) {
            let text: String?
            do {
                text = try environment.fileSystem.readFile(atPath: path)
            } catch {
                configuration.warnings.append("Ignoring pip configuration file `\(path)`: \(error.reason)")
                continue
            }
            guard let text else { continue }
            let file: INIFile
            do {
                file = try INIFile(parsing: text)
            } catch {
                configuration.warnings.append("Ignoring pip configuration file `\(path)`: \(error.message)")
                continue
            }
            configuration.files.append(path)
            for section in file.sections {
                for (key, value) in file.items(in: section.name) ?? [] {
                    merged[section.name + "." + Self.normalizedKey(key)] = (value, path)
                }
            }
        }
        // `place` tells apart two settings from the same file: the section is part of it.
        func lookup(_ key: String) -> (value: String, origin: IndexOrigin, place: String)? {
            let variable = "PIP_" + key.uppercased().replacingHyphens()
            if let value = environment[variable], !value.trimmingASCIIWhitespace().isEmpty {
                return (value, .pipEnvironment(variable: variable), "$")
            }
            for section in ["install", "global"] {
                if let entry = merged[section + "." + key] {
                    return (entry.value, .pipConfiguration(path: entry.file), entry.file + "[" + section + "]")
                }
            }
            return nil
        }
        let index = lookup("index-url")
        if let (value, origin, _) = index {
            configuration.indexURL = .init(value: value.trimmingASCIIWhitespace(), origin: origin)
        }
        if let (value, origin, _) = lookup("extra-index-url") {
            configuration.extraIndexURLs = .init(value: Self.splitList(value), origin: origin)
        }
        if let (value, origin, _) = lookup("find-links") {
            configuration.findLinks = .init(value: Self.splitList(value), origin: origin)
        }
        if let (value, origin, place) = lookup("mirror-of") {
            if place == index?.place {
                configuration.mirrorOf = .init(value: value.trimmingASCIIWhitespace(), origin: origin)
            } else {
                configuration.warnings.append(
                    "Ignoring pip's `mirror-of` \(origin): it counts only next to the `index-url` in effect (same file and section, or `PIP_MIRROR_OF` with `PIP_INDEX_URL`)")
            }
        }
        return configuration
    }

    /// pip's `_normalize_name`: lowercase, `_` to `-`, a leading `--` dropped.
    static func normalizedKey(_ key: String) -> String {
        var name = key.lowercased().replacingUnderscores()
        if name.hasPrefix("--") { name.removeFirst(2) }
        return name
    }

    /// A list value split on whitespace, as pip splits `append` options from its configuration.
    static func splitList(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
    fileprivate func replacingHyphens() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
