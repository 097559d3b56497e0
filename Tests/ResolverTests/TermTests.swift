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
        ("==1.0", "a==1.0"), (">=2", "a>=2"), ("<1.0", "a<1.0"), (">=1.0,<2.0", "a>=1.0,<2.0"),
        ("!=1.0", "a!=1.0"), ("<=1.5", "a<=1.5"), (">1.5", "a>1.5"), ("", "a"),
    ])
    func printsSpecifiers(_ specifiers: String, _ expected: String) async throws {
        // Printed through a report: "there is no version of …" names the ranges.
        let report = try await failureReport(specifiers.isEmpty ? "a" : "a\(specifiers)", in: "")
        #expect(report == "Because there is no version of \(expected) and you require \(expected), we can conclude that your requirements are unsatisfiable.")
    }
}
