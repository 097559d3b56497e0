import Testing
import PEP440
@testable import PEP508

/// `pep508-requirements.json`: validity, name, canonical name, extras, specifier, URL, marker
/// and `str()` of every case, each compared with packaging 26.2.
@Suite struct RequirementVectorTests {
    @Test func everyRequirementCaseAgrees() throws {
        var cases = Disagreements()
        var fields = Disagreements()
        for testCase in try Vectors.cases("pep508-requirements.json") {
            let input = testCase["input"] as? String ?? ""
            let valid = testCase["valid"] as? Bool ?? false
            let parsed = try? Requirement(parsing: input)
            guard let requirement = parsed, valid else {
                cases.check(parsed == nil && !valid, "\(input.debugDescription): valid \(valid), parsed \(parsed.map(String.init(describing:)) ?? "nil")")
                continue
            }
            let before = fields.items.count
            fields.check(requirement.name == testCase["name"] as? String, "\(input.debugDescription): name \(requirement.name)")
            fields.check(requirement.packageName.normalized == testCase["canonical_name"] as? String,
                         "\(input.debugDescription): canonical \(requirement.packageName)")
            fields.check(requirement.extras.sorted() == testCase["extras"] as? [String], "\(input.debugDescription): extras \(requirement.extras)")
            fields.check(requirement.specifierDescription == testCase["specifier"] as? String,
                         "\(input.debugDescription): specifier \(requirement.specifierDescription)")
            fields.check(requirement.url == testCase["url"] as? String, "\(input.debugDescription): url \(requirement.url ?? "nil")")
            fields.check(requirement.marker?.description == testCase["marker"] as? String,
                         "\(input.debugDescription): marker \(requirement.marker?.description ?? "nil")")
            fields.check(requirement.description == testCase["normalized"] as? String,
                         "\(input.debugDescription): str \(requirement.description)")
            cases.check(fields.items.count == before, "\(input.debugDescription): fields disagree")
        }
        #expect(cases.items.isEmpty, "\(cases.summary)")
        #expect(fields.items.isEmpty, "\(fields.summary)")
        #expect(cases.checks > 0)
    }

    /// Not required by the vectors' README, but this implementation copies packaging's wording:
    /// the first line of packaging's message is our ``RequirementParseError/reason``.
    @Test func invalidRequirementsFailWithPackagingsMessage() throws {
        var disagreements = Disagreements()
        for testCase in try Vectors.cases("pep508-requirements.json") where testCase["valid"] as? Bool == false {
            let input = testCase["input"] as? String ?? ""
            let expected = testCase["error"] as? String
            do {
                _ = try Requirement(parsing: input)
                disagreements.check(false, "\(input.debugDescription) parsed")
            } catch {
                disagreements.check(error.reason == expected, "\(input.debugDescription): \(error.reason) != \(expected ?? "nil")")
            }
        }
        #expect(disagreements.items.isEmpty, "\(disagreements.summary)")
    }
}
