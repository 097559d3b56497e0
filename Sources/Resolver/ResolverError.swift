import PEP440
import SuvBasics

/// Why resolution did not produce a set of versions.
public enum ResolverError: SuvError, Equatable {
    /// The requirements cannot be satisfied; the failure explains why.
    case noSolution(ResolutionFailure)
    /// The solver broke one of its own invariants (a bug in suv).
    case invariantViolated(String)

    public var message: String {
        switch self {
        case .noSolution: "No solution found when resolving dependencies"
        case .invariantViolated(let detail): "Resolver invariant violated: \(detail)"
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .noSolution: .failure
        case .invariantViolated: .internal
        }
    }

    public var cause: (any Error)? {
        switch self {
        case .noSolution(let failure): failure
        case .invariantViolated: nil
        }
    }
}

/// A failed resolution: the derivation graph whose sink is the incompatibility `{root}`.
///
/// Its ``message`` is the derivation report in `uv pip` wording; build a
/// ``DerivationReport`` with another ``DerivationReport/Wording`` for project commands.
public struct ResolutionFailure: SuvError, Equatable {
    /// Every incompatibility the solver knew or derived, indexed by ``IncompatibilityID``.
    public let incompatibilities: [Incompatibility]
    /// The derived incompatibility that proves failure.
    public let root: IncompatibilityID
    /// The versions the solver knew of each package it looked at (highest first), for
    /// simplifying ranges in explanations.
    public let knownVersions: [PackageID: [Version]]

    public init(incompatibilities: [Incompatibility], root: IncompatibilityID, knownVersions: [PackageID: [Version]] = [:]) {
        self.incompatibilities = incompatibilities
        self.root = root
        self.knownVersions = knownVersions
    }

    public var message: String { DerivationReport(self).text }

    /// The external incompatibilities (facts from outside the solver) the derivation rests on,
    /// each once, in the order a walk from the failure meets them.
    public var externalFacts: [Incompatibility] {
        var facts: [Incompatibility] = []
        var seen: Set<IncompatibilityID> = []
        var stack = [root]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            if case .conflict(let first, let second) = incompatibilities[id].cause {
                stack.append(second)
                stack.append(first)
            } else {
                facts.append(incompatibilities[id])
            }
        }
        return facts
    }
    public var kind: ErrorKind { .failure }
}
