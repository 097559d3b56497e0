import ArgumentParser

/// The per-command part of uv's "Cache options": which cached data to revalidate.
package struct RefreshOptions: ParsableArguments, Sendable {
    @Flag(help: "Refresh all cached data")
    package var refresh = false

    @Option(name: .customLong("refresh-package"), help: ArgumentHelp(
        "Refresh cached data for a specific package",
        valueName: "REFRESH_PACKAGE"
    ))
    package var refreshPackage: [String] = []

    package init() {}

    /// The options as plain data.
    package var settings: RefreshSettings {
        RefreshSettings(refresh: refresh, refreshPackages: refreshPackage)
    }
}

/// Which cached data to revalidate.
package struct RefreshSettings: Equatable, Sendable {
    package var refresh = false
    package var refreshPackages: [String] = []

    package init(refresh: Bool = false, refreshPackages: [String] = []) {
        self.refresh = refresh
        self.refreshPackages = refreshPackages
    }
}
