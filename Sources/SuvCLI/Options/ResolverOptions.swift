import ArgumentParser

/// uv's "Resolver options": how versions are chosen.
package struct ResolverOptions: ParsableArguments, Sendable {
    @Flag(
        name: [.customShort("U"), .customLong("upgrade")],
        help: "Allow package upgrades, ignoring pinned versions in any existing output file. Implies `--refresh`"
    )
    package var upgrade = false

    @Option(name: [.customShort("P"), .customLong("upgrade-package")], help: ArgumentHelp(
        "Allow upgrades for a specific package, ignoring pinned versions in any existing output file. Implies `--refresh-package`",
        valueName: "UPGRADE_PACKAGE"
    ))
    package var upgradePackage: [String] = []

    @Option(help: ArgumentHelp(
        "The strategy to use when selecting between the different compatible versions for a given package requirement [env: UV_RESOLUTION=]",
        valueName: "RESOLUTION"
    ))
    package var resolution: ResolutionMode?

    @Option(help: ArgumentHelp(
        "The strategy to use when considering pre-release versions [env: UV_PRERELEASE=]",
        valueName: "PRERELEASE"
    ))
    package var prerelease: PrereleaseMode?

    @Option(name: .customLong("fork-strategy"), help: ArgumentHelp(
        "The strategy to use when selecting multiple versions of a given package across Python versions and platforms [env: UV_FORK_STRATEGY=]",
        valueName: "FORK_STRATEGY"
    ))
    package var forkStrategy: ForkStrategy?

    @Option(name: .customLong("exclude-newer"), help: ArgumentHelp(
        "Limit candidate packages to those that were uploaded prior to the given date [env: UV_EXCLUDE_NEWER=]",
        valueName: "EXCLUDE_NEWER"
    ))
    package var excludeNewer: String?

    @Flag(
        name: .customLong("no-sources"),
        help: "Ignore the `tool.uv.sources` table when resolving dependencies [env: UV_NO_SOURCES=]"
    )
    package var noSources = false

    package init() {}

    /// The options resolved against `UV_RESOLUTION`, `UV_PRERELEASE`, `UV_FORK_STRATEGY`,
    /// `UV_EXCLUDE_NEWER` and `UV_NO_SOURCES`.
    ///
    /// - Parameter upgradeAlias: an extra spelling of `--upgrade` given on the command line
    ///   (`suv lock --update`).
    package func settings(
        environment: [String: String],
        upgradeAlias: Bool = false
    ) throws(UsageError) -> ResolverSettings {
        try Self.settings(
            upgrade: upgrade || upgradeAlias, upgradePackage: upgradePackage, resolution: resolution,
            prerelease: prerelease, forkStrategy: forkStrategy, excludeNewer: excludeNewer, noSources: noSources,
            environment: environment
        )
    }

    /// The given option values (defaults: none given) resolved against the environment, as
    /// ``settings(environment:upgradeAlias:)`` resolves parsed ones.
    package static func settings(
        upgrade: Bool = false, upgradePackage: [String] = [], resolution: ResolutionMode? = nil,
        prerelease: PrereleaseMode? = nil, forkStrategy: ForkStrategy? = nil, excludeNewer: String? = nil,
        noSources: Bool = false, environment: [String: String]
    ) throws(UsageError) -> ResolverSettings {
        let env = EnvironmentReader(environment)
        let prerelease = try env.value(prerelease, "UV_PRERELEASE", option: "--prerelease <PRERELEASE>")
        var warnings: [String] = []
        if prerelease == .ifNecessaryOrExplicit {
            warnings.append(
                "The `if-necessary-or-explicit` pre-release mode is deprecated and will be removed in a future release. Use `if-necessary` instead."
            )
        }
        return ResolverSettings(
            upgrade: upgrade,
            upgradePackages: upgradePackage,
            resolution: try env.value(resolution, "UV_RESOLUTION", option: "--resolution <RESOLUTION>"),
            prerelease: prerelease,
            forkStrategy: try env.value(forkStrategy, "UV_FORK_STRATEGY", option: "--fork-strategy <FORK_STRATEGY>"),
            excludeNewer: try env.string(excludeNewer, "UV_EXCLUDE_NEWER", option: "--exclude-newer <EXCLUDE_NEWER>"),
            noSources: try env.flag(noSources, "UV_NO_SOURCES", option: "--no-sources"),
            warnings: warnings
        )
    }
}

/// Resolver options after the environment was consulted.
package struct ResolverSettings: Equatable, Sendable {
    package var upgrade = false
    package var upgradePackages: [String] = []
    package var resolution: ResolutionMode?
    package var prerelease: PrereleaseMode?
    package var forkStrategy: ForkStrategy?
    package var excludeNewer: String?
    package var noSources = false
    /// Deprecation warnings to print before running.
    package var warnings: [String] = []

    package init(
        upgrade: Bool = false, upgradePackages: [String] = [], resolution: ResolutionMode? = nil,
        prerelease: PrereleaseMode? = nil, forkStrategy: ForkStrategy? = nil,
        excludeNewer: String? = nil, noSources: Bool = false, warnings: [String] = []
    ) {
        self.upgrade = upgrade
        self.upgradePackages = upgradePackages
        self.resolution = resolution
        self.prerelease = prerelease
        self.forkStrategy = forkStrategy
        self.excludeNewer = excludeNewer
        self.noSources = noSources
        self.warnings = warnings
    }
}
