import PEP440

/// Explains a ``ResolutionFailure`` in sentences, the way uv does:
///
/// ```
/// Because a==1.0 depends on b>=2 and you require a==1.0, we can conclude that you require b>=2.
/// And because you require b<2, we can conclude that your requirements are unsatisfiable.
/// ```
///
/// The derivation graph becomes a tree (``DerivationTree``), is simplified as uv simplifies it
/// (``TreeSimplifier``), and is walked from its sink with PubGrub's reporting algorithm: each
/// derived incompatibility becomes one sentence, "Because ⟨cause⟩ and ⟨cause⟩, we can conclude
/// that ⟨fact⟩."; a chain that adds one external fact per step reads as "And because ⟨fact⟩, …"
/// lines; a fact used by more than one later step gets a number, `(1)`, and later lines say "we
/// know from (1) that …" instead of deriving it again.
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
        self.init(failure, context: ReportContext(wording: wording, knownVersions: failure.knownVersions))
    }

    public init(_ failure: ResolutionFailure, context: ReportContext) {
        let tree = TreeSimplifier(knownVersions: context.knownVersions)
            .simplify(DerivationTree.build(failure.incompatibilities, root: failure.root))
        var writer = ReportWriter(formatter: ReportFormatter(context: context))
        switch tree {
        case .derived(let fact):
            writer.build(fact)
        case .external(let fact):
            let conclusion = ReportFormatter(context: context).terms([Term(.root, .full)])
            writer.lines.append("Because " + padded("", writer.formatter.external(fact), ", ") + "we can conclude that " + conclusion + ".")
        }
        text = writer.lines.joined(separator: "\n")
    }
}

/// PubGrub's default reporter, with uv's sentences.
private struct ReportWriter {
    let formatter: ReportFormatter
    var lines: [String] = []
    private var lineNumbers: [IncompatibilityID: Int] = [:]
    private var referenceCount = 0

    init(formatter: ReportFormatter) {
        self.formatter = formatter
    }

    mutating func build(_ current: DerivedFact) {
        buildHelper(current)
        if let id = current.sharedID, lineNumbers[id] == nil {
            addLineReference()
            lineNumbers[id] = referenceCount
        }
    }

    private func lineNumber(_ fact: DerivedFact) -> Int? {
        fact.sharedID.flatMap { lineNumbers[$0] }
    }

    private mutating func addLineReference() {
        referenceCount += 1
        if let last = lines.indices.last { lines[last] += " (\(referenceCount))" }
    }

    private mutating func buildHelper(_ current: DerivedFact) {
        switch (current.cause1, current.cause2) {
        case (.external(let first), .external(let second)):
            lines.append(explainBothExternal(first, second, current.terms))
        case (.derived(let derived), .external(let external)), (.external(let external), .derived(let derived)):
            reportOneEach(derived, external, current.terms)
        case (.derived(let first), .derived(let second)):
            switch (lineNumber(first), lineNumber(second)) {
            case (let a?, let b?):
                lines.append("Because we know from (\(a)) that " + padded("", formatter.terms(first.terms), " ")
                    + "and we know from (\(b)) that " + padded("", formatter.terms(second.terms), ", ")
                    + padded("", formatter.terms(current.terms), "."))
            case (let a?, nil):
                build(second)
                lines.append(andExplainReference(a, first, current.terms))
            case (nil, let b?):
                build(first)
                lines.append(andExplainReference(b, second, current.terms))
            case (nil, nil):
                build(first)
                if first.sharedID != nil {
                    lines.append("")
                    build(current)
                } else {
                    addLineReference()
                    let reference = referenceCount
                    lines.append("")
                    build(second)
                    lines.append(andExplainReference(reference, first, current.terms))
                }
            }
        }
    }

    private mutating func reportOneEach(_ derived: DerivedFact, _ external: ExternalFact, _ terms: [Term]) {
        if let reference = lineNumber(derived) {
            lines.append("Because we know from (\(reference)) that " + padded("", formatter.terms(derived.terms), " ")
                + "and " + padded("", formatter.external(external), ", ")
                + "we can conclude that " + padded("", formatter.terms(terms), "."))
            return
        }
        switch (derived.cause1, derived.cause2) {
        case (.derived(let prior), .external(let priorExternal)), (.external(let priorExternal), .derived(let prior)):
            build(prior)
            lines.append("And because " + padded("", formatter.bothExternal(priorExternal, external), ", ")
                + "we can conclude that " + padded("", formatter.terms(terms), "."))
        default:
            build(derived)
            lines.append("And because " + padded("", formatter.external(external), ", ")
                + "we can conclude that " + padded("", formatter.terms(terms), "."))
        }
    }

    private func explainBothExternal(_ first: ExternalFact, _ second: ExternalFact, _ terms: [Term]) -> String {
        // uv states why a version cannot be used before saying which versions exist.
        var (first, second) = (first, second)
        if case .noVersions(let package, _) = first, case .unavailable(let other, _, _) = second, package == other {
            swap(&first, &second)
        }
        return "Because " + padded("", formatter.bothExternal(first, second), ", ")
            + "we can conclude that " + padded("", formatter.terms(terms), ".")
    }

    private func andExplainReference(_ reference: Int, _ derived: DerivedFact, _ terms: [Term]) -> String {
        "And because we know from (\(reference)) that " + padded("", formatter.terms(derived.terms), ", ")
            + "we can conclude that " + padded("", formatter.terms(terms), ".")
    }
}
