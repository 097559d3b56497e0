import Testing
@testable import PEP508

/// `pep508-markers.json`: every marker's validity and `str()`, and every evaluation (result or
/// error kind) in the three evaluation contexts, each compared with packaging 26.2.
@Suite struct MarkerVectorTests {
    @Test func everyMarkerParsesAndPrintsAsPackagingDoes() throws {
        var disagreements = Disagreements()
        for testCase in try Vectors.cases("pep508-markers.json") {
            let input = testCase["input"] as? String ?? ""
            let valid = testCase["valid"] as? Bool ?? false
            let marker = try? MarkerTree(parsing: input)
            if let marker, valid {
                disagreements.check(marker.description == testCase["normalized"] as? String,
                                    "\(input.debugDescription): str \(marker.description)")
            } else {
                disagreements.check(marker == nil && !valid, "\(input.debugDescription): valid \(valid), parsed \(marker?.description ?? "nil")")
            }
        }
        #expect(disagreements.items.isEmpty, "\(disagreements.summary)")
        #expect(disagreements.checks > 0)
    }

    /// Not required by the vectors' README: our ``MarkerParseError/reason`` is packaging's message.
    @Test func invalidMarkersFailWithPackagingsMessage() throws {
        var disagreements = Disagreements()
        for testCase in try Vectors.cases("pep508-markers.json") where testCase["valid"] as? Bool == false {
            let input = testCase["input"] as? String ?? ""
            let expected = testCase["error"] as? String
            do {
                _ = try MarkerTree(parsing: input)
                disagreements.check(false, "\(input.debugDescription) parsed")
            } catch {
                disagreements.check(error.reason == expected, "\(input.debugDescription): \(error.reason) != \(expected ?? "nil")")
            }
        }
        #expect(disagreements.items.isEmpty, "\(disagreements.summary)")
    }

    @Test func everyEvaluationAgrees() throws {
        let file = try Vectors.file("pep508-markers.json")
        let rawEnvironments = file["environments"] as? [String: [String: String]] ?? [:]
        var environments: [String: MarkerEnvironment] = [:]
        for (id, values) in rawEnvironments { environments[id] = try MarkerEnvironment(values: values) }
        #expect(environments.count == rawEnvironments.count && !environments.isEmpty)

        var disagreements = Disagreements()
        for testCase in file["cases"] as? [[String: Any]] ?? [] where testCase["valid"] as? Bool == true {
            let input = testCase["input"] as? String ?? ""
            guard let marker = try? MarkerTree(parsing: input) else {
                disagreements.check(false, "\(input.debugDescription) does not parse")
                continue
            }
            for evaluation in testCase["evaluations"] as? [[String: Any]] ?? [] {
                let envID = evaluation["env"] as? String ?? ""
                let extra = evaluation["extra"] as? String
                let contextName = evaluation["context"] as? String ?? ""
                guard let environment = environments[envID], let context = Self.context(contextName, extra, evaluation) else {
                    disagreements.check(false, "\(input.debugDescription): unknown env \(envID) or context \(contextName)")
                    continue
                }
                let expected = Self.expectedOutcome(evaluation)
                let actual: String
                do {
                    actual = String(try marker.evaluate(environment, context: context))
                } catch {
                    actual = Self.packagingName(of: error)
                }
                disagreements.check(actual == expected,
                                    "\(input.debugDescription) on \(envID), \(contextName), extra \(extra.debugDescription): \(actual) != \(expected)")
            }
        }
        #expect(disagreements.items.isEmpty, "\(disagreements.summary)")
        #expect(disagreements.checks > 0)
    }

    static func context(_ name: String, _ extra: String?, _ evaluation: [String: Any]) -> MarkerEvaluationContext? {
        switch name {
        case "metadata": .metadata(extra: extra)
        case "requirement": .requirement(extra: extra)
        case "lock_file":
            .lockFile(
                extras: Set(evaluation["extras"] as? [String] ?? []),
                dependencyGroups: Set(evaluation["dependency_groups"] as? [String] ?? []),
                extra: extra
            )
        default: nil
        }
    }

    /// `true`/`false`, or the name of packaging's exception.
    static func expectedOutcome(_ evaluation: [String: Any]) -> String {
        if let result = evaluation["result"] as? Bool { return String(result) }
        return evaluation["error"] as? String ?? "?"
    }

    static func packagingName(of error: MarkerEvaluationError) -> String {
        switch error {
        case .undefinedComparison: "UndefinedComparison"
        case .undefinedName: "KeyError"
        case .setOnLeftSide: "AssertionError"
        }
    }
}
