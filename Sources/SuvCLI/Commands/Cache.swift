import ArgumentParser

/// `suv cache`: manage suv's cache.
package struct Cache: SuvCommandGroup, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Manage suv's cache",
        usage: "suv cache [OPTIONS] <COMMAND>",
        subcommands: [CacheClean.self, CachePrune.self, CacheDir.self]
    )

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv cache clean`: clear the cache, entirely or for some packages.
package struct CacheClean: PendingCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clear the cache, removing all entries or those linked to specific packages",
        usage: "suv cache clean [OPTIONS] [PACKAGE]..."
    )

    @Argument(help: ArgumentHelp("The packages to remove from the cache", valueName: "PACKAGE"))
    package var packages: [String] = []

    @Flag(help: "Force removal of the cache, ignoring in-use checks")
    package var force = false

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv cache prune`: prune dangling cache entries.
package struct CachePrune: PendingCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Prune dangling cache entries and cached environments",
        usage: "suv cache prune [OPTIONS]"
    )

    @Flag(help: "Optimize the cache for persistence in a continuous integration environment, like GitHub Actions")
    package var ci = false

    @Flag(help: "Force removal of the cache, ignoring in-use checks")
    package var force = false

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}

/// `suv cache dir`: show the cache directory.
package struct CacheDir: PendingCommand, HasGlobalOptions {
    package static let configuration = CommandConfiguration(
        commandName: "dir",
        abstract: "Show the cache directory",
        usage: "suv cache dir [OPTIONS]"
    )

    @OptionGroup(title: "Global options") package var global: GlobalOptions

    package init() {}
}
