import PEP440

/// A fact the solver learned from outside, as an explanation states it.
enum ExternalFact: Equatable, Sendable {
    /// The root must be selected.
    case notRoot
    /// No version of the package in the range exists (or may be considered).
    case noVersions(PackageID, VersionRanges)
    /// The versions in the range cannot be used, for the reason given.
    case unavailable(PackageID, VersionRanges, UnavailableReason)
    /// Versions of the first package in the first range depend on the second package within
    /// the second range.
    case dependency(PackageID, VersionRanges, PackageID, VersionRanges)
}

/// The derivation graph of a failure as a tree, the shape explanations walk (PubGrub's
/// derivation tree): leaves are external facts, inner nodes are derived incompatibilities
/// with their terms. A derived incompatibility used by more than one later step carries a
/// shared id, so the report can number it and refer back to it.
indirect enum DerivationTree: Equatable, Sendable {
    case external(ExternalFact)
    case derived(DerivedFact)

    /// Builds the tree rooted at `root` from the solver's arena of incompatibilities.
    static func build(_ graph: [Incompatibility], root: IncompatibilityID) -> DerivationTree {
        var seen: Set<IncompatibilityID> = []
        var shared: Set<IncompatibilityID> = []
        var stack = [root]
        while let id = stack.popLast() {
            if case .conflict(let first, let second) = graph[id].cause {
                if seen.contains(id) {
                    shared.insert(id)
                } else {
                    stack.append(first)
                    stack.append(second)
                }
            }
            seen.insert(id)
        }
        var memo: [IncompatibilityID: DerivationTree] = [:]
        func node(_ id: IncompatibilityID) -> DerivationTree {
            if let known = memo[id] { return known }
            let incompatibility = graph[id]
            let result: DerivationTree
            switch incompatibility.cause {
            case .conflict(let first, let second):
                result = .derived(DerivedFact(terms: incompatibility.terms, sharedID: shared.contains(id) ? id : nil,
                                              cause1: node(first), cause2: node(second)))
            case .root:
                result = .external(.notRoot)
            case .noVersions:
                let term = incompatibility.terms.first ?? Term(.root, .full)
                result = .external(.noVersions(term.package, term.ranges))
            case .unavailable(let reason):
                let term = incompatibility.terms.first ?? Term(.root, .full)
                result = .external(.unavailable(term.package, term.ranges, reason))
            case .dependency:
                let terms = incompatibility.terms
                if terms.count == 2 {
                    result = .external(.dependency(terms[0].package, terms[0].ranges, terms[1].package, terms[1].ranges))
                } else {
                    // A dependency on the package itself merged into one term: it rules the
                    // version out.
                    let term = terms.first ?? Term(.root, .full)
                    result = .external(.dependency(term.package, term.ranges, term.package, .empty))
                }
            }
            memo[id] = result
            return result
        }
        return node(root)
    }

    /// Rebuilds the tree bottom-up, transforming external facts and derived nodes.
    func map(external: (ExternalFact) -> DerivationTree,
             derived: (DerivedFact) -> DerivationTree) -> DerivationTree {
        switch self {
        case .external(let fact):
            return external(fact)
        case .derived(var fact):
            fact.cause1 = fact.cause1.map(external: external, derived: derived)
            fact.cause2 = fact.cause2.map(external: external, derived: derived)
            return derived(fact)
        }
    }
}

/// A derived incompatibility of a ``DerivationTree``.
struct DerivedFact: Equatable, Sendable {
    var terms: [Term]
    var sharedID: IncompatibilityID?
    var cause1: DerivationTree
    var cause2: DerivationTree

    func term(for package: PackageID) -> Term? { terms.first { $0.package == package } }
}
