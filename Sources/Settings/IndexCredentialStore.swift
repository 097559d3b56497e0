/// Credentials for index and file URLs, looked up the way uv does and remembered per realm.
///
/// For a URL, in order:
/// 1. the URL's own user name and password;
/// 2. the credentials of the configured index the URL lies under (longest match): for a named
///    index `UV_INDEX_<NAME>_USERNAME` / `_PASSWORD` first, then the user-info written in the
///    index's configured URL;
/// 3. credentials remembered for the URL's realm (scheme, host, port): every index's
///    credentials are remembered for its realm (highest-priority index first), and callers add
///    more with ``remember(_:for:)`` (after a successful authenticated request);
/// 4. the netrc entry for the host (or its `default` entry).
///
/// When the URL names a user, later sources count only if their user name matches; if nothing
/// has a password, the user name alone is returned.
public struct IndexCredentialStore: Sendable {
    private var indexes: [(url: IndexURL, credentials: IndexCredentials)]
    private var realms: [CredentialRealm: IndexCredentials]
    /// The parsed netrc file, if any.
    public var netrc: NetrcFile?

    /// A store for `locations`' indexes (explicit ones and find-links included).
    public init(locations: IndexLocations, environment: SettingsEnvironment, netrc: NetrcFile? = nil) {
        let all = locations.definitions + locations.findLinks + (locations.defaultIndex.map { [$0] } ?? [])
        self.init(indexes: all, environment: environment, netrc: netrc)
    }

    /// A store for the given indexes.
    public init(indexes: [ConfiguredIndex], environment: SettingsEnvironment, netrc: NetrcFile? = nil) {
        var pairs: [(url: IndexURL, credentials: IndexCredentials)] = []
        var realms: [CredentialRealm: IndexCredentials] = [:]
        for index in indexes {
            guard let credentials = Self.configuredCredentials(of: index, environment: environment) else { continue }
            pairs.append((index.url, credentials))
            if realms[index.url.realm] == nil { realms[index.url.realm] = credentials }
        }
        self.indexes = pairs
        self.realms = realms
        self.netrc = netrc
    }

    /// An index's own credentials: from `UV_INDEX_<NAME>_USERNAME`/`_PASSWORD` when either is
    /// set (named indexes only), else from its configured URL.
    public static func configuredCredentials(of index: ConfiguredIndex, environment: SettingsEnvironment) -> IndexCredentials? {
        if let prefix = index.credentialVariablePrefix {
            let username = environment[prefix + "_USERNAME"]
            let password = environment[prefix + "_PASSWORD"]
            if username != nil || password != nil { return IndexCredentials(username: username, password: password) }
        }
        return index.urlCredentials
    }

    /// The credentials to send to `url`, if any.
    public func credentials(for url: String) -> IndexCredentials? {
        guard case .success(let parts) = URLParts.parse(url) else { return nil }
        let own = IndexCredentials(parts)
        if let own, own.password != nil { return own }
        let username = own?.username
        func usable(_ candidate: IndexCredentials?) -> IndexCredentials? {
            guard let candidate, candidate.password != nil else { return nil }
            if let username, candidate.username != username { return nil }
            return candidate
        }
        let matching = indexes.filter { $0.url.contains(url) }.max { $0.url.path.count < $1.url.path.count }
        if let found = usable(matching?.credentials) { return found }
        let realm = CredentialRealm(scheme: parts.scheme, host: parts.host, port: parts.port)
        if let found = usable(realms[realm]) { return found }
        if let found = netrc?.credentials(forHost: parts.host, username: username) { return found }
        return own
    }

    /// The credentials for an index's URL.
    public func credentials(for index: ConfiguredIndex) -> IndexCredentials? {
        credentials(for: index.url.string)
    }

    /// Remembers `credentials` for every URL of `url`'s realm that has none of its own.
    public mutating func remember(_ credentials: IndexCredentials, for url: String) {
        guard let realm = CredentialRealm(url: url) else { return }
        realms[realm] = credentials
    }
}
