import Testing
import PropertyBased
@testable import PEP440

/// Ranges are exact: a specifier's range holds exactly the versions the specifier accepts, and
/// the set operations agree with membership.
@Suite struct VersionRangesTests {
    @Test func specifierRangesAgreeWithContainsOnEveryVectorCandidate() throws {
        var failures: [String] = []
        var checks = 0
        for testCase in try Vectors.cases("pep440-specifiers.json") where testCase["valid"] as? Bool == true {
            let input = testCase["input"] as? String ?? ""
            guard let set = try? VersionSpecifiers(parsing: input),
                  !set.specifiers.contains(where: { $0.op == .arbitraryEqual }) else { continue }
            let ranges = set.ranges
            for candidate in testCase["candidates"] as? [String] ?? [] {
                guard let version = Version(candidate) else { continue }
                checks += 1
                if ranges.contains(version) != set.satisfied(by: version) {
                    failures.append("\(input) vs \(candidate): range \(ranges) says \(ranges.contains(version))")
                }
            }
        }
        #expect(checks > 20_000)
        if !failures.isEmpty { Issue.record("\(failures.count) failures:\n\(failures.prefix(30).joined(separator: "\n"))") }
    }

    @Test func printsReadably() throws {
        let ranges = try VersionSpecifiers(parsing: ">=1.0,<2,!=1.5.*").ranges
        #expect(ranges.description == ">=1.0, <1.5.dev0 | >=1.6.dev0, <2.dev0")
        #expect(VersionRanges.full.description == "*")
        #expect(VersionRanges.empty.description == "∅")
    }

    // MARK: Laws on random inputs

    /// Versions drawn from a small space so that bounds and members collide often.
    static func version(_ parts: [Int]) -> Version {
        let pre: (kind: Version.PreKind, number: UInt64)? = parts[0] == 5 ? (.alpha, 1) : parts[0] == 6 ? (.rc, 0) : nil
        let post: UInt64? = parts.count > 2 && parts[2] == 4 ? 1 : nil
        let dev: UInt64? = parts.count > 1 && parts[1] == 5 ? 0 : nil
        let local: [Version.LocalSegment] = parts.last == 3 ? [.text("x")] : []
        return Version(release: parts.map { UInt64($0 % 4) }, pre: pre, post: post, dev: dev, local: local)
    }

    static let operatorList: [VersionSpecifier.Operator] = [.equal, .notEqual, .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual, .compatible]

    /// A random range made of one or two clauses, as a specifier set.
    static func clause(_ op: VersionSpecifier.Operator, _ version: Version) -> VersionSpecifier? {
        let text = op.rawValue + (op == .compatible && version.release.count < 2 ? version.description + ".0" : version.description)
        return try? VersionSpecifier(parsing: text)
    }

    @Test func setOperationsAgreeWithMembership() async {
        let parts = Gen.int(in: 0...6).array(of: 1...3)
        let op = Gen.int(in: 0...6)
        await propertyCheck(count: 400, input: op, parts, op, parts, parts) { op1, v1, op2, v2, probeParts in
            let probe = Self.version(probeParts)
            guard let a = Self.clause(Self.operatorList[op1], Self.version(v1))?.ranges,
                  let b = Self.clause(Self.operatorList[op2], Self.version(v2))?.ranges else { return }
            let inA = a.contains(probe)
            let inB = b.contains(probe)
            #expect(a.union(b).contains(probe) == (inA || inB))
            #expect(a.intersection(b).contains(probe) == (inA && inB))
            #expect(a.complement.contains(probe) == !inA)
            #expect(a.subtracting(b).contains(probe) == (inA && !inB))
            #expect(a.complement.complement == a)
            #expect(a.union(b) == b.union(a))
            #expect(a.intersection(b) == b.intersection(a))
            #expect(a.union(a.complement).isFull)
            #expect(a.intersection(a.complement).isEmpty)
        }
    }

    @Test func clauseRangesMatchClauseSemantics() async {
        let parts = Gen.int(in: 0...6).array(of: 1...3)
        await propertyCheck(count: 600, input: Gen.int(in: 0...6), parts, parts) { op, specParts, probeParts in
            let probe = Self.version(probeParts)
            guard let clause = Self.clause(Self.operatorList[op], Self.version(specParts)) else { return }
            #expect(clause.ranges.contains(probe) == clause.contains(probe), "\(clause) vs \(probe)")
        }
    }
}
