import PEP440

/// The rewrites that make a derivation tree read well, in uv's order: widened version sets
/// narrowed back to the versions that exist, repeated unavailability merged, ranges simplified
/// against the known versions, and "no versions" facts dropped where the conclusion already
/// says as much.
struct TreeSimplifier {
    /// Known versions per package (base packages), lowest first.
    let known: [PackageID: [Version]]

    init(knownVersions: [PackageID: [Version]]) {
        var known: [PackageID: [Version]] = [:]
        for (package, versions) in knownVersions where !package.isRoot {
            known[package.base] = versions.sorted()
        }
        self.known = known
    }

    func simplify(_ tree: DerivationTree) -> DerivationTree {
        var tree = narrowWidenedSets(tree)
        tree = collapseUnavailableVersions(tree)
        tree = simplifyRanges(tree)
        tree = collapseRedundantNoVersions(tree)
        var changed = true
        while changed { (tree, changed) = mergeNoVersionsPairs(tree) }
        return tree
    }

    private func versions(of package: PackageID) -> [Version]? {
        guard let versions = known[package.base], !versions.isEmpty else { return nil }
        return versions
    }

    // MARK: Narrowing widened sets

    /// The solver widens a version's dependencies to the gap around it; explanations speak of
    /// the versions that exist: bounded ends move to the first and last known version inside,
    /// and a set holding every known version becomes "all versions".
    func narrowWidenedSets(_ tree: DerivationTree) -> DerivationTree {
        tree.map(external: { fact in
            switch fact {
            case .dependency(let package, let ranges, let dependency, let dependencyRanges):
                // A version rejected for its Python is one version, not a claim about others.
                let narrowed = dependency.isPython ? narrowRejected(package, ranges) : narrow(package, ranges)
                return .external(.dependency(package, narrowed, dependency, dependencyRanges))
            default:
                return .external(fact)
            }
        }, derived: { fact in
            var fact = fact
            fact.terms = fact.terms.map { term in
                term.isPositive ? Term(term.package, narrowConclusion(term.package, term.ranges, fact), isPositive: true) : term
            }
            return .derived(fact)
        })
    }

    /// A conclusion about a package with one version names that version when its causes do.
    private func narrowConclusion(_ package: PackageID, _ ranges: VersionRanges, _ fact: DerivedFact) -> VersionRanges {
        guard let versions = versions(of: package), versions.count == 1, let only = versions.first,
              ranges.contains(only) else { return narrow(package, ranges) }
        let single = VersionRanges.exactly(only)
        let reported = Self.reported(package, fact.cause1).union(Self.reported(package, fact.cause2))
        return reported == single ? single : narrow(package, ranges)
    }

    /// The versions of `package` a cause speaks about.
    private static func reported(_ package: PackageID, _ cause: DerivationTree) -> VersionRanges {
        switch cause {
        case .derived(let fact):
            guard let term = fact.term(for: package), term.isPositive else { return .empty }
            return term.ranges
        case .external(.unavailable(let reported, let ranges, _)),
             .external(.noVersions(let reported, let ranges)),
             .external(.dependency(let reported, let ranges, _, _)):
            return reported == package ? ranges : .empty
        case .external(.notRoot):
            return .empty
        }
    }

    private func narrow(_ package: PackageID, _ ranges: VersionRanges) -> VersionRanges {
        guard !package.isRoot, !package.isPython, let versions = versions(of: package) else { return ranges }
        if versions.allSatisfy(ranges.contains) { return .full }
        let narrowed = ranges.narrowed(to: versions)
        return narrowed.isEmpty ? ranges : narrowed
    }

    private func narrowRejected(_ package: PackageID, _ ranges: VersionRanges) -> VersionRanges {
        guard let versions = versions(of: package), let lowest = versions.first, let highest = versions.last else {
            return ranges
        }
        if versions.count == 1, ranges.contains(lowest) { return .exactly(lowest) }
        let narrowed = narrow(package, ranges)
        if narrowed.isFull { return narrowed }
        let clamped = narrowed.intersection(VersionRanges(segments: [(.included(lowest), .included(highest))]))
        return clamped.isEmpty ? narrowed : clamped
    }

    // MARK: Merging unavailability

    /// Two statements that versions of one package cannot be used for the same reason become
    /// one statement about the union.
    func collapseUnavailableVersions(_ tree: DerivationTree) -> DerivationTree {
        tree.map(external: { .external($0) }, derived: { fact in
            var result = DerivationTree.derived(fact)
            if case .external(.unavailable(let package, let ranges, let reason)) = fact.cause1,
               let merged = mergeUnavailable(package, ranges, reason, into: fact.cause2) {
                result = merged
            } else if case .external(.unavailable(let package, let ranges, let reason)) = fact.cause2,
                      let merged = mergeUnavailable(package, ranges, reason, into: fact.cause1) {
                result = merged
            }
            if case .derived(let derived) = result, let merged = mergeUnavailableSiblings(derived) {
                return merged
            }
            return result
        })
    }

    private func mergeUnavailable(_ package: PackageID, _ ranges: VersionRanges, _ reason: UnavailableReason,
                                  into other: DerivationTree) -> DerivationTree? {
        guard case .derived(var derived) = other else { return nil }
        func merged(_ cause: DerivationTree) -> VersionRanges? {
            guard case .external(.unavailable(let otherPackage, let otherRanges, let otherReason)) = cause,
                  otherPackage == package, otherReason == reason else { return nil }
            return otherRanges.union(ranges)
        }
        let union: VersionRanges
        if let ranges = merged(derived.cause2) {
            union = ranges
            derived.cause2 = .external(.unavailable(package, ranges, reason))
        } else if let ranges = merged(derived.cause1) {
            union = ranges
            derived.cause1 = .external(.unavailable(package, ranges, reason))
        } else {
            return nil
        }
        derived.terms = derived.terms.map { term in
            term.package == package && term.isPositive ? Term(package, union, isPositive: true) : term
        }
        return .derived(derived)
    }

    private func mergeUnavailableSiblings(_ derived: DerivedFact) -> DerivationTree? {
        guard case .external(.unavailable(let package, let ranges, let reason)) = derived.cause1,
              case .external(.unavailable(let otherPackage, let otherRanges, let otherReason)) = derived.cause2,
              package == otherPackage, derived.terms.count == 1, let term = derived.terms.first,
              term.isPositive, term.package == package else { return nil }
        let union = ranges.union(otherRanges)
        if reason == otherReason { return .external(.unavailable(package, union, reason)) }
        if union.isSubset(of: term.ranges) { return nil }
        var widened = derived
        widened.terms = [Term(package, term.ranges.union(union), isPositive: true)]
        return .derived(widened)
    }

    // MARK: Simplifying ranges

    /// Every range rewritten to the simplest one that agrees with it on the known versions.
    func simplifyRanges(_ tree: DerivationTree) -> DerivationTree {
        tree.map(external: { fact in
            switch fact {
            case .dependency(let package, let ranges, let dependency, let dependencyRanges):
                return .external(.dependency(package, simplified(package, ranges),
                                             dependency, simplified(dependency, dependencyRanges)))
            case .noVersions(let package, let ranges):
                return .external(.noVersions(package, simplified(package, ranges)))
            case .unavailable(let package, let ranges, let reason):
                return .external(.unavailable(package, simplified(package, ranges), reason))
            case .notRoot:
                return .external(fact)
            }
        }, derived: { fact in
            var fact = fact
            fact.terms = fact.terms.map { term in
                term.isPositive ? Term(term.package, simplified(term.package, term.ranges), isPositive: true) : term
            }
            return .derived(fact)
        })
    }

    private func simplified(_ package: PackageID, _ ranges: VersionRanges) -> VersionRanges {
        guard !ranges.isFull, !package.isPython, let versions = versions(of: package) else { return ranges }
        if versions.count == 1, let only = versions.first, ranges.contains(only) { return .exactly(only) }
        return ranges.simplified(among: versions)
    }

    // MARK: Dropping redundant "no versions"

    /// A "there is no version of a<1" beside a conclusion that covers all versions of `a`, or
    /// exactly the remaining ones, adds nothing; single-version exclusions stay, since they
    /// read "only a==1.0 is available".
    func collapseRedundantNoVersions(_ tree: DerivationTree) -> DerivationTree {
        tree.map(external: { .external($0) }, derived: { fact in
            if case .external(.noVersions(let package, let ranges)) = fact.cause1,
               canDrop(package, ranges, other: fact.cause2, parentTerms: fact.terms) {
                return fact.cause2
            }
            if case .external(.noVersions(let package, let ranges)) = fact.cause2,
               canDrop(package, ranges, other: fact.cause1, parentTerms: fact.terms) {
                return fact.cause1
            }
            return .derived(fact)
        })
    }

    /// Two "no versions" facts about one package under a conclusion about that package that
    /// covers both become one fact about the conclusion's range (uv folds the piecewise
    /// Python facts the solver learns this way).
    func mergeNoVersionsPairs(_ tree: DerivationTree) -> (DerivationTree, Bool) {
        var changed = false
        let result = tree.map(external: { .external($0) }, derived: { fact in
            if case .external(.noVersions(let package, let ranges)) = fact.cause1,
               case .external(.noVersions(let other, let otherRanges)) = fact.cause2, package == other,
               let term = fact.term(for: package), term.isPositive,
               ranges.isSubset(of: term.ranges), otherRanges.isSubset(of: term.ranges) {
                changed = true
                return .external(.noVersions(package, term.ranges))
            }
            return .derived(fact)
        })
        return (result, changed)
    }

    private func canDrop(_ package: PackageID, _ ranges: VersionRanges, other: DerivationTree, parentTerms: [Term]) -> Bool {
        let term: Term?
        if case .derived(let derived) = other {
            term = derived.term(for: package)
        } else {
            term = parentTerms.first { $0.package == package }
        }
        guard let term, term.isPositive else { return false }
        let remaining = ranges.complement
        return !remaining.isSingletonConstraint && (term.ranges.isFull || term.ranges == remaining)
    }
}

extension VersionRanges {
    /// Each segment cut down to the known versions it holds (bounded ends move onto them,
    /// unbounded ends stay); segments holding none are dropped.
    func narrowed(to versions: [Version]) -> VersionRanges {
        var result: [(lower: Bound, upper: Bound)] = []
        for segment in segments {
            let inside = versions.filter { VersionRanges(segments: [segment]).contains($0) }
            guard let first = inside.first, let last = inside.last else { continue }
            let lower: Bound = segment.lower == .unbounded ? .unbounded : .included(first)
            let upper: Bound = segment.upper == .unbounded ? .unbounded : .included(last)
            result.append((lower, upper))
        }
        return VersionRanges(segments: result)
    }

    /// PubGrub's range simplification: the simplest set of segments that agrees with this range
    /// on every version of `versions` (sorted, lowest first). Runs of consecutive contained
    /// versions become one segment; a run that starts at the lowest version loses its lower
    /// bound, one that ends at the highest loses its upper bound. Single versions stay.
    func simplified(among versions: [Version]) -> VersionRanges {
        if isSingletonConstraint || singleVersion != nil { return self }
        let locations: [Int?] = versions.map { version in segments.firstIndex { VersionRanges(segments: [$0]).contains(version) } }
        var runs: [(start: Int?, end: Int?)] = []
        var current: (start: Int?, end: Int?)?
        for (position, location) in locations.enumerated() {
            if let location {
                if let run = current {
                    current = (run.start, location)
                } else {
                    current = (position == 0 ? nil : location, location)
                }
            } else if let run = current {
                runs.append(run)
                current = nil
            }
        }
        if let run = current { runs.append((run.start, nil)) }
        guard !runs.isEmpty else { return self }
        return VersionRanges(segments: runs.map { run in
            (run.start.map { segments[$0].lower } ?? .unbounded, run.end.map { segments[$0].upper } ?? .unbounded)
        })
    }
}
