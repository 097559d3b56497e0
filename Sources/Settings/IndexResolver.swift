import PyProject

/// Builds ``IndexLocations`` from the command line, the `UV_*` variables, the configuration
/// files and pip's configuration, with the interpreter's pip default as the last fallback.
///
/// Definitions are collected highest priority first, in uv's order:
/// 1. command line: `--default-index`, `--index`, `--extra-index-url`, `--index-url`;
/// 2. variables, each only when its flag is absent: `UV_DEFAULT_INDEX`, `UV_INDEX`
///    (space-separated, `name=URL` allowed), `UV_EXTRA_INDEX_URL` (space-separated),
///    `UV_INDEX_URL`;
/// 3. `[[index]]` / `[[tool.uv.index]]` of every configuration file (project, user, system);
/// 4. legacy `extra-index-url` of every file, then the highest file's `index-url`;
/// 5. pip: `extra-index-url`, then `index-url` (variables over `pip.conf` files).
///
/// The default index is the first definition marked default (`--default-index`,
/// `--index-url`, `UV_DEFAULT_INDEX`, `UV_INDEX_URL`, `default = true`, `index-url`, pip's
/// `index-url`), and otherwise the interpreter's pip default. Find-links come from
/// `--find-links` (else `UV_FIND_LINKS`, comma-separated), every file's `find-links`, then pip's.
/// Relative paths resolve against the working directory, or the file's directory for paths
/// written in a `uv.toml`/`pyproject.toml`.
public struct IndexResolver: Sendable {
    public var environment: SettingsEnvironment

    public init(environment: SettingsEnvironment) {
        self.environment = environment
    }

    /// The locations with the fallback default index resolved: asks `pipDefaultIndex` only
    /// when nothing configured a default and `--no-index` is off.
    ///
    /// - Throws: ``IndexConfigurationError/noIndexConfigured(interpreterProblem:)`` when the
    ///   provider cannot answer either, or any error of ``configuredLocations(_:configuration:pip:)``.
    public func resolve(
        _ arguments: IndexArguments, configuration: DiscoveredConfiguration, pip: PipConfiguration,
        pipDefaultIndex: any PipDefaultIndexProvider
    ) async throws(IndexConfigurationError) -> IndexLocations {
        let locations = try configuredLocations(arguments, configuration: configuration, pip: pip)
        guard locations.needsFallbackDefault else { return locations }
        let answer: PipDefaultIndex
        do {
            answer = try await pipDefaultIndex.pipDefaultIndex()
        } catch {
            throw .noIndexConfigured(interpreterProblem: error)
        }
        let origin = IndexOrigin.interpreterPip(interpreter: answer.interpreter)
        let parsed = try parseURL(answer.url, origin: origin, relativeTo: environment.workingDirectory)
        return locations.withFallbackDefault(
            ConfiguredIndex(url: parsed.url, isDefault: true, origin: origin, urlCredentials: parsed.credentials)
        )
    }

    /// The configured locations, without asking any interpreter: ``IndexLocations/defaultIndex``
    /// is `nil` when nothing configured one.
    public func configuredLocations(
        _ arguments: IndexArguments, configuration: DiscoveredConfiguration, pip: PipConfiguration
    ) throws(IndexConfigurationError) -> IndexLocations {
        let cwd = environment.workingDirectory
        var definitions: [ConfiguredIndex] = []

        // 1. The command line.
        if let value = arguments.defaultIndex {
            definitions.append(try parseIndexValue(value, origin: .commandLine(flag: "--default-index"), isDefault: true))
        }
        for value in arguments.index {
            definitions.append(try parseIndexValue(value, origin: .commandLine(flag: "--index"), isDefault: false))
        }
        for value in arguments.extraIndexURL {
            definitions.append(try plainIndex(value, origin: .commandLine(flag: "--extra-index-url"), isDefault: false, relativeTo: cwd))
        }
        if let value = arguments.indexURL {
            definitions.append(try plainIndex(value, origin: .commandLine(flag: "--index-url"), isDefault: true, relativeTo: cwd))
        }

        // 2. `UV_*` variables standing in for absent flags.
        if arguments.defaultIndex == nil, let value = environment.nonEmpty("UV_DEFAULT_INDEX") {
            definitions.append(try parseIndexValue(value, origin: .environment(variable: "UV_DEFAULT_INDEX"), isDefault: true))
        }
        if arguments.index.isEmpty {
            for value in split(environment["UV_INDEX"], on: " ") {
                definitions.append(try parseIndexValue(value, origin: .environment(variable: "UV_INDEX"), isDefault: false))
            }
        }
        if arguments.extraIndexURL.isEmpty {
            for value in split(environment["UV_EXTRA_INDEX_URL"], on: " ") {
                definitions.append(try plainIndex(value, origin: .environment(variable: "UV_EXTRA_INDEX_URL"), isDefault: false, relativeTo: cwd))
            }
        }
        if arguments.indexURL == nil, let value = environment.nonEmpty("UV_INDEX_URL") {
            definitions.append(try plainIndex(value, origin: .environment(variable: "UV_INDEX_URL"), isDefault: true, relativeTo: cwd))
        }

        // 3. `[[index]]` of every file, project first.
        for (entry, file) in configuration.values(\.index) {
            definitions.append(try configuredIndex(entry, file: file))
        }
        // 4. Legacy keys: every file's `extra-index-url`, then the highest `index-url`.
        for (value, file) in configuration.values(\.extraIndexURL) {
            definitions.append(try plainIndex(value, origin: origin(of: file), isDefault: false, relativeTo: file.directory))
        }
        if let (value, file) = configuration.value(\.indexURL) {
            definitions.append(try plainIndex(value, origin: origin(of: file), isDefault: true, relativeTo: file.directory))
        }

        // 5. pip's configuration.
        if let extra = pip.extraIndexURLs {
            for value in extra.value {
                definitions.append(try plainIndex(value, origin: extra.origin, isDefault: false, relativeTo: cwd))
            }
        }
        if let index = pip.indexURL {
            definitions.append(try plainIndex(index.value, origin: index.origin, isDefault: true, relativeTo: cwd))
        }

        return IndexLocations(
            definitions: definitions,
            findLinks: try findLinks(arguments, configuration: configuration, pip: pip),
            noIndex: try noIndex(arguments, configuration: configuration),
            strategy: try strategy(arguments, configuration: configuration)
        )
    }

    // MARK: - Pieces

    private func findLinks(
        _ arguments: IndexArguments, configuration: DiscoveredConfiguration, pip: PipConfiguration
    ) throws(IndexConfigurationError) -> [ConfiguredIndex] {
        let cwd = environment.workingDirectory
        var result: [ConfiguredIndex] = []
        if !arguments.findLinks.isEmpty {
            for value in arguments.findLinks {
                result.append(try flatIndex(value, origin: .commandLine(flag: "--find-links"), relativeTo: cwd))
            }
        } else {
            for value in split(environment["UV_FIND_LINKS"], on: ",") {
                result.append(try flatIndex(value, origin: .environment(variable: "UV_FIND_LINKS"), relativeTo: cwd))
            }
        }
        for (value, file) in configuration.values(\.findLinks) {
            result.append(try flatIndex(value, origin: origin(of: file), relativeTo: file.directory))
        }
        if let links = pip.findLinks {
            for value in links.value {
                result.append(try flatIndex(value, origin: links.origin, relativeTo: cwd))
            }
        }
        return result
    }

    private func noIndex(_ arguments: IndexArguments, configuration: DiscoveredConfiguration) throws(IndexConfigurationError) -> Bool {
        if arguments.noIndex { return true }
        do {
            if try environment.boolean("UV_NO_INDEX") == true { return true }
        } catch {
            throw .environment(error)
        }
        return configuration.value(\.noIndex)?.value ?? false
    }

    private func strategy(_ arguments: IndexArguments, configuration: DiscoveredConfiguration) throws(IndexConfigurationError) -> IndexStrategy {
        if let strategy = arguments.indexStrategy { return strategy }
        do {
            if let strategy = try environment.choice("UV_INDEX_STRATEGY", as: IndexStrategy.self) { return strategy }
        } catch {
            throw .environment(error)
        }
        return configuration.value(\.indexStrategy)?.value ?? .firstIndex
    }

    /// `URL`, `name=URL` or a path, as `--index`, `--default-index` and `UV_INDEX` accept:
    /// the text before the first `=` is a name unless it contains a `:`.
    func parseIndexValue(_ value: String, origin: IndexOrigin, isDefault: Bool) throws(IndexConfigurationError) -> ConfiguredIndex {
        if let equals = value.firstIndex(of: "="), !value[..<equals].contains(":") {
            let name = String(value[..<equals])
            if let problem = IndexEntry.nameProblem(name) { throw .invalidName(reason: problem, origin: origin) }
            var index = try plainIndex(String(value[value.index(after: equals)...]), origin: origin, isDefault: isDefault,
                                       relativeTo: environment.workingDirectory)
            index.name = name
            return index
        }
        return try plainIndex(value, origin: origin, isDefault: isDefault, relativeTo: environment.workingDirectory)
    }

    private func plainIndex(_ value: String, origin: IndexOrigin, isDefault: Bool, relativeTo directory: String) throws(IndexConfigurationError) -> ConfiguredIndex {
        let parsed = try parseURL(value, origin: origin, relativeTo: directory)
        return ConfiguredIndex(url: parsed.url, isDefault: isDefault, origin: origin, urlCredentials: parsed.credentials)
    }

    private func flatIndex(_ value: String, origin: IndexOrigin, relativeTo directory: String) throws(IndexConfigurationError) -> ConfiguredIndex {
        var index = try plainIndex(value, origin: origin, isDefault: false, relativeTo: directory)
        index.format = .flat
        return index
    }

    private func configuredIndex(_ entry: IndexEntry, file: ConfigurationFile) throws(IndexConfigurationError) -> ConfiguredIndex {
        let origin = origin(of: file)
        let parsed = try parseURL(entry.url, origin: origin, relativeTo: file.directory)
        return ConfiguredIndex(
            name: entry.name, url: parsed.url, isDefault: entry.isDefault, explicit: entry.explicit, format: entry.format,
            authenticate: entry.authenticate, ignoreErrorCodes: entry.ignoreErrorCodes, cacheControl: entry.cacheControl,
            publishURL: entry.publishURL, origin: origin, urlCredentials: parsed.credentials
        )
    }

    private func parseURL(_ value: String, origin: IndexOrigin, relativeTo directory: String) throws(IndexConfigurationError) -> (url: IndexURL, credentials: IndexCredentials?) {
        do {
            return try IndexURL.parse(value, relativeTo: directory, home: environment.homeDirectory)
        } catch {
            throw .invalidURL(error, origin: origin)
        }
    }

    private func origin(of file: ConfigurationFile) -> IndexOrigin {
        .configuration(path: file.displayPath, kind: file.kind, level: file.level)
    }

    private func split(_ value: String?, on separator: Character) -> [String] {
        guard let value else { return [] }
        return value.split(separator: separator).map { $0.trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
    }
}
