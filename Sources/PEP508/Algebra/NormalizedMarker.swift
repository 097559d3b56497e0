import PEP440

/// A conjunction of constraints, one per ``MarkerKey``; no constraints means "always true".
public struct MarkerClause: Sendable, Hashable {
    public var constraints: [MarkerKey: MarkerDomain]

    public init(_ constraints: [MarkerKey: MarkerDomain] = [:]) {
        self.constraints = constraints
    }

    /// The conjunction of two clauses, or nil when it can never hold.
    func and(_ other: MarkerClause) -> MarkerClause? {
        var result = constraints
        for (key, domain) in other.constraints {
            if let existing = result[key] {
                guard let merged = existing.intersection(domain), !merged.isEmpty else { return nil }
                if merged.isFull { result[key] = nil } else { result[key] = merged }
            } else {
                result[key] = domain
            }
        }
        if KnownExclusions.contradicts(result) { return nil }
        return MarkerClause(result)
    }

    /// Whether every environment this clause accepts is accepted by `other` too.
    func implies(_ other: MarkerClause) -> Bool {
        other.constraints.allSatisfy { key, domain in
            guard let mine = constraints[key] else { return false }
            return mine.isSubset(of: domain)
        }
    }
}

/// A marker in a canonical disjunctive form over exact per-variable domains, so that markers
/// can be combined (`and`, `or`, `negated`), compared, simplified (also against a
/// `requires-python` range), and written the way uv writes them in `uv.lock`.
///
/// The algebra is exact for `python_version`/`python_full_version` (one axis of full PEP 440
/// versions), `implementation_version`, the string variables compared with `==`/`!=`, and
/// `extra`. Other comparisons (substring tests, ordered string comparisons, `platform_release`,
/// list markers) are independent propositions: every rewrite applied to them is a law of
/// Boolean algebra, so simplification never changes a marker's meaning.
public struct NormalizedMarker: Sendable, Hashable {
    /// The disjunction; empty means "never".
    public private(set) var clauses: [MarkerClause]

    init(clauses: [MarkerClause]) {
        self.clauses = clauses
    }

    public static let alwaysTrue = NormalizedMarker(clauses: [MarkerClause()])
    public static let alwaysFalse = NormalizedMarker(clauses: [])

    public var isAlwaysTrue: Bool { clauses.contains { $0.constraints.isEmpty } }
    public var isAlwaysFalse: Bool { clauses.isEmpty }

    /// One constraint as a marker.
    static func constraint(_ key: MarkerKey, _ domain: MarkerDomain) -> NormalizedMarker {
        if domain.isEmpty { return .alwaysFalse }
        if domain.isFull { return .alwaysTrue }
        return NormalizedMarker(clauses: [MarkerClause([key: domain])])
    }

    // MARK: Boolean operations

    public func and(_ other: NormalizedMarker) -> NormalizedMarker {
        var result: [MarkerClause] = []
        for left in clauses {
            for right in other.clauses {
                if let clause = left.and(right) { result.append(clause) }
            }
        }
        return NormalizedMarker(clauses: result).simplified()
    }

    public func or(_ other: NormalizedMarker) -> NormalizedMarker {
        NormalizedMarker(clauses: clauses + other.clauses).simplified()
    }

    public var negated: NormalizedMarker {
        var result = NormalizedMarker.alwaysTrue
        for clause in clauses {
            var alternatives = NormalizedMarker.alwaysFalse
            for (key, domain) in clause.constraints {
                alternatives = alternatives.or(.constraint(key, domain.complement))
            }
            result = result.and(alternatives)
            if result.isAlwaysFalse { break }
        }
        return result
    }

    /// Whether no environment satisfies both.
    public func isDisjoint(with other: NormalizedMarker) -> Bool {
        self.and(other).isAlwaysFalse
    }

    // MARK: Simplification

    /// Removes clauses implied by others and merges clauses that differ in one constraint,
    /// until nothing changes.
    func simplified() -> NormalizedMarker {
        if isAlwaysTrue { return .alwaysTrue }
        var current = Array(Set(clauses))
        var changed = true
        while changed {
            changed = false
            // Absorption: drop a clause that implies another.
            var kept: [MarkerClause] = []
            for (index, clause) in current.enumerated() {
                let absorbed = current.enumerated().contains { other in
                    other.offset != index && clause.implies(other.element)
                        && (!other.element.implies(clause) || other.offset < index)
                }
                if absorbed { changed = true } else { kept.append(clause) }
            }
            current = kept
            // Merging: two clauses equal except on one key become one.
            outer: for i in current.indices {
                for j in current.indices where j > i {
                    if let merged = Self.merge(current[i], current[j]) {
                        current.remove(at: j)
                        current.remove(at: i)
                        if merged.constraints.isEmpty { return .alwaysTrue }
                        current.append(merged)
                        changed = true
                        break outer
                    }
                }
            }
        }
        return NormalizedMarker(clauses: current.sorted { $0.sortKey < $1.sortKey })
    }

    private static func merge(_ a: MarkerClause, _ b: MarkerClause) -> MarkerClause? {
        guard Set(a.constraints.keys) == Set(b.constraints.keys) else { return nil }
        var differing: MarkerKey?
        for (key, domain) in a.constraints where b.constraints[key] != domain {
            if differing != nil { return nil }
            differing = key
        }
        guard let key = differing, let left = a.constraints[key], let right = b.constraints[key] else { return nil }
        var result = a.constraints
        guard let union = left.union(right) else {
            // `p` or `not p`: the key drops out.
            result[key] = nil
            return MarkerClause(result)
        }
        result[key] = union.isFull ? nil : union
        return MarkerClause(result)
    }

    /// The marker with everything implied by `requiresPython` removed: a Python constraint
    /// that every allowed interpreter satisfies disappears, and clauses no allowed
    /// interpreter satisfies are dropped.
    public func simplified(requiresPython: VersionRanges) -> NormalizedMarker {
        var result: [MarkerClause] = []
        for clause in clauses {
            var constraints = clause.constraints
            if case .versions(let python)? = constraints[.python] {
                if python.isDisjoint(with: requiresPython) { continue }
                // Outside the allowed range nothing matters; uv gives those versions the value
                // the constraint has at the lowest allowed version: a constraint that holds
                // there extends over everything outside, one that does not is cut to the range.
                let holdsAtLowest = Self.lowestVersion(requiresPython).map(python.contains) ?? false
                let simplified = holdsAtLowest ? python.union(requiresPython.complement) : python.intersection(requiresPython)
                constraints[.python] = simplified.isFull ? nil : .versions(simplified)
            }
            result.append(MarkerClause(constraints))
        }
        return NormalizedMarker(clauses: result).simplified()
    }

    /// The lowest version a range admits (its first lower bound), if bounded below.
    static func lowestVersion(_ ranges: VersionRanges) -> Version? {
        switch ranges.segments.first?.lower {
        case .included(let version)?: version
        case .excluded(let version)?: version
        default: nil
        }
    }

    static func boundCount(_ ranges: VersionRanges) -> Int {
        ranges.segments.reduce(0) { count, segment in
            count + (segment.lower == .unbounded ? 0 : 1) + (segment.upper == .unbounded ? 0 : 1)
        }
    }

    // MARK: Python release projection

    /// The marker as uv sees Python versions: only final releases exist, so bounds that differ
    /// only in pre-releases of a Python release collapse (`python_full_version < '3.11' or
    /// python_version >= '3.11'` is always true). uv writes lock files in this view.
    public var withPythonReleasesOnly: NormalizedMarker {
        var result: [MarkerClause] = []
        for clause in clauses {
            var constraints = clause.constraints
            if case .versions(let python)? = constraints[.python] {
                let projected = PythonVersions.releasesOnly(python)
                if projected.isEmpty { continue }
                constraints[.python] = projected.isFull ? nil : .versions(projected)
            }
            result.append(MarkerClause(constraints))
        }
        return NormalizedMarker(clauses: result).simplified()
    }
}

extension MarkerClause {
    /// Orders clauses as uv writes them: by their first constraint's key, then its text.
    var sortKey: ClauseSortKey {
        ClauseSortKey(terms: constraints.keys.sorted().map { key in
            (key, constraints[key].map { MarkerPrinter.sortText(key: key, domain: $0) } ?? "")
        })
    }
}

struct ClauseSortKey: Comparable {
    var terms: [(MarkerKey, String)]

    static func == (lhs: ClauseSortKey, rhs: ClauseSortKey) -> Bool {
        lhs.terms.count == rhs.terms.count && zip(lhs.terms, rhs.terms).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static func < (lhs: ClauseSortKey, rhs: ClauseSortKey) -> Bool {
        for (a, b) in zip(lhs.terms, rhs.terms) {
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
        }
        return lhs.terms.count < rhs.terms.count
    }
}

extension NormalizedMarker {
    /// The marker with every `extra == '…'` proposition decided: true for the (normalized)
    /// extras in `active`, false for every other extra.
    public func assigningExtras(_ active: Set<String>) -> NormalizedMarker {
        var result: [MarkerClause] = []
        for clause in clauses {
            var kept = clause.constraints
            var holds = true
            for (key, domain) in clause.constraints {
                guard case .extra(let name) = key, case .truth(let expected) = domain else { continue }
                if expected != active.contains(name) {
                    holds = false
                    break
                }
                kept[key] = nil
            }
            if holds { result.append(MarkerClause(kept)) }
        }
        return NormalizedMarker(clauses: result).simplified()
    }
}

extension NormalizedMarker {
    /// The same marker rewritten through its complement: a union of partial clauses that
    /// covers everything becomes "always", and clauses split by earlier operations merge
    /// again (`a or (not a and b)` becomes `a or b`). Keeps the shorter of the two forms.
    public var canonical: NormalizedMarker {
        let complement = negated
        if complement.isAlwaysFalse { return .alwaysTrue }
        let rewritten = complement.negated
        let size = { (marker: NormalizedMarker) in marker.clauses.reduce(0) { $0 + $1.constraints.count } }
        return size(rewritten) < size(self) ? rewritten : self
    }
}
