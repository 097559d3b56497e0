import PyProject

/// Collects the mirror rules that apply to a command, highest precedence first:
///
/// 1. `SUV_INDEX_MIRRORS`: whitespace-separated `CANONICAL=MIRROR` prefix pairs;
/// 2. `mirror-of` on `[[index]]` / `[[tool.uv.index]]` entries of the configuration files
///    (project, user, system, as index definitions are collected): the entry's `url` mirrors
///    the `mirror-of` URL;
/// 3. suv's `mirrors.toml`: user (`$XDG_CONFIG_HOME/suv/mirrors.toml`, else
///    `~/.config/suv/mirrors.toml`), then system (the first `<dir>/suv/mirrors.toml` over
///    `$XDG_CONFIG_DIRS`, else `/etc/suv/mirrors.toml`; skipped with `UV_NO_SYSTEM_CONFIG`);
///    neither is read with `--no-config` or `--config-file`, as pip's files are not;
/// 4. pip's `mirror-of` next to its `index-url`.
public struct MirrorDiscovery: Sendable {
    /// The variable holding prefix pairs.
    public static let variable = "SUV_INDEX_MIRRORS"

    public var environment: SettingsEnvironment

    public init(environment: SettingsEnvironment) {
        self.environment = environment
    }

    /// The rules, highest precedence first.
    ///
    /// - Throws: ``MirrorConfigurationError`` for an entry that does not parse or maps a prefix
    ///   to itself.
    public func discover(configuration: DiscoveredConfiguration, pip: PipConfiguration) throws(MirrorConfigurationError) -> MirrorRules {
        var rules = try variableRules()
        for (entry, file) in configuration.values(\.index) {
            guard let mirrorOf = entry.mirrorOf else { continue }
            let origin = IndexOrigin.configuration(path: file.displayPath, kind: file.kind, level: file.level)
            rules.append(try rule(canonical: mirrorOf, mirror: entry.url, relativeTo: file.directory, origin: .index(origin)))
        }
        if configuration.readsOtherFiles {
            let paths = [userFilePath.map { ($0, ConfigurationLevel.user) },
                         configuration.systemLevelDisabled ? nil : systemFilePath.map { ($0, ConfigurationLevel.system) }]
            for case let (path, level)? in paths {
                let text: String?
                do {
                    text = try environment.fileSystem.readFile(atPath: path)
                } catch {
                    throw .unreadable(error)
                }
                if let text { rules += try MirrorsFile.rules(parsing: text, path: path, level: level) }
            }
        }
        if let mirrorOf = pip.mirrorOf, let index = pip.indexURL {
            rules.append(try rule(canonical: mirrorOf.value, mirror: index.value, relativeTo: environment.workingDirectory,
                                  origin: .index(mirrorOf.origin)))
        }
        return MirrorRules(rules)
    }

    /// The user-level `mirrors.toml`: `$XDG_CONFIG_HOME/suv/mirrors.toml` when that variable
    /// holds an absolute path, else `$HOME/.config/suv/mirrors.toml`.
    public var userFilePath: String? {
        if let xdg = environment.nonEmpty("XDG_CONFIG_HOME"), xdg.hasPrefix("/") {
            return PathText.join(PathText.normalize(xdg), "suv/mirrors.toml")
        }
        guard let home = environment.homeDirectory else { return nil }
        return PathText.normalize(PathText.join(home, ".config/suv/mirrors.toml"))
    }

    /// The system-level `mirrors.toml` that exists, if any.
    public var systemFilePath: String? {
        let directories = environment.nonEmpty("XDG_CONFIG_DIRS") ?? "/etc/xdg"
        for directory in directories.split(separator: ":") where !directory.isEmpty {
            let candidate = PathText.normalize(PathText.join(String(directory), "suv/mirrors.toml"))
            if environment.fileSystem.isFile(atPath: candidate) { return candidate }
        }
        let fallback = "/etc/suv/mirrors.toml"
        return environment.fileSystem.isFile(atPath: fallback) ? fallback : nil
    }

    // MARK: - Pieces

    private func variableRules() throws(MirrorConfigurationError) -> [MirrorRule] {
        guard let value = environment[Self.variable] else { return [] }
        let origin = MirrorOrigin.environment(variable: Self.variable)
        var rules: [MirrorRule] = []
        for item in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex, item.index(after: equals) != item.endIndex else {
                throw .invalidEntry(entry: String(item), variable: Self.variable)
            }
            let canonical = String(item[..<equals])
            let mirror = String(item[item.index(after: equals)...])
            rules.append(try rule(canonical: canonical, mirror: mirror, relativeTo: nil, origin: origin))
        }
        return rules
    }

    /// A rule from two texts; the mirror may be a path (an index entry's `url`) when
    /// `directory` is given.
    private func rule(canonical: String, mirror: String, relativeTo directory: String?, origin: MirrorOrigin) throws(MirrorConfigurationError) -> MirrorRule {
        let canonicalPrefix: MirrorPrefix
        let mirrorPrefix: (prefix: MirrorPrefix, credentials: IndexCredentials?)
        do {
            canonicalPrefix = try MirrorPrefix.parse(canonical).prefix
            if let directory {
                let parsed = try IndexURL.parse(mirror, relativeTo: directory, home: environment.homeDirectory)
                mirrorPrefix = (MirrorPrefix(url: parsed.url), parsed.credentials)
            } else {
                mirrorPrefix = try MirrorPrefix.parse(mirror)
            }
        } catch {
            throw .invalidPrefix(error, origin: origin)
        }
        guard canonicalPrefix.stem != mirrorPrefix.prefix.stem else {
            throw .mapsToItself(prefix: canonicalPrefix.string, origin: origin)
        }
        return MirrorRule(canonical: canonicalPrefix, mirror: mirrorPrefix.prefix, mirrorCredentials: mirrorPrefix.credentials,
                          origin: origin)
    }
}
