import Testing
@testable import PEP440

/// `pep440-versions.json` and `pep440-order.json`: parsing, normalization, every component,
/// and the total order, against `packaging` 26.2.
@Suite struct VersionVectorTests {
    /// Cases with integers beyond 64 bits: uv (and suv) reject them; see
    /// docs/standards-divergences.md.
    static func isHuge(_ testCase: [String: Any]) -> Bool {
        testCase["huge_ints"] as? Bool == true || hasHugeNumber(testCase["input"] as? String ?? "")
    }

    /// A run of digits above uv's limit of 2^64 - 2.
    static func hasHugeNumber(_ text: String) -> Bool {
        text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).contains { UInt64($0).map { $0 == .max } ?? true }
    }

    @Test func everyVersionCaseAgrees() throws {
        var failures: [String] = []
        var checked = 0
        for testCase in try Vectors.cases("pep440-versions.json") where !Self.isHuge(testCase) {
            let input = testCase["input"] as? String ?? ""
            let valid = testCase["valid"] as? Bool ?? false
            checked += 1
            guard let version = Version(input) else {
                if valid { failures.append("rejected \(input.debugDescription)") }
                continue
            }
            guard valid else {
                failures.append("accepted \(input.debugDescription) as \(version)")
                continue
            }
            var problems: [String] = []
            func check(_ field: String, _ actual: String, _ expected: Any?) {
                let wanted = expected.map { "\($0)" } ?? "nil"
                if actual != wanted { problems.append("\(field) \(actual) != \(wanted)") }
            }
            check("normalized", version.description, testCase["normalized"])
            check("public", version.publicVersion.description, testCase["public"])
            check("base_version", version.baseVersion.description, testCase["base_version"])
            check("canonical_trimmed", version.canonicalTrimmed, testCase["canonical_trimmed"])
            check("epoch", String(version.epoch), testCase["epoch"])
            check("release", version.release.map(String.init).joined(separator: ","),
                  (testCase["release"] as? [Any])?.map { "\($0)" }.joined(separator: ","))
            let pre = (testCase["pre"] as? [Any]).map { "\($0[0])\($0[1])" }
            check("pre", version.pre.map { "\($0.kind.letters)\($0.number)" } ?? "nil", pre)
            check("post", version.post.map(String.init) ?? "nil", testCase["post"] as? Int)
            check("dev", version.dev.map(String.init) ?? "nil", testCase["dev"] as? Int)
            check("local", version.local.isEmpty ? "nil" : version.local.map(\.description).joined(separator: "."), testCase["local"] as? String)
            check("is_prerelease", String(version.isPrerelease), (testCase["is_prerelease"] as? Bool).map(String.init))
            check("is_postrelease", String(version.isPostrelease), (testCase["is_postrelease"] as? Bool).map(String.init))
            check("is_devrelease", String(version.isDevrelease), (testCase["is_devrelease"] as? Bool).map(String.init))
            check("major", String(version.major), testCase["major"])
            check("minor", String(version.minor), testCase["minor"])
            check("micro", String(version.micro), testCase["micro"])
            if !problems.isEmpty { failures.append("\(input.debugDescription): \(problems.joined(separator: "; "))") }
        }
        #expect(checked > 14_000)
        if !failures.isEmpty { Issue.record("\(failures.count) failures:\n\(failures.prefix(40).joined(separator: "\n"))") }
    }

    @Test func equalityClassesAndTheirOrder() throws {
        let classes = try Vectors.cases("pep440-order.json").sorted { ($0["rank"] as? Int ?? 0) < ($1["rank"] as? Int ?? 0) }
        #expect(classes.count > 13_000)
        var failures: [String] = []
        var previous: Version?
        var representatives: [Version] = []
        for equalityClass in classes {
            let members = (equalityClass["members"] as? [String] ?? []).compactMap { text -> Version? in
                guard let version = Version(text) else {
                    if !Self.hasHugeNumber(text) { failures.append("rejected member \(text)") }
                    return nil
                }
                return version
            }
            guard let first = members.first else { continue }
            for member in members.dropFirst() where !(member == first && member.hashValue == first.hashValue && !(member < first) && !(first < member)) {
                failures.append("\(member) should equal \(first)")
            }
            let normalized = Set(members.map(\.description))
            if normalized != Set(equalityClass["normalized"] as? [String] ?? []) {
                failures.append("normalized forms of \(first): \(normalized.sorted())")
            }
            if let previous, !(previous < first) || first < previous || previous == first {
                failures.append("\(previous) should sort below \(first)")
            }
            previous = first
            representatives.append(first)
        }
        // A full sort of shuffled representatives gives back the oracle order.
        var shuffled = representatives
        var generator = SystemRandomNumberGenerator()
        shuffled.shuffle(using: &generator)
        if shuffled.sorted() != representatives { failures.append("sorting shuffled classes does not give the oracle order") }
        if !failures.isEmpty { Issue.record("\(failures.count) failures:\n\(failures.prefix(40).joined(separator: "\n"))") }
    }
}
