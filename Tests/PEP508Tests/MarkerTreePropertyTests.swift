import Testing
import PropertyBased
@testable import PEP508

/// Laws of parsing and printing checked on random markers and requirements.
///
/// Markers are built from a recipe of integers: comparisons over a small vocabulary, joined by
/// `and`/`or`, with parenthesized groups of two or more comparisons. Groups of one comparison
/// and doubled parentheses are left out on purpose: packaging prints them without
/// parentheses, which can change the meaning (`a and ((b or c))` prints as `a and b or c`).
@Suite struct MarkerTreePropertyTests {
    static let variables = ["python_version", "python_full_version", "os_name", "sys.platform", "platform_machine",
                            "platform_release", "implementation_name", "extra"]
    static let values = ["3.8", "3.12", "3.12.*", "3.14.0b1", "posix", "linux", "x86_64", "cpython", "5.15", "test", ""]
    static let operators = ["==", "!=", "<", "<=", ">", ">=", "in", "not in"]

    /// A marker text from a recipe; each comparison consumes three numbers.
    static func marker(_ recipe: [Int]) -> String {
        var numbers = recipe.makeIterator()
        func next() -> Int { numbers.next() ?? 0 }
        func comparison() -> String {
            let variable = variables[next() % variables.count]
            let value = "'" + values[next() % values.count] + "'"
            let op = operators[next() % operators.count]
            return next() % 4 == 0 ? value + " " + op + " " + variable : variable + " " + op + " " + value
        }
        func joiner() -> String { next() % 2 == 0 ? " and " : " or " }
        var text = comparison()
        for _ in 0..<(next() % 4) {
            if next() % 3 == 0 {
                text += joiner() + "(" + comparison() + joiner() + comparison() + ")"
            } else {
                text += joiner() + comparison()
            }
        }
        return text
    }

    static let environment = MarkerEnvironment(
        implementationName: "cpython", implementationVersion: "3.12.3", osName: "posix", platformMachine: "x86_64",
        platformPythonImplementation: "CPython", platformRelease: "5.15.0-91-generic", platformSystem: "Linux",
        platformVersion: "#1 SMP", pythonFullVersion: "3.12.3", pythonVersion: "3.12", sysPlatform: "linux"
    )

    /// The printed form parses back to a marker that prints the same and evaluates the same.
    @Test func printedMarkersParseBackToTheSameMeaning() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000).array(of: 4...40)) { recipe in
            let text = Self.marker(recipe)
            guard let marker = try? MarkerTree(parsing: text) else {
                Issue.record("does not parse: \(text)")
                return
            }
            let reparsed = try? MarkerTree(parsing: marker.description)
            #expect(reparsed?.description == marker.description, "\(text)")
            for context in [MarkerEvaluationContext.metadata(), .metadata(extra: "test")] {
                let original = Result { () throws(MarkerEvaluationError) in try marker.evaluate(Self.environment, context: context) }
                let again = reparsed.map { tree in
                    Result { () throws(MarkerEvaluationError) in try tree.evaluate(Self.environment, context: context) }
                }
                #expect(again == original, "\(text)")
            }
        }
    }

    /// A requirement's printed form parses back to an equal requirement that prints the same.
    @Test func printedRequirementsParseBack() async {
        let names = ["pkg", "Foo.Bar", "a_b", "x1"]
        let extras = ["", "[a]", "[b, A]", "[]"]
        let specifiers = ["", ">=1.0", " (>=1.0, <2)", "==1.*", "~=1.4.5,!=1.4.7", "===foo"]
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000).array(of: 4...24)) { recipe in
            let url = recipe[2] % 3 == 0
            var text = names[recipe[0] % names.count] + extras[recipe[1] % extras.count]
            text += url ? " @ https://example.com/p.whl" : specifiers[recipe[3] % specifiers.count]
            if recipe.count > 6, recipe[3] % 2 == 0 {
                text += (url ? " ; " : ";") + Self.marker(Array(recipe.dropFirst(4)))
            }
            guard let requirement = try? Requirement(parsing: text) else {
                Issue.record("does not parse: \(text)")
                return
            }
            let reparsed = try? Requirement(parsing: requirement.description)
            #expect(reparsed == requirement, "\(text)")
            #expect(reparsed?.description == requirement.description, "\(text)")
        }
    }
}
