import Foundation
import Testing
import PropertyBased
import SuvTestSupport
@testable import PEP508

/// Normalization keeps the meaning of random combinations of the vector markers, in every
/// vector environment, and the Boolean operations agree with evaluation.
@Suite struct AlgebraPropertyTests {
    struct Corpus: Sendable {
        let markers: [MarkerTree]
        let environments: [MarkerEnvironment]
    }

    static let corpus: Corpus? = {
        guard let url = try? RepositoryPaths.vectors().appendingPathComponent("pep508-markers.json"),
              let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let environments = object["environments"] as? [String: [String: String]] else { return nil }
        let markers = (object["cases"] as? [[String: Any]] ?? []).compactMap { testCase -> MarkerTree? in
            guard testCase["valid"] as? Bool == true, let input = testCase["input"] as? String,
                  let tree = try? MarkerTree(parsing: input) else { return nil }
            // Markers that raise in the metadata context say nothing about truth values.
            let environment = environments.values.compactMap { try? MarkerEnvironment(values: $0) }
            return environment.allSatisfy({ (try? tree.evaluate($0)) != nil }) ? tree : nil
        }
        return Corpus(markers: markers, environments: environments.keys.sorted().compactMap { try? MarkerEnvironment(values: environments[$0] ?? [:]) })
    }()

    /// The value of a normalized marker, through its exact spelling.
    static func evaluate(_ marker: NormalizedMarker, _ environment: MarkerEnvironment) throws -> Bool {
        guard let text = marker.exactDescription else { return true }
        return try MarkerTree(parsing: text).evaluate(environment)
    }

    @Test func combinationsKeepTheirMeaning() async throws {
        let corpus = try #require(Self.corpus)
        #expect(corpus.markers.count > 300)
        #expect(corpus.environments.count == 13)
        let index = Gen.int(in: 0..<corpus.markers.count)
        await propertyCheck(count: 300, input: index, index, index, Gen.bool) { a, b, c, useAnd in
            let (x, y, z) = (corpus.markers[a], corpus.markers[b], corpus.markers[c])
            let tree: MarkerTree = useAnd ? .and([x, .group(.or([y, z]))]) : .or([.group(.and([x, y])), z])
            let normalized = NormalizedMarker(tree)
            for environment in corpus.environments {
                let expected = try? tree.evaluate(environment)
                let actual = try? Self.evaluate(normalized, environment)
                #expect(actual == expected, "\(tree) → \(normalized.exactDescription ?? "<always>")")
            }
        }
    }

    @Test func operationsAgreeWithEvaluation() async throws {
        let corpus = try #require(Self.corpus)
        let index = Gen.int(in: 0..<corpus.markers.count)
        await propertyCheck(count: 300, input: index, index) { a, b in
            let (x, y) = (NormalizedMarker(corpus.markers[a]), NormalizedMarker(corpus.markers[b]))
            for environment in corpus.environments {
                guard let left = try? Self.evaluate(x, environment), let right = try? Self.evaluate(y, environment) else { continue }
                #expect((try? Self.evaluate(x.and(y), environment)) == (left && right))
                #expect((try? Self.evaluate(x.or(y), environment)) == (left || right))
            }
        }
    }
}
