import Testing
import SuvBasics

@Suite struct PackageNameTests {
    @Test(arguments: [
        ("Flask", "flask"), ("Pillow_Heif", "pillow-heif"), ("zope.interface", "zope-interface"),
        ("a-_.b", "a-b"), ("PyYAML", "pyyaml"), ("a__b", "a-b"),
    ])
    func normalizes(raw: String, expected: String) {
        #expect(PackageName(raw).normalized == expected)
    }

    @Test func equalityIsByNormalizedForm() {
        #expect(PackageName("Django_REST") == PackageName("django-rest"))
        #expect(PackageName("a") != PackageName("b"))
        #expect(Set([PackageName("A.B"), PackageName("a_b")]).count == 1)
    }
}
