/// A set of versions as sorted, disjoint intervals: the resolver's currency.
///
/// Union, intersection and complement are exact, so every specifier set maps to a range and
/// back-and-forth reasoning ("which versions does this incompatibility allow?") never loses
/// a version. Bounds may be the synthetic versions that sit between real ones (just above
/// `V`'s local versions, or just above `V`'s post-releases), which is how PEP 440's exclusive
/// rules become plain intervals.
public struct VersionRanges: Sendable, Hashable, CustomStringConvertible {
    /// One end of an interval.
    public enum Bound: Sendable, Hashable {
        case unbounded
        case included(Version)
        case excluded(Version)

        public var version: Version? {
            switch self {
            case .unbounded: nil
            case .included(let version), .excluded(let version): version
            }
        }
    }

    /// The intervals, sorted and disjoint, no two of which touch.
    public private(set) var segments: [(lower: Bound, upper: Bound)]

    package init(segments: [(lower: Bound, upper: Bound)]) {
        self.segments = segments
    }

    public static let full = VersionRanges(segments: [(.unbounded, .unbounded)])
    public static let empty = VersionRanges(segments: [])

    public static func exactly(_ version: Version) -> VersionRanges {
        VersionRanges(segments: [(.included(version), .included(version))])
    }

    /// `[version, ∞)`
    public static func atLeast(_ version: Version) -> VersionRanges {
        VersionRanges(segments: [(.included(version), .unbounded)])
    }

    /// `(version, ∞)`
    public static func greaterThan(_ version: Version) -> VersionRanges {
        VersionRanges(segments: [(.excluded(version), .unbounded)])
    }

    /// `(-∞, version]`
    public static func atMost(_ version: Version) -> VersionRanges {
        VersionRanges(segments: [(.unbounded, .included(version))])
    }

    /// `(-∞, version)`
    public static func lessThan(_ version: Version) -> VersionRanges {
        VersionRanges(segments: [(.unbounded, .excluded(version))])
    }

    /// `[lower, upper)`, empty when `upper <= lower`.
    public static func between(_ lower: Version, _ upper: Version) -> VersionRanges {
        lower < upper ? VersionRanges(segments: [(.included(lower), .excluded(upper))]) : .empty
    }

    public var isEmpty: Bool { segments.isEmpty }
    public var isFull: Bool {
        segments.count == 1 && segments[0].lower == .unbounded && segments[0].upper == .unbounded
    }

    /// The single version this range holds, if it holds exactly one.
    public var singleVersion: Version? {
        guard segments.count == 1, case .included(let low) = segments[0].lower,
              case .included(let high) = segments[0].upper, low == high else { return nil }
        return low
    }

    public func contains(_ version: Version) -> Bool {
        // Binary search for the first segment whose upper bound is not below `version`.
        var low = 0
        var high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if Self.upper(segments[mid].upper, isBelow: version) { low = mid + 1 } else { high = mid }
        }
        guard low < segments.count else { return false }
        return !Self.lower(segments[low].lower, isAbove: version)
    }

    // MARK: Algebra

    public var complement: VersionRanges {
        var result: [(lower: Bound, upper: Bound)] = []
        var start: Bound = .unbounded
        var startIsOpen = true
        for segment in segments {
            switch segment.lower {
            case .unbounded:
                break
            case .included(let version):
                result.append((startIsOpen ? .unbounded : start, .excluded(version)))
            case .excluded(let version):
                result.append((startIsOpen ? .unbounded : start, .included(version)))
            }
            startIsOpen = false
            switch segment.upper {
            case .unbounded: return VersionRanges(segments: result)
            case .included(let version): start = .excluded(version)
            case .excluded(let version): start = .included(version)
            }
        }
        result.append((startIsOpen ? .unbounded : start, .unbounded))
        return VersionRanges(segments: result)
    }

    public func intersection(_ other: VersionRanges) -> VersionRanges {
        var result: [(lower: Bound, upper: Bound)] = []
        var left = 0
        var right = 0
        while left < segments.count && right < other.segments.count {
            let a = segments[left]
            let b = other.segments[right]
            let lower = Self.maxLower(a.lower, b.lower)
            let upper = Self.minUpper(a.upper, b.upper)
            if Self.isNonEmpty(lower, upper) { result.append((lower, upper)) }
            if Self.compareUpper(a.upper, b.upper) < 0 { left += 1 } else { right += 1 }
        }
        return VersionRanges(segments: result)
    }

    public func union(_ other: VersionRanges) -> VersionRanges {
        complement.intersection(other.complement).complement
    }

    public func subtracting(_ other: VersionRanges) -> VersionRanges {
        intersection(other.complement)
    }

    public func isSubset(of other: VersionRanges) -> Bool {
        subtracting(other).isEmpty
    }

    public func isDisjoint(with other: VersionRanges) -> Bool {
        intersection(other).isEmpty
    }

    // MARK: Bound comparisons

    static func upper(_ bound: Bound, isBelow version: Version) -> Bool {
        switch bound {
        case .unbounded: false
        case .included(let edge): edge < version
        case .excluded(let edge): edge <= version
        }
    }

    static func lower(_ bound: Bound, isAbove version: Version) -> Bool {
        switch bound {
        case .unbounded: false
        case .included(let edge): edge > version
        case .excluded(let edge): edge >= version
        }
    }

    /// Orders upper bounds: an exclusive bound ends before an inclusive one at the same version.
    static func compareUpper(_ a: Bound, _ b: Bound) -> Int {
        switch (a, b) {
        case (.unbounded, .unbounded): return 0
        case (.unbounded, _): return 1
        case (_, .unbounded): return -1
        default:
            let (x, y) = (a.version!, b.version!) // swiftlint:disable:this force_unwrapping
            if x != y { return x < y ? -1 : 1 }
            switch (a, b) {
            case (.excluded, .included): return -1
            case (.included, .excluded): return 1
            default: return 0
            }
        }
    }

    /// Orders lower bounds: an inclusive bound starts before an exclusive one at the same version.
    static func compareLower(_ a: Bound, _ b: Bound) -> Int {
        switch (a, b) {
        case (.unbounded, .unbounded): return 0
        case (.unbounded, _): return -1
        case (_, .unbounded): return 1
        default:
            let (x, y) = (a.version!, b.version!) // swiftlint:disable:this force_unwrapping
            if x != y { return x < y ? -1 : 1 }
            switch (a, b) {
            case (.included, .excluded): return -1
            case (.excluded, .included): return 1
            default: return 0
            }
        }
    }

    static func maxLower(_ a: Bound, _ b: Bound) -> Bound { compareLower(a, b) >= 0 ? a : b }
    static func minUpper(_ a: Bound, _ b: Bound) -> Bound { compareUpper(a, b) <= 0 ? a : b }

    package static func isNonEmpty(_ lower: Bound, _ upper: Bound) -> Bool {
        guard let low = lower.version, let high = upper.version else { return true }
        if low < high { return true }
        if low == high, case .included = lower, case .included = upper { return true }
        return false
    }

    // MARK: Printing

    public var description: String {
        if isEmpty { return "∅" }
        if isFull { return "*" }
        return segments.map { segment in
            switch (segment.lower, segment.upper) {
            case (.included(let a), .included(let b)) where a == b: return "==\(a)"
            default:
                var parts: [String] = []
                switch segment.lower {
                case .unbounded: break
                case .included(let v): parts.append(">=\(v.boundDescription)")
                case .excluded(let v): parts.append(">\(v.boundDescription)")
                }
                switch segment.upper {
                case .unbounded: break
                case .included(let v): parts.append("<=\(v.boundDescription)")
                case .excluded(let v): parts.append("<\(v.boundDescription)")
                }
                return parts.joined(separator: ", ")
            }
        }.joined(separator: " | ")
    }

    public static func == (lhs: VersionRanges, rhs: VersionRanges) -> Bool {
        lhs.segments.count == rhs.segments.count
            && zip(lhs.segments, rhs.segments).allSatisfy { $0.lower == $1.lower && $0.upper == $1.upper }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(segments.count)
        for segment in segments {
            hasher.combine(segment.lower)
            hasher.combine(segment.upper)
        }
    }
}

extension Version {
    /// A version as a range bound prints, marking the synthetic bounds.
    var boundDescription: String {
        switch bound {
        case .none: description
        case .afterLocals: description + "+<max local>"
        case .afterPosts: description + ".post<max>"
        }
    }
}
