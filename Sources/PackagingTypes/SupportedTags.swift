/// An ordered list of the tags an interpreter supports, best first, with each tag's rank.
///
/// A tag's rank is its index in the list (0 is best). Repeated tags keep their first position,
/// as packaging's `create_compatible_tags_selector` does.
public struct SupportedTags: Hashable, Sendable {
    /// The tags, best first, without repeats.
    public let tags: [WheelTag]
    private let ranks: [WheelTag: Int]
    /// Every interpreter part (`cp312`, `py3`, …) of the tags.
    public let interpreters: Set<String>
    /// Every ABI part (`cp312`, `abi3`, `none`, …) of the tags.
    public let abis: Set<String>
    /// Every platform part (`manylinux_2_17_x86_64`, `any`, …) of the tags.
    public let platforms: Set<String>

    /// Builds the list from tags given best first; later repeats of a tag are dropped.
    public init(_ tags: [WheelTag]) {
        var ranks: [WheelTag: Int] = [:]
        var unique: [WheelTag] = []
        for tag in tags where ranks[tag] == nil {
            ranks[tag] = unique.count
            unique.append(tag)
        }
        self.tags = unique
        self.ranks = ranks
        self.interpreters = Set(unique.map(\.interpreter))
        self.abis = Set(unique.map(\.abi))
        self.platforms = Set(unique.map(\.platform))
    }

    public static func == (lhs: SupportedTags, rhs: SupportedTags) -> Bool { lhs.tags == rhs.tags }

    public func hash(into hasher: inout Hasher) { hasher.combine(tags) }

    /// The number of distinct supported tags.
    public var count: Int { tags.count }

    /// The rank of `tag` (its index in ``tags``), or nil when it is not supported.
    public func rank(of tag: WheelTag) -> Int? { ranks[tag] }

    /// The best supported tag among `tags` and its rank, or nil when none is supported.
    public func bestMatch(among tags: some Sequence<WheelTag>) -> (tag: WheelTag, rank: Int)? {
        var best: (tag: WheelTag, rank: Int)?
        for tag in tags {
            guard let rank = ranks[tag] else { continue }
            if best.map({ rank < $0.rank }) ?? true { best = (tag, rank) }
        }
        return best
    }

    /// Whether a wheel with these tags can be installed.
    public func isCompatible(_ tags: some Sequence<WheelTag>) -> Bool {
        tags.contains { ranks[$0] != nil }
    }
}
