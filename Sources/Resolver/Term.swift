import PEP440

/// A statement about one package: "some version in `ranges` is selected" (positive) or "no
/// version in `ranges` is selected" (negative).
///
/// A negative term is also true when the package is not selected at all, which is why
/// `¬a ∈ (full)` ("a is not selected") differs from `a ∈ ∅` (a contradiction). Terms are the
/// atoms of incompatibilities and of the partial solution; everything the solver knows about a
/// package is the intersection of the terms assigned to it.
///
/// The relations follow set inclusion: a term `t` is *satisfied by* `s` when every selection
/// allowed by `s` is allowed by `t` (`s ⊆ t`), and *contradicted by* `s` when no selection is
/// allowed by both (`s ∩ t = ∅`).
public struct Term: Hashable, Sendable, CustomStringConvertible {
    public let package: PackageID
    public let ranges: VersionRanges
    public let isPositive: Bool

    public init(_ package: PackageID, _ ranges: VersionRanges, isPositive: Bool = true) {
        self.package = package
        self.ranges = ranges
        self.isPositive = isPositive
    }

    /// The opposite statement: same package and ranges, other polarity.
    public var negated: Term { Term(package, ranges, isPositive: !isPositive) }

    /// True for a positive term over no version: it can never hold.
    public var isEmpty: Bool { isPositive && ranges.isEmpty }

    /// The statement that both terms hold; both must be about the same package.
    public func intersection(_ other: Term) -> Term {
        switch (isPositive, other.isPositive) {
        case (true, true): Term(package, ranges.intersection(other.ranges))
        case (true, false): Term(package, ranges.subtracting(other.ranges))
        case (false, true): Term(package, other.ranges.subtracting(ranges))
        case (false, false): Term(package, ranges.union(other.ranges), isPositive: false)
        }
    }

    /// The statement that this term holds and `other` does not.
    public func difference(_ other: Term) -> Term { intersection(other.negated) }

    /// Whether `other` implies this term (`other ⊆ self`).
    public func isSatisfied(by other: Term) -> Bool { intersection(other) == other }

    /// Whether `other` and this term can never hold together.
    public func isContradicted(by other: Term) -> Bool { intersection(other).isEmpty }

    /// How this term relates to what is known (`other`) about its package.
    public func relation(to other: Term) -> Relation {
        let both = intersection(other)
        if both == other { return .satisfied }
        if both.isEmpty { return .contradicted }
        return .inconclusive
    }

    /// The result of ``relation(to:)``.
    public enum Relation: Sendable, Equatable {
        case satisfied, contradicted, inconclusive
    }

    public var description: String {
        (isPositive ? "" : "not ") + "\(package) \(ranges)"
    }
}
