import Foundation
import Testing
import PEP440
import SuvTestSupport
@testable import PEP508

/// The marker algebra against real uv and against `packaging`'s evaluation.
@Suite struct AlgebraFixtureTests {
    /// `fixtures/markers/uv-pip-compile-universal-py38.tsv`: markers as uv 0.13.9 writes them
    /// (recorded with `uv pip compile --universal --python-version 3.8`).
    @Test func spellingMatchesUv() throws {
        let url = RepositoryPaths.fixtures.appendingPathComponent("markers/uv-pip-compile-universal-py38.tsv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let requiresPython = try VersionSpecifiers(parsing: ">=3.8").ranges
        // uv rewrites `platform_release` on darwin; suv does not (docs/standards-divergences.md).
        let knownDifferences: Set<String> = ["platform_release >= '5.0'"]
        var failures: [String] = []
        for row in rows {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 2, !knownDifferences.contains(columns[0]) else { continue }
            let tree = try MarkerTree(parsing: columns[0])
            let normalized = NormalizedMarker(tree).withPythonReleasesOnly.simplified(requiresPython: requiresPython)
            let expected: String? = columns[1].isEmpty ? nil : columns[1] == "<absent>" ? "python_version < '0'" : columns[1]
            if normalized.uvDescription != expected {
                failures.append("\(columns[0])\n    suv: \(normalized.uvDescription ?? "<always>")\n    uv:  \(expected ?? "<always>")")
            }
        }
        #expect(rows.count > 50)
        if !failures.isEmpty { Issue.record("\(failures.count) differ:\n\(failures.joined(separator: "\n"))") }
    }

    /// Normalization never changes what a marker means: for every marker of
    /// `pep508-markers.json` and every recorded evaluation, the normalized marker (written
    /// exactly and parsed back) evaluates to the recorded result.
    @Test func normalizationPreservesEveryEvaluation() throws {
        let url = try RepositoryPaths.vectors().appendingPathComponent("pep508-markers.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let environments = try #require(object?["environments"] as? [String: [String: String]])
        let parsedEnvironments = try environments.mapValues { try MarkerEnvironment(values: $0) }
        var checked = 0
        var failures: [String] = []
        for testCase in object?["cases"] as? [[String: Any]] ?? [] where testCase["valid"] as? Bool == true {
            let input = testCase["input"] as? String ?? ""
            guard let tree = try? MarkerTree(parsing: input) else { continue }
            let normalized = NormalizedMarker(tree)
            let text = normalized.exactDescription
            let reparsed: MarkerTree?
            do {
                reparsed = try text.map(MarkerTree.init(parsing:))
            } catch {
                failures.append("\(input): normalized form `\(text ?? "")` does not parse")
                continue
            }
            for evaluation in testCase["evaluations"] as? [[String: Any]] ?? [] {
                guard let expected = evaluation["result"] as? Bool,
                      let environment = (evaluation["env"] as? String).flatMap({ parsedEnvironments[$0] }) else { continue }
                let extra = evaluation["extra"] as? String
                let context: MarkerEvaluationContext
                switch evaluation["context"] as? String {
                case "requirement": context = .requirement(extra: extra)
                case "lock_file":
                    context = .lockFile(extras: Set(evaluation["extras"] as? [String] ?? []),
                                        dependencyGroups: Set(evaluation["dependency_groups"] as? [String] ?? []), extra: extra)
                default: context = .metadata(extra: extra)
                }
                checked += 1
                let actual = (try? reparsed?.evaluate(environment, context: context)) ?? (reparsed == nil ? true : nil)
                if actual != expected {
                    failures.append("\(input) → \(text ?? "<always>") in \(evaluation["env"] ?? "") extra=\(extra ?? "nil"): \(String(describing: actual)) != \(expected)")
                }
            }
        }
        #expect(checked > 30_000)
        if !failures.isEmpty { Issue.record("\(failures.count) failures:\n\(failures.prefix(30).joined(separator: "\n"))") }
    }
}
