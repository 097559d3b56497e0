import PyProject

/// The indexes a command uses, in the order uv consults them.
///
/// ``definitions`` holds every index that was configured, highest priority first, exactly as
/// collected (command line, `UV_*` variables, configuration files project → user → system,
/// legacy `extra-index-url` then `index-url`, pip's configuration). From it:
///
/// - the first definition of a name wins (a later index with the same name is shadowed);
/// - the **default index** is the first remaining definition with `isDefault`, else the
///   fallback (the interpreter's pip default); it is consulted last;
/// - **implicit indexes** are the remaining ones that are neither default nor explicit, in
///   priority order; **explicit indexes** are only used through `[tool.uv.sources]`;
/// - `--no-index` empties all of them, leaving only ``findLinks``.
public struct IndexLocations: Sendable, Equatable {
    /// Every configured index, highest priority first (before shadowing by name).
    public let definitions: [ConfiguredIndex]
    /// Flat (`--find-links`) locations, always searched, highest priority first.
    public let findLinks: [ConfiguredIndex]
    /// `--no-index`: ignore every index, use only ``findLinks``.
    public let noIndex: Bool
    /// How several indexes are consulted.
    public let strategy: IndexStrategy
    /// The default index, consulted after all implicit indexes; `nil` only with ``noIndex``
    /// (or before the fallback was resolved, see ``needsFallbackDefault``).
    public let defaultIndex: ConfiguredIndex?
    /// The indexes searched before the default, highest priority first.
    public let implicitIndexes: [ConfiguredIndex]
    /// The indexes used only when `[tool.uv.sources]` names them.
    public let explicitIndexes: [ConfiguredIndex]

    public init(
        definitions: [ConfiguredIndex], findLinks: [ConfiguredIndex] = [], noIndex: Bool = false,
        strategy: IndexStrategy = .firstIndex, fallbackDefault: ConfiguredIndex? = nil
    ) {
        self.definitions = definitions
        self.findLinks = findLinks
        self.noIndex = noIndex
        self.strategy = strategy
        var seen: Set<String> = []
        let visible = definitions.filter { index in index.name.map { seen.insert($0).inserted } ?? true }
        if noIndex {
            defaultIndex = nil
            implicitIndexes = []
            explicitIndexes = []
        } else {
            defaultIndex = visible.first(where: \.isDefault) ?? fallbackDefault
            implicitIndexes = visible.filter { !$0.isDefault && !$0.explicit }
            explicitIndexes = visible.filter(\.explicit)
        }
    }

    /// Whether a default index still has to come from the interpreter's pip: nothing
    /// configured one and `--no-index` is off.
    public var needsFallbackDefault: Bool { !noIndex && defaultIndex == nil }

    /// The same locations with `fallback` as the default index.
    public func withFallbackDefault(_ fallback: ConfiguredIndex) -> IndexLocations {
        IndexLocations(definitions: definitions, findLinks: findLinks, noIndex: noIndex, strategy: strategy,
                       fallbackDefault: fallback)
    }

    /// The same locations with every index (definitions, find-links and the fallback default)
    /// passed through `transform`; shadowing and the choice of default are recomputed.
    public func mappingIndexes(_ transform: (ConfiguredIndex) -> ConfiguredIndex) -> IndexLocations {
        var seen: Set<String> = []
        let visible = definitions.filter { index in index.name.map { seen.insert($0).inserted } ?? true }
        let fallback = visible.contains(where: \.isDefault) ? nil : defaultIndex
        return IndexLocations(definitions: definitions.map(transform), findLinks: findLinks.map(transform), noIndex: noIndex,
                              strategy: strategy, fallbackDefault: fallback.map(transform))
    }

    /// The simple indexes to search for a package not pinned to an index: the implicit
    /// indexes, then the default. An explicit index that is also the default is left out.
    public var searchOrder: [ConfiguredIndex] {
        implicitIndexes + (defaultIndex.map { $0.explicit ? [] : [$0] } ?? [])
    }

    /// Every index a package may come from, including explicit ones and find-links.
    public var allowed: [ConfiguredIndex] {
        searchOrder + explicitIndexes.filter { !$0.isDefault } + findLinks
    }

    /// The index called `name` (first definition wins), if any.
    public func index(named name: String) -> ConfiguredIndex? {
        noIndex ? nil : definitions.first { $0.name == name }
    }

    /// The configured index whose URL `url` lies under (the longest match), e.g. for a file
    /// URL on an index's host.
    public func index(containing url: String) -> ConfiguredIndex? {
        (definitions + findLinks).filter { $0.url.contains(url) }.max { $0.url.path.count < $1.url.path.count }
    }
}
