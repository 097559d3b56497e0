import PEP440

/// The solver's current beliefs: an ordered list of decisions and derivations.
///
/// For every package it keeps the intersection of all terms assigned to it, so asking whether
/// an incompatibility is satisfied, contradicted or *almost satisfied* (all but one term
/// satisfied, which forces the negation of that term) costs one term relation per package.
struct PartialSolution: Sendable {
    private(set) var assignments: [Assignment] = []
    /// The intersection of the terms assigned to each package.
    private(set) var accumulated: [PackageID: Term] = [:]
    /// Packages with a decision, and the version decided.
    private(set) var decisions: [PackageID: Version] = [:]
    /// Packages with an accumulated term and no decision: what ``forEachUndecided(_:)`` visits,
    /// kept so that the solver's question after every decision does not walk every package.
    private var pending: Set<PackageID> = []
    /// The number of decisions made so far.
    private(set) var decisionLevel = 0
    /// Packages whose accumulated term changed since ``takeChanged()`` was last called, in
    /// order (with repeats).
    private var changed: [PackageID] = []

    /// How an incompatibility relates to the partial solution.
    enum Relation: Equatable {
        /// Every term is satisfied: a conflict.
        case satisfied
        /// Some term is contradicted: the incompatibility cannot become a conflict.
        case contradicted
        /// Every term but this one is satisfied: its negation must hold.
        case almostSatisfied(Term)
        /// Two or more terms are undecided.
        case inconclusive
    }

    mutating func decide(_ package: PackageID, _ version: Version) {
        decisionLevel += 1
        decisions[package] = version
        append(Assignment(term: Term(package, .exactly(version)), decisionLevel: decisionLevel, cause: nil))
    }

    mutating func derive(_ term: Term, cause: IncompatibilityID) {
        append(Assignment(term: term, decisionLevel: decisionLevel, cause: cause))
    }

    private mutating func append(_ assignment: Assignment) {
        assignments.append(assignment)
        let package = assignment.term.package
        accumulated[package] = accumulated[package].map { $0.intersection(assignment.term) } ?? assignment.term
        if decisions[package] == nil { pending.insert(package) } else { pending.remove(package) }
        changed.append(package)
    }

    /// The packages whose accumulated term changed since the last call (a backtrack changes
    /// every package it keeps), so that a caller following the terms need not compare them all.
    mutating func takeChanged() -> [PackageID] {
        defer { changed = [] }
        return changed
    }

    /// The decision level at which `package` was decided, if it was.
    func decisionLevel(of package: PackageID) -> Int? {
        guard decisions[package] != nil else { return nil }
        return assignments.first { $0.isDecision && $0.term.package == package }?.decisionLevel
    }

    /// Drops every assignment above `level`.
    mutating func backtrack(to level: Int) {
        let kept = assignments.prefix { $0.decisionLevel <= level }
        assignments = []
        accumulated = [:]
        decisions = [:]
        pending = []
        decisionLevel = level
        for assignment in kept {
            if assignment.isDecision, let version = assignment.term.ranges.singleVersion {
                decisions[assignment.term.package] = version
            }
            append(assignment)
        }
    }

    func relation(to incompatibility: Incompatibility) -> Relation {
        var unsatisfied: Term?
        for term in incompatibility.terms {
            guard let known = accumulated[term.package] else {
                if unsatisfied != nil { return .inconclusive }
                unsatisfied = term
                continue
            }
            switch term.relation(to: known) {
            case .satisfied: continue
            case .contradicted: return .contradicted
            case .inconclusive:
                if unsatisfied != nil { return .inconclusive }
                unsatisfied = term
            }
        }
        return unsatisfied.map { .almostSatisfied($0) } ?? .satisfied
    }

    /// The index of the earliest assignment after which `term` is satisfied, if any.
    func satisfierIndex(of term: Term) -> Int? {
        var known: Term?
        for (index, assignment) in assignments.enumerated() where assignment.term.package == term.package {
            let next = known.map { $0.intersection(assignment.term) } ?? assignment.term
            if term.isSatisfied(by: next) { return index }
            known = next
        }
        return nil
    }

    /// The decision level of the earliest assignment to `term`'s package that, intersected
    /// with the satisfier's own term, already satisfies `term` (PubGrub-rs's "previous
    /// satisfier"; at least the satisfier's level when nothing earlier does).
    func previousSatisfierLevel(of term: Term, satisfier: Int) -> Int {
        var known = assignments[satisfier].term
        for assignment in assignments where assignment.term.package == term.package {
            known = known.intersection(assignment.term)
            if term.isSatisfied(by: known) { return assignment.decisionLevel }
        }
        return assignments[satisfier].decisionLevel
    }

    /// Positive beliefs about packages that have no decision yet: what still needs a version.
    var undecided: [Term] {
        undecidedUnordered.sorted { $0.package < $1.package }
    }

    /// ``undecided`` in no particular order (callers that break ties themselves).
    var undecidedUnordered: [Term] {
        var terms: [Term] = []
        forEachUndecided { terms.append($0) }
        return terms
    }

    /// Visits ``undecidedUnordered`` without collecting it (the solver asks after every
    /// decision, with hundreds of packages accumulated).
    func forEachUndecided(_ body: (Term) throws -> Void) rethrows {
        for package in pending {
            if let term = accumulated[package], term.isPositive { try body(term) }
        }
    }
}
