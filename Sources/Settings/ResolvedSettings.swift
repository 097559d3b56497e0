import PyProject

/// Command-line values for the settings in ``ResolvedSettings`` (`nil`/`false`: not given).
public struct SettingsOverrides: Sendable, Equatable {
    public var cacheDir: String?
    public var noCache: Bool
    public var offline: Bool
    public var concurrentDownloads: Int?
    public var prerelease: PrereleaseMode?
    public var resolution: ResolutionMode?
    public var indexStrategy: IndexStrategy?
    public var linkMode: LinkMode?
    /// `--allow-insecure-host` values (and `UV_INSECURE_HOST`'s, which the command line reads
    /// with them).
    public var allowInsecureHosts: [String]

    public init(
        cacheDir: String? = nil, noCache: Bool = false, offline: Bool = false, concurrentDownloads: Int? = nil,
        prerelease: PrereleaseMode? = nil, resolution: ResolutionMode? = nil, indexStrategy: IndexStrategy? = nil,
        linkMode: LinkMode? = nil, allowInsecureHosts: [String] = []
    ) {
        self.cacheDir = cacheDir
        self.noCache = noCache
        self.offline = offline
        self.concurrentDownloads = concurrentDownloads
        self.prerelease = prerelease
        self.resolution = resolution
        self.indexStrategy = indexStrategy
        self.linkMode = linkMode
        self.allowInsecureHosts = allowInsecureHosts
    }
}

/// Settings later commands need, each resolved command line > `UV_*` variable > project >
/// user > system file > uv's default.
public struct ResolvedSettings: Sendable, Equatable {
    /// `--cache-dir` / `UV_CACHE_DIR` / `cache-dir`, absolute; `nil` leaves the choice to the
    /// cache module.
    public var cacheDir: String?
    /// `--no-cache` / `UV_NO_CACHE` / `no-cache`.
    public var noCache: Bool
    /// `--offline` / `UV_OFFLINE` / `offline`.
    public var offline: Bool
    /// `UV_CONCURRENT_DOWNLOADS` / `concurrent-downloads` (default 50).
    public var concurrentDownloads: Int
    /// `UV_HTTP_TIMEOUT` (or the older `UV_REQUEST_TIMEOUT`, `HTTP_TIMEOUT`): read timeout in
    /// seconds (default 30).
    public var httpTimeoutSeconds: Int
    /// `UV_HTTP_CONNECT_TIMEOUT` in seconds (default 10).
    public var httpConnectTimeoutSeconds: Int
    /// `UV_HTTP_RETRIES` (default 3).
    public var httpRetries: Int
    /// `--prerelease` / `UV_PRERELEASE` / `prerelease` (default `if-necessary`).
    public var prerelease: PrereleaseMode
    /// `--resolution` / `UV_RESOLUTION` / `resolution` (default `highest`).
    public var resolution: ResolutionMode
    /// `--index-strategy` / `UV_INDEX_STRATEGY` / `index-strategy` (default `first-index`).
    public var indexStrategy: IndexStrategy
    /// `--link-mode` / `UV_LINK_MODE` / `link-mode` (default `clone` on Linux and macOS).
    public var linkMode: LinkMode
    /// Hosts whose certificates are not verified: `--allow-insecure-host` and
    /// `UV_INSECURE_HOST`, then every configuration file's `allow-insecure-host` (all of them
    /// apply).
    public var allowInsecureHosts: [String]

    /// Settings with uv's defaults for everything not given.
    public init(
        cacheDir: String? = nil, noCache: Bool = false, offline: Bool = false,
        concurrentDownloads: Int = defaultConcurrentDownloads, httpTimeoutSeconds: Int = defaultHTTPTimeoutSeconds,
        httpConnectTimeoutSeconds: Int = defaultHTTPConnectTimeoutSeconds, httpRetries: Int = defaultHTTPRetries,
        prerelease: PrereleaseMode = .ifNecessary, resolution: ResolutionMode = .highest,
        indexStrategy: IndexStrategy = .firstIndex, linkMode: LinkMode = defaultLinkMode,
        allowInsecureHosts: [String] = []
    ) {
        self.cacheDir = cacheDir
        self.noCache = noCache
        self.offline = offline
        self.concurrentDownloads = concurrentDownloads
        self.httpTimeoutSeconds = httpTimeoutSeconds
        self.httpConnectTimeoutSeconds = httpConnectTimeoutSeconds
        self.httpRetries = httpRetries
        self.prerelease = prerelease
        self.resolution = resolution
        self.indexStrategy = indexStrategy
        self.linkMode = linkMode
        self.allowInsecureHosts = allowInsecureHosts
    }

    public static let defaultConcurrentDownloads = 50
    public static let defaultHTTPTimeoutSeconds = 30
    public static let defaultHTTPConnectTimeoutSeconds = 10
    public static let defaultHTTPRetries = 3
    #if os(Windows)
    public static let defaultLinkMode = LinkMode.hardlink
    #else
    public static let defaultLinkMode = LinkMode.clone
    #endif

    /// Resolves the settings.
    ///
    /// - Throws: ``EnvironmentVariableError`` for a variable uv would reject
    ///   (`UV_CONCURRENT_DOWNLOADS=0`, `UV_HTTP_TIMEOUT=soon`, `UV_OFFLINE=maybe`).
    public static func resolve(
        _ overrides: SettingsOverrides, configuration: DiscoveredConfiguration, environment: SettingsEnvironment
    ) throws(EnvironmentVariableError) -> ResolvedSettings {
        let seconds = "value should be an integer number of seconds"
        // Read every variable first: `??` erases typed errors from its right-hand side.
        let httpTimeout = try environment.integer("UV_HTTP_TIMEOUT", help: seconds)
        let requestTimeout = try environment.integer("UV_REQUEST_TIMEOUT", help: seconds)
        let legacyTimeout = try environment.integer("HTTP_TIMEOUT", help: seconds)
        let connectTimeout = try environment.integer("UV_HTTP_CONNECT_TIMEOUT", help: seconds)
        let retries = try environment.integer("UV_HTTP_RETRIES")
        let noCache = try environment.boolean("UV_NO_CACHE")
        let offline = try environment.boolean("UV_OFFLINE")
        let downloads = try environment.integer("UV_CONCURRENT_DOWNLOADS", nonZero: true)
        let prerelease = try environment.choice("UV_PRERELEASE", as: PrereleaseMode.self)
        let resolution = try environment.choice("UV_RESOLUTION", as: ResolutionMode.self)
        let strategy = try environment.choice("UV_INDEX_STRATEGY", as: IndexStrategy.self)
        let linkMode = try environment.choice("UV_LINK_MODE", as: LinkMode.self)
        let cacheDir = overrides.cacheDir ?? environment.nonEmpty("UV_CACHE_DIR") ?? configuration.value(\.cacheDir)?.value
        return ResolvedSettings(
            cacheDir: cacheDir.map { environment.absolutePath($0) },
            noCache: overrides.noCache || (noCache ?? configuration.value(\.noCache)?.value ?? false),
            offline: overrides.offline || (offline ?? configuration.value(\.offline)?.value ?? false),
            concurrentDownloads: overrides.concurrentDownloads ?? downloads
                ?? configuration.value(\.concurrentDownloads)?.value ?? defaultConcurrentDownloads,
            httpTimeoutSeconds: httpTimeout ?? requestTimeout ?? legacyTimeout ?? defaultHTTPTimeoutSeconds,
            httpConnectTimeoutSeconds: connectTimeout ?? defaultHTTPConnectTimeoutSeconds,
            httpRetries: retries ?? defaultHTTPRetries,
            prerelease: overrides.prerelease ?? prerelease ?? configuration.value(\.prerelease)?.value ?? .ifNecessary,
            resolution: overrides.resolution ?? resolution ?? configuration.value(\.resolution)?.value ?? .highest,
            indexStrategy: overrides.indexStrategy ?? strategy ?? configuration.value(\.indexStrategy)?.value ?? .firstIndex,
            linkMode: overrides.linkMode ?? linkMode ?? configuration.value(\.linkMode)?.value ?? defaultLinkMode,
            allowInsecureHosts: overrides.allowInsecureHosts + configuration.values(\.allowInsecureHost).map(\.value)
        )
    }
}
