import Glibc
import Cache
import HTTP
import IndexClient
import Settings
import SuvBasics

/// What a command that talks to package indexes runs with: the loaded settings, the cache and
/// a registry client over them.
struct IndexSession: Sendable {
    let settings: LoadedSettings
    let cache: CacheStore
    let registry: RegistryClient
    /// The working directory relative paths are taken from.
    let workingDirectory: String
    /// A per-invocation cache (`--no-cache`), removed by ``close()``.
    private let temporary: TemporaryCacheDirectory?
    /// The cache held shared for the session, as uv holds it: other suv (and uv) processes use
    /// the cache alongside, while `suv cache clean` and `prune` wait until ``close()``.
    private let cacheLock: CacheLock

    /// Loads settings (configuration files, index flags, pip's configuration), opens the cache
    /// and builds the registry client.
    static func open(global: GlobalFlags, context: CommandContext, index: IndexSettings,
                     refresh: RefreshSettings) async throws -> IndexSession {
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let environment = SettingsEnvironment(variables: context.environment, workingDirectory: cwd)
        let request = SettingsRequest(
            discovery: ConfigurationDiscoveryOptions(
                projectDirectory: cwd, configFile: context.settings.configFile, noConfig: context.settings.noConfig),
            index: IndexArguments(
                index: index.indexes, defaultIndex: index.defaultIndex, indexURL: index.indexURL,
                extraIndexURL: index.extraIndexURLs, findLinks: index.findLinks, noIndex: index.noIndex,
                indexStrategy: index.indexStrategy),
            overrides: SettingsOverrides(cacheDir: context.settings.cacheDir, noCache: context.settings.noCache,
                                         offline: context.settings.offline,
                                         allowInsecureHosts: context.settings.allowInsecureHosts))
        var temporary: TemporaryCacheDirectory?
        let root: CacheRoot
        if context.settings.noCache {
            let directory = try TemporaryCacheDirectory(environment: context.environment)
            temporary = directory
            root = directory.root
        } else {
            root = try CacheCommandSupport.root(global: global, context: context)
        }
        let store = CacheStore(root: root.absolutePath(relativeTo: cwd))
        let pipDefault = CachedPipDefaultIndexProvider(
            inner: InterpreterPipDefaultIndexProvider(environment: context.environment),
            file: store.bucket(.interpreter) + "/pip-default-index.tsv")
        let loader = SettingsLoader(environment: environment, pipDefaultIndex: pipDefault)
        let settings = try await loader.load(request)
        context.warn(settings.warnings)
        for rule in settings.mirrors.rules { context.printer.debug("Mirror: \(rule)") }

        let cacheLock = try await store.lockShared()

        let http = CurlHTTPClient(configuration: try HTTPClientConfiguration(environment: context.environment, settings: settings.settings))
        let started = Int64(time(nil))
        let refreshMode: Refresh
        if refresh.refresh {
            refreshMode = .all(since: started)
        } else if !refresh.refreshPackages.isEmpty {
            refreshMode = .packages(Set(refresh.refreshPackages.map(PackageName.init)), since: started)
        } else {
            refreshMode = .none
        }
        let registry = RegistryClient(
            locations: settings.indexes, http: http, cache: store,
            mode: HTTPCacheMode(refresh: refreshMode, offline: context.settings.offline),
            credentials: settings.credentials)
        return IndexSession(settings: settings, cache: store, registry: registry, workingDirectory: cwd, temporary: temporary,
                            cacheLock: cacheLock)
    }

    /// The configured index at `url` (a `tool.uv.sources` index pin), or one made from the URL.
    func configuredIndex(url: String) throws -> ConfiguredIndex {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        for index in settings.indexes.allowed + settings.indexes.explicitIndexes {
            let candidate = index.url.string
            if candidate == url || candidate == trimmed || candidate == trimmed + "/" { return index }
        }
        return ConfiguredIndex(url: try IndexURL(url), origin: .commandLine(flag: "tool.uv.sources"))
    }

    /// Releases the cache and removes the per-invocation cache, if any.
    func close() {
        cacheLock.release()
        temporary?.remove()
    }
}
