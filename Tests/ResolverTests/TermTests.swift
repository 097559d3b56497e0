import PEP440
import Resolver
import Testing

@Suite struct TermTests {
    let a = PackageID("a")

    func ranges(_ text: String) -> VersionRanges { (try! VersionSpecifiers(parsing: text)).ranges }

    @Test func positiveTermsIntersectAsSets() {
        let term = Term(a, ranges(">=1")).intersection(Term(a, ranges("<2")))
        #expect(term == Term(a, ranges(">=1,<2")))
    }

    @Test func negativeTermSubtractsFromPositive() {
        let term = Term(a, ranges(">=1")).intersection(Term(a, ranges(">=2"), isPositive: false))
        #expect(term.isPositive)
        #expect(term.ranges.contains(Version("1.5")!) && term.ranges.contains(Version("2.0rc1")!))
        #expect(!term.ranges.contains(Version("2")!) && !term.ranges.contains(Version("0.9")!))
    }

    @Test func relations() {
        let atLeastOne = Term(a, ranges(">=1"))
        #expect(atLeastOne.relation(to: Term(a, ranges(">=2"))) == .satisfied)
        #expect(atLeastOne.relation(to: Term(a, ranges("<1"))) == .contradicted)
        #expect(atLeastOne.relation(to: Term(a, ranges(">=0.5"))) == .inconclusive)
        // "a is not selected" contradicts every positive term, and satisfies every negative one.
        let notSelected = Term(a, .full, isPositive: false)
        #expect(atLeastOne.relation(to: notSelected) == .contradicted)
        #expect(atLeastOne.negated.relation(to: notSelected) == .satisfied)
    }
}

@Suite struct SpecifierTextTests {
    @Test(arguments: [
        ("==1.0", "there is no version of a==1.0", "a==1.0, "), (">=2", "there are no versions of a", "a>=2, "),
        ("<1.0", "there are no versions of a", "a<1.0, "),
        (">=1.0,<2.0", "there are no versions of a", "a>=1.0,<2.0, "),
        ("!=1.0", "there are no versions of a", "one of:\n    a<1.0\n    a>1.0\n"),
        ("<=1.5", "there are no versions of a", "a<=1.5, "), (">1.5", "there are no versions of a", "a>1.5, "),
        ("", "there are no versions of a", "a, "),
    ])
    func printsSpecifiers(_ specifiers: String, _ fact: String, _ required: String) async throws {
        // Printed through a report: "you require …" names the ranges as given (a multi-line
        // list ends with a newline instead of a comma, as uv prints it).
        let report = try await failureReport(specifiers.isEmpty ? "a" : "a\(specifiers)", in: "")
        #expect(report == "Because \(fact) and you require \(required)we can conclude that your requirements are unsatisfiable.")
    }
}
