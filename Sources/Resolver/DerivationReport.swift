import PEP440

/// Explains a ``ResolutionFailure`` in sentences, the way uv does:
///
/// ```
/// Because a==1.0 depends on b>=2 and you require a==1.0, we can conclude that you require b>=2.
/// And because you require b<2, we can conclude that your requirements are unsatisfiable.
/// ```
///
/// The derivation graph is walked from its sink. Each derived incompatibility becomes one
/// sentence, "Because ⟨cause⟩ and ⟨cause⟩, we can conclude that ⟨fact⟩." A chain in which each
/// step adds one external fact reads as a run of "And because ⟨fact⟩, …" lines. A fact used by
/// more than one later step gets a number, `(1)`, and later lines say "we know from (1) that …"
/// instead of deriving it again. (The shape is PubGrub's error-reporting algorithm.)
public struct DerivationReport: Sendable {
    /// Whose requirements the root stands for.
    public enum Wording: Sendable {
        /// `uv pip`: "you require a", "your requirements are unsatisfiable".
        case requirements
        /// Project commands: "your project depends on a", "your project's requirements are
        /// unsatisfiable".
        case project
    }

    /// The report's lines, without trailing newline.
    public let text: String

    public init(_ failure: ResolutionFailure, wording: Wording = .requirements) {
        var writer = ReportWriter(graph: failure.incompatibilities, wording: wording)
        writer.writeReport(root: failure.root)
        text = writer.lines.joined(separator: "\n")
    }
}

/// Builds the lines of a ``DerivationReport``.
private struct ReportWriter {
    let graph: [Incompatibility]
    let wording: DerivationReport.Wording
    var lines: [String] = []
    /// Line numbers of facts that later lines refer back to.
    var lineNumbers: [IncompatibilityID: Int] = [:]
    /// How many derivations use each derived incompatibility.
    var uses: [IncompatibilityID: Int] = [:]

    init(graph: [Incompatibility], wording: DerivationReport.Wording) {
        self.graph = graph
        self.wording = wording
    }

    mutating func writeReport(root: IncompatibilityID) {
        guard causes(of: root) != nil else {
            lines.append("Because \(describe(root)), we can conclude that \(failurePhrase).")
            return
        }
        countUses(root)
        visit(root, conclusion: false)
    }

    private mutating func countUses(_ id: IncompatibilityID) {
        uses[id, default: 0] += 1
        guard uses[id] == 1, let (a, b) = causes(of: id) else { return }
        countUses(a)
        countUses(b)
    }

    private func causes(of id: IncompatibilityID) -> (IncompatibilityID, IncompatibilityID)? {
        if case .conflict(let a, let b) = graph[id].cause { return (a, b) }
        return nil
    }

    private func isDerived(_ id: IncompatibilityID) -> Bool { causes(of: id) != nil }

    // MARK: Walking the graph

    private mutating func visit(_ id: IncompatibilityID, conclusion: Bool) {
        guard let (first, second) = causes(of: id) else { return }
        let numbered = conclusion || (uses[id] ?? 0) > 1
        let fact = "we can conclude that \(describe(id))"
        switch (isDerived(first), isDerived(second)) {
        case (true, true):
            switch (lineNumbers[first], lineNumbers[second]) {
            case (let a?, let b?):
                write(id, "Because \(reference(first, a)) and \(reference(second, b)), \(fact).", numbered)
            case (let a?, nil):
                visit(second, conclusion: false)
                write(id, "And because \(reference(first, a)), \(fact).", numbered)
            case (nil, let b?):
                visit(first, conclusion: false)
                write(id, "And because \(reference(second, b)), \(fact).", numbered)
            case (nil, nil):
                visit(first, conclusion: true)
                lines.append("")
                visit(second, conclusion: false)
                let line = lineNumbers[first].map { reference(first, $0) } ?? describe(first)
                write(id, "And because \(line), \(fact).", numbered)
            }
        case (true, false), (false, true):
            let (derived, external) = isDerived(first) ? (first, second) : (second, first)
            if let line = lineNumbers[derived] {
                write(id, "Because \(describe(external)) and \(reference(derived, line)), \(fact).", numbered)
            } else if let (collapsedDerived, collapsedExternal) = collapsible(derived) {
                visit(collapsedDerived, conclusion: false)
                write(id, "And because \(describe(collapsedExternal)) and \(describe(external)), \(fact).", numbered)
            } else {
                visit(derived, conclusion: false)
                write(id, "And because \(describe(external)), \(fact).", numbered)
            }
        case (false, false):
            write(id, "Because \(describe(first)) and \(describe(second)), \(fact).", numbered)
        }
    }

    /// A derived fact used once, itself from one derived and one external fact, whose sentence
    /// can be folded into the next one: its (derived, external) causes.
    private func collapsible(_ id: IncompatibilityID) -> (IncompatibilityID, IncompatibilityID)? {
        guard (uses[id] ?? 0) <= 1, let (a, b) = causes(of: id), isDerived(a) != isDerived(b) else { return nil }
        let (derived, external) = isDerived(a) ? (a, b) : (b, a)
        return lineNumbers[derived] == nil ? (derived, external) : nil
    }

    private mutating func write(_ id: IncompatibilityID, _ line: String, _ numbered: Bool) {
        if numbered {
            let number = lineNumbers.count + 1
            lineNumbers[id] = number
            lines.append("\(line) (\(number))")
        } else {
            lines.append(line)
        }
    }

    private func reference(_ id: IncompatibilityID, _ line: Int) -> String {
        "we know from (\(line)) that \(describe(id))"
    }

    // MARK: Describing one incompatibility

    private var failurePhrase: String {
        wording == .project ? "your project's requirements are unsatisfiable" : "your requirements are unsatisfiable"
    }

    private func describe(_ id: IncompatibilityID) -> String {
        let incompatibility = graph[id]
        let terms = incompatibility.terms
        switch incompatibility.cause {
        case .root:
            return wording == .project ? "your project is required" : "your requirements must be satisfied"
        case .noVersions:
            guard let term = terms.first else { return failurePhrase }
            return "there is no version of \(object(term))"
        case .unavailable(let reason):
            guard let term = terms.first else { return failurePhrase }
            return "\(subject(term)) \(reason.phrase)"
        case .dependency where terms.count == 2:
            return dependsOn(terms[0], terms[1])
        case .dependency, .conflict:
            break
        }
        if incompatibility.isFailure { return failurePhrase }
        let positives = terms.filter(\.isPositive)
        let negatives = terms.filter { !$0.isPositive }
        switch (positives.count, negatives.count) {
        case (1, 1):
            return dependsOn(positives[0], negatives[0])
        case (1, 0):
            return "\(subject(positives[0])) cannot be used"
        case (0, 1):
            return requires(negatives[0])
        case (_, 0):
            return positives.map(subject).joined(separator: " and ") + " are incompatible"
        default:
            let depender = positives.map(subject).joined(separator: " and ")
            return "\(depender) \(positives.count > 1 ? "depend" : "depends") on one of "
                + negatives.map(object).joined(separator: " or ")
        }
    }

    private func dependsOn(_ depender: Term, _ dependency: Term) -> String {
        if depender.package.isRoot { return requires(dependency) }
        let verb = depender.ranges.isFull ? "depend" : "depends"
        return "\(subject(depender)) \(verb) on \(object(dependency))"
    }

    private func requires(_ dependency: Term) -> String {
        wording == .project ? "your project depends on \(object(dependency))" : "you require \(object(dependency))"
    }

    /// A term as the subject of a sentence: `a==1.0`, or `all versions of a`.
    private func subject(_ term: Term) -> String {
        if term.package.isRoot { return wording == .project ? "your project" : "your requirements" }
        return term.ranges.isFull ? "all versions of \(term.package)" : object(term)
    }

    /// A term as an object: `b>=2`, or just `b` for any version.
    private func object(_ term: Term) -> String {
        "\(term.package)\(term.ranges.specifierText)"
    }
}
