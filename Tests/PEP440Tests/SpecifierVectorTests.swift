import Testing
@testable import PEP440

/// `pep440-specifiers.json`: parsing, `str()`, per-clause pre-release flags, set pre-release
/// flag, `contains` and `filter` in the three pre-release modes, and `is_unsatisfiable`.
@Suite struct SpecifierVectorTests {
    static let modes: [(String, Bool?)] = [("none", nil), ("true", true), ("false", false)]

    @Test func everySpecifierCaseAgrees() throws {
        var failures: [String] = []
        var checks = 0
        for testCase in try Vectors.cases("pep440-specifiers.json") {
            let input = testCase["input"] as? String ?? ""
            let valid = testCase["valid"] as? Bool ?? false
            guard let set = try? VersionSpecifiers(parsing: input) else {
                if valid { failures.append("rejected \(input.debugDescription)") }
                continue
            }
            guard valid else {
                failures.append("accepted \(input.debugDescription) as \(set)")
                continue
            }
            if set.description != testCase["normalized"] as? String {
                failures.append("\(input.debugDescription): str \(set.description) != \(testCase["normalized"] ?? "")")
            }
            let clauses = testCase["specifiers"] as? [[String: Any]] ?? []
            if clauses.count != set.specifiers.count {
                failures.append("\(input.debugDescription): \(set.specifiers.count) clauses")
            } else {
                for (clause, expected) in zip(set.specifiers, clauses) {
                    if clause.description != expected["str"] as? String || clause.op.rawValue != expected["operator"] as? String {
                        failures.append("\(input.debugDescription): clause \(clause) != \(expected["str"] ?? "")")
                    }
                }
            }
            let expectedPrereleases = testCase["prereleases"] as? Bool
            if set.prereleases != expectedPrereleases {
                failures.append("\(input.debugDescription): prereleases \(String(describing: set.prereleases))")
            }
            if let unsatisfiable = testCase["is_unsatisfiable"] as? Bool, set.isUnsatisfiable != unsatisfiable {
                failures.append("\(input.debugDescription): is_unsatisfiable \(set.isUnsatisfiable) != \(unsatisfiable)")
            }
            let candidates = testCase["candidates"] as? [String] ?? []
            let contains = testCase["contains"] as? [String: [Bool]] ?? [:]
            let filter = testCase["filter"] as? [String: [String]] ?? [:]
            for (key, mode) in Self.modes {
                for (index, candidate) in candidates.enumerated() {
                    checks += 1
                    let expected = contains[key]?[index]
                    if set.contains(candidate, prereleases: mode) != expected {
                        failures.append("\(input.debugDescription).contains(\(candidate), \(key)) != \(expected.map(String.init) ?? "?")")
                    }
                }
                let filtered = set.filter(candidates, prereleases: mode)
                if filtered != filter[key] ?? [] {
                    failures.append("\(input.debugDescription).filter(\(key)) = \(filtered) != \(filter[key] ?? [])")
                }
            }
        }
        #expect(checks > 100_000)
        if !failures.isEmpty { Issue.record("\(failures.count) failures:\n\(failures.prefix(50).joined(separator: "\n"))") }
    }
}
