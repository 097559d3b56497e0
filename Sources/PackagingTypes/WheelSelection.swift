/// A candidate that is compatible with the supported tags, with how well it matches.
public struct RankedCandidate<Candidate> {
    /// The candidate, e.g. a ``WheelFilename``.
    public let candidate: Candidate
    /// The rank of its best supported tag (lower is better).
    public let rank: Int
    /// Its best supported tag.
    public let bestTag: WheelTag
}

extension RankedCandidate: Sendable where Candidate: Sendable {}
extension RankedCandidate: Equatable where Candidate: Equatable {}
extension RankedCandidate: Hashable where Candidate: Hashable {}

extension SupportedTags {
    /// The compatible candidates, best first.
    ///
    /// Each candidate is ranked by the lowest rank of any of its tags; candidates with no
    /// supported tag are dropped. Equal ranks keep their input order (a stable sort), exactly
    /// like packaging's `create_compatible_tags_selector`.
    public func rankCompatible<Candidate>(
        _ candidates: [Candidate], tags: (Candidate) -> Set<WheelTag>
    ) -> [RankedCandidate<Candidate>] {
        var ranked: [(position: Int, entry: RankedCandidate<Candidate>)] = []
        for (position, candidate) in candidates.enumerated() {
            guard let best = bestMatch(among: tags(candidate)) else { continue }
            ranked.append((position, RankedCandidate(candidate: candidate, rank: best.rank, bestTag: best.tag)))
        }
        ranked.sort { ($0.entry.rank, $0.position) < ($1.entry.rank, $1.position) }
        return ranked.map(\.entry)
    }

    /// The compatible wheels, best first (see ``rankCompatible(_:tags:)``).
    public func rankCompatible(_ wheels: [WheelFilename]) -> [RankedCandidate<WheelFilename>] {
        rankCompatible(wheels, tags: \.tags)
    }

    /// The best compatible wheel, or nil when none is compatible; ties go to the earlier wheel.
    public func bestWheel(_ wheels: [WheelFilename]) -> RankedCandidate<WheelFilename>? {
        rankCompatible(wheels).first
    }
}
