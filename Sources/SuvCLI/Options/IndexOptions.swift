import ArgumentParser

/// uv's "Index options": where packages are looked up.
package struct IndexOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp(
        "The indexes to use when resolving dependencies, in addition to the default index [env: UV_INDEX=]",
        valueName: "INDEX"
    ))
    package var index: [String] = []

    @Option(name: .customLong("default-index"), help: ArgumentHelp(
        "The default package index (by default: from configuration, else pip's default index) [env: UV_DEFAULT_INDEX=]",
        valueName: "DEFAULT_INDEX"
    ))
    package var defaultIndex: String?

    @Option(name: [.customShort("i"), .customLong("index-url")], help: ArgumentHelp(
        "(Deprecated: use `--default-index` instead) The URL of the Python package index (by default: from configuration, else pip's default index) [env: UV_INDEX_URL=]",
        valueName: "INDEX_URL"
    ))
    package var indexURL: String?

    @Option(name: .customLong("extra-index-url"), help: ArgumentHelp(
        "(Deprecated: use `--index` instead) Extra URLs of package indexes to use, in addition to `--index-url` [env: UV_EXTRA_INDEX_URL=]",
        valueName: "EXTRA_INDEX_URL"
    ))
    package var extraIndexURL: [String] = []

    @Option(name: [.customShort("f"), .customLong("find-links")], help: ArgumentHelp(
        "Locations to search for candidate distributions, in addition to those found in the registry indexes [env: UV_FIND_LINKS=]",
        valueName: "FIND_LINKS"
    ))
    package var findLinks: [String] = []

    @Flag(
        name: .customLong("no-index"),
        help: "Ignore the registry index (e.g., PyPI), instead relying on direct URL dependencies and those provided via `--find-links`"
    )
    package var noIndex = false

    @Option(name: .customLong("index-strategy"), help: ArgumentHelp(
        "The strategy to use when resolving against multiple index URLs [env: UV_INDEX_STRATEGY=]",
        valueName: "INDEX_STRATEGY"
    ))
    package var indexStrategy: IndexStrategy?

    @Option(name: .customLong("keyring-provider"), help: ArgumentHelp(
        "Attempt to use `keyring` for authentication for index URLs [env: UV_KEYRING_PROVIDER=]",
        valueName: "KEYRING_PROVIDER"
    ))
    package var keyringProvider: KeyringProvider?

    package init() {}

    /// The options resolved against `UV_INDEX` (space-separated), `UV_DEFAULT_INDEX`,
    /// `UV_INDEX_URL`, `UV_EXTRA_INDEX_URL` (space-separated), `UV_FIND_LINKS` (comma-separated),
    /// `UV_INDEX_STRATEGY` and `UV_KEYRING_PROVIDER`.
    package func settings(environment: [String: String]) throws(UsageError) -> IndexSettings {
        try Self.settings(
            index: index, defaultIndex: defaultIndex, indexURL: indexURL, extraIndexURL: extraIndexURL,
            findLinks: findLinks, noIndex: noIndex, indexStrategy: indexStrategy, keyringProvider: keyringProvider,
            environment: environment
        )
    }

    /// The given option values (defaults: none given) resolved against the environment, as
    /// ``settings(environment:)`` resolves parsed ones.
    package static func settings(
        index: [String] = [], defaultIndex: String? = nil, indexURL: String? = nil, extraIndexURL: [String] = [],
        findLinks: [String] = [], noIndex: Bool = false, indexStrategy: IndexStrategy? = nil,
        keyringProvider: KeyringProvider? = nil, environment: [String: String]
    ) throws(UsageError) -> IndexSettings {
        let env = EnvironmentReader(environment)
        return IndexSettings(
            indexes: env.list(index, "UV_INDEX", separator: " "),
            defaultIndex: try env.string(defaultIndex, "UV_DEFAULT_INDEX", option: "--default-index <DEFAULT_INDEX>"),
            indexURL: try env.string(indexURL, "UV_INDEX_URL", option: "--index-url <INDEX_URL>"),
            extraIndexURLs: env.list(extraIndexURL, "UV_EXTRA_INDEX_URL", separator: " "),
            findLinks: env.list(findLinks, "UV_FIND_LINKS", separator: ","),
            noIndex: noIndex,
            indexStrategy: try env.value(indexStrategy, "UV_INDEX_STRATEGY", option: "--index-strategy <INDEX_STRATEGY>"),
            keyringProvider: try env.value(keyringProvider, "UV_KEYRING_PROVIDER", option: "--keyring-provider <KEYRING_PROVIDER>")
        )
    }
}

/// Index options after the environment was consulted.
package struct IndexSettings: Equatable, Sendable {
    package var indexes: [String] = []
    package var defaultIndex: String?
    package var indexURL: String?
    package var extraIndexURLs: [String] = []
    package var findLinks: [String] = []
    package var noIndex = false
    package var indexStrategy: IndexStrategy?
    package var keyringProvider: KeyringProvider?

    package init(
        indexes: [String] = [], defaultIndex: String? = nil, indexURL: String? = nil,
        extraIndexURLs: [String] = [], findLinks: [String] = [], noIndex: Bool = false,
        indexStrategy: IndexStrategy? = nil, keyringProvider: KeyringProvider? = nil
    ) {
        self.indexes = indexes
        self.defaultIndex = defaultIndex
        self.indexURL = indexURL
        self.extraIndexURLs = extraIndexURLs
        self.findLinks = findLinks
        self.noIndex = noIndex
        self.indexStrategy = indexStrategy
        self.keyringProvider = keyringProvider
    }
}
