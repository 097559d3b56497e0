/// One entry of the partial solution: a term the solver now believes, and why.
///
/// A *decision* picks a version (its term is positive and names one version) and opens a new
/// decision level. A *derivation* is forced by an incompatibility (its `cause`) that all other
/// terms of which are already satisfied. Backtracking to level `n` drops every assignment made
/// at a higher level.
struct Assignment: Sendable {
    let term: Term
    let decisionLevel: Int
    /// The incompatibility that forced this term; `nil` for a decision.
    let cause: IncompatibilityID?

    var isDecision: Bool { cause == nil }
}
