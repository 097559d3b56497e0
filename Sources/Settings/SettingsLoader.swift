import SuvBasics

/// What a command asks of settings resolution: its configuration flags, index flags and the
/// other overrides, all as given on the command line.
public struct SettingsRequest: Sendable, Equatable {
    public var discovery: ConfigurationDiscoveryOptions
    public var index: IndexArguments
    public var overrides: SettingsOverrides

    public init(
        discovery: ConfigurationDiscoveryOptions = ConfigurationDiscoveryOptions(),
        index: IndexArguments = IndexArguments(), overrides: SettingsOverrides = SettingsOverrides()
    ) {
        self.discovery = discovery
        self.index = index
        self.overrides = overrides
    }
}

/// Everything settings resolution produced for one command.
public struct LoadedSettings: Sendable {
    public var configuration: DiscoveredConfiguration
    public var pip: PipConfiguration
    /// The indexes to fetch from: as configured, except that an index a mirror rule covers is
    /// replaced by its mirror (see ``MirrorRules/fetchLocations(_:)``).
    public var indexes: IndexLocations
    /// The declared mirrors: how fetched URLs map back to the canonical URLs a lock records.
    public var mirrors: MirrorRules
    public var credentials: IndexCredentialStore
    public var settings: ResolvedSettings
    /// Warnings from every step, in order (without the `warning: ` prefix).
    public var warnings: [String]
}

/// Runs discovery, pip's configuration, index resolution, credentials and the other settings
/// in one call.
public struct SettingsLoader: Sendable {
    public var environment: SettingsEnvironment
    /// Asked for pip's default index when nothing else names a default index.
    public var pipDefaultIndex: any PipDefaultIndexProvider

    public init(environment: SettingsEnvironment, pipDefaultIndex: any PipDefaultIndexProvider) {
        self.environment = environment
        self.pipDefaultIndex = pipDefaultIndex
    }

    public func load(_ request: SettingsRequest = SettingsRequest()) async throws(SettingsError) -> LoadedSettings {
        let configuration: DiscoveredConfiguration
        do {
            configuration = try ConfigurationDiscovery(environment: environment).discover(request.discovery)
        } catch {
            throw .configuration(error)
        }
        let pip = PipConfigurationLoader(environment: environment).load(.init(
            readFiles: configuration.readsOtherFiles, readSystemFiles: !configuration.systemLevelDisabled
        ))
        let configured: IndexLocations
        do {
            configured = try await IndexResolver(environment: environment)
                .resolve(request.index, configuration: configuration, pip: pip, pipDefaultIndex: pipDefaultIndex)
        } catch {
            throw .index(error)
        }
        let mirrors: MirrorRules
        do {
            mirrors = try MirrorDiscovery(environment: environment).discover(configuration: configuration, pip: pip)
        } catch {
            throw .mirror(error)
        }
        let indexes = mirrors.fetchLocations(configured)
        let settings: ResolvedSettings
        do {
            var overrides = request.overrides
            overrides.indexStrategy = overrides.indexStrategy ?? request.index.indexStrategy
            settings = try ResolvedSettings.resolve(overrides, configuration: configuration, environment: environment)
        } catch {
            throw .environment(error)
        }
        let netrc = NetrcFile.load(from: environment)
        var credentials = IndexCredentialStore(locations: indexes, environment: environment, netrc: netrc.netrc)
        for rule in mirrors.rules.reversed() {
            if let own = rule.mirrorCredentials { credentials.remember(own, for: rule.mirror.string) }
        }
        return LoadedSettings(
            configuration: configuration, pip: pip, indexes: indexes, mirrors: mirrors, credentials: credentials,
            settings: settings,
            warnings: configuration.warnings + pip.warnings + (netrc.warning.map { [$0] } ?? [])
        )
    }
}

/// Any settings failure; message, cause, hints and kind are those of the wrapped error.
public enum SettingsError: SuvError, Equatable {
    case configuration(ConfigurationError)
    case index(IndexConfigurationError)
    case environment(EnvironmentVariableError)
    case mirror(MirrorConfigurationError)

    private var wrapped: any SuvError {
        switch self {
        case .configuration(let error): error
        case .index(let error): error
        case .environment(let error): error
        case .mirror(let error): error
        }
    }

    public var message: String { wrapped.message }
    public var cause: (any Error)? { wrapped.cause }
    public var hints: [String] { wrapped.hints }
    public var kind: ErrorKind { wrapped.kind }
}
