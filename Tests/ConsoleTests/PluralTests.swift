import Console
import Testing

@Suite struct PluralTests {
    @Test(arguments: [(0, "0 packages"), (1, "1 package"), (2, "2 packages"), (8, "8 packages")])
    func countsPackages(_ count: Int, _ expected: String) {
        #expect(Plural.count(count, "package") == expected)
    }

    @Test func summaryLineReadsLikeUv() {
        #expect("Resolved \(Plural.count(1, "package")) in \(ElapsedFormat.format(.milliseconds(196)))" == "Resolved 1 package in 196ms")
    }

    @Test func irregularPlural() {
        #expect(Plural.count(2, "dependency", plural: "dependencies") == "2 dependencies")
        #expect(Plural.count(1, "dependency", plural: "dependencies") == "1 dependency")
    }
}
