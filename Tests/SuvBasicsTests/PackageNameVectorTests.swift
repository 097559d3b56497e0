import Foundation
import SuvBasics
import SuvTestSupport
import Testing

/// One case of `names.json`: packaging's `canonicalize_name`, its `validate=True` form and
/// `is_normalized_name` applied to a raw name.
private struct NameCase: Decodable {
    let input: String
    let canonical: String
    let valid: Bool
    let isNormalized: Bool

    enum CodingKeys: String, CodingKey {
        case input, canonical, valid
        case isNormalized = "is_normalized"
    }
}

private struct NameFile: Decodable {
    let cases: [NameCase]
}

@Suite struct PackageNameVectorTests {
    private static func load() throws -> [NameCase] {
        let url = try RepositoryPaths.vectors().appendingPathComponent("names.json")
        return try JSONDecoder().decode(NameFile.self, from: Data(contentsOf: url)).cases
    }

    @Test func canonicalFormsMatchPackaging() throws {
        let cases = try Self.load()
        #expect(!cases.isEmpty)
        var agree = 0
        for item in cases {
            let actual = PackageName.normalize(item.input)
            #expect(actual == item.canonical, "canonicalize_name(\(item.input.debugDescription))")
            if actual == item.canonical { agree += 1 }
        }
        print("names.json canonical: \(agree)/\(cases.count)")
    }

    @Test func validityMatchesPackaging() throws {
        let cases = try Self.load()
        var agree = 0
        for item in cases {
            let actual = PackageName.isValid(item.input)
            #expect(actual == item.valid, "canonicalize_name(\(item.input.debugDescription), validate=True)")
            if actual == item.valid { agree += 1 }
        }
        print("names.json valid: \(agree)/\(cases.count)")
    }

    @Test func isNormalizedMatchesPackaging() throws {
        let cases = try Self.load()
        var agree = 0
        for item in cases {
            let actual = PackageName.isNormalized(item.input)
            #expect(actual == item.isNormalized, "is_normalized_name(\(item.input.debugDescription))")
            if actual == item.isNormalized { agree += 1 }
        }
        print("names.json is_normalized: \(agree)/\(cases.count)")
    }

    @Test(arguments: [
        ("İstanbul", "i\u{307}stanbul"), ("ΣΑΣ", "σας"), ("\u{212A}", "k"), ("École", "école"),
    ])
    func lowercasesLikePython(raw: String, expected: String) {
        #expect(Array(PackageName.normalize(raw).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func normalizedDoubleDashQuirk() {
        #expect(PackageName.isNormalized("a--b"))
        #expect(!PackageName.isNormalized("a---b"))
        #expect(!PackageName.isNormalized("a-"))
        #expect(!PackageName.isNormalized(""))
    }
}
