import Foundation
import Testing
import SuvTestSupport
@testable import TOML

/// The toml-test TOML 1.0.0 suite from `../shared/vectors/toml` (or `$SUV_VECTORS/toml`):
/// every valid case decodes to its tagged JSON and round-trips; every invalid case is rejected
/// with a position.
@Suite struct TOMLConformanceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let toml: String
        let valid: Bool
        let expectedJSON: String?
        var testDescription: String { toml }
    }

    static func manifest() throws -> [Case] {
        let root = try RepositoryPaths.vectors().appendingPathComponent("toml")
        let data = try Data(contentsOf: root.appendingPathComponent("toml-test-manifest.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let cases = try #require(object?["cases"] as? [[String: Any]])
        return cases.compactMap { entry in
            guard let toml = entry["toml"] as? String, let valid = entry["valid"] as? Bool else { return nil }
            return Case(toml: toml, valid: valid, expectedJSON: entry["expected_json"] as? String)
        }
    }

    static func file(_ relative: String) throws -> Data {
        try Data(contentsOf: RepositoryPaths.vectors().appendingPathComponent("toml").appendingPathComponent(relative))
    }

    @Test func manifestHasTheWholeSuite() throws {
        let cases = try Self.manifest()
        #expect(cases.filter(\.valid).count >= 210)
        #expect(cases.filter { !$0.valid }.count >= 499)
    }

    @Test func validCasesDecodeToTheExpectedJSON() throws {
        var failures: [String] = []
        let cases = try Self.manifest().filter(\.valid)
        for testCase in cases {
            let bytes = [UInt8](try Self.file(testCase.toml))
            let document: TOMLDocument
            do {
                document = try TOMLDocument(parsing: bytes)
            } catch {
                failures.append("\(testCase.toml): rejected: \(error.message)")
                continue
            }
            let expectedPath = try #require(testCase.expectedJSON)
            let expected = try JSONSerialization.jsonObject(with: Self.file(expectedPath), options: [.fragmentsAllowed])
            if let mismatch = TaggedJSON.mismatch(.table(document.decoded()), expected, path: "") {
                failures.append("\(testCase.toml): \(mismatch)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) valid cases failed:\n\(failures.joined(separator: "\n"))")
    }

    @Test func validCasesRoundTripByteForByte() throws {
        var failures: [String] = []
        for testCase in try Self.manifest().filter(\.valid) {
            let bytes = [UInt8](try Self.file(testCase.toml))
            guard let document = try? TOMLDocument(parsing: bytes) else {
                failures.append("\(testCase.toml): rejected")
                continue
            }
            // Printing gives the same bytes, and the printed text parses to the same values.
            if document.bytes != bytes { failures.append("\(testCase.toml): printed text differs") }
            guard let reparsed = try? TOMLDocument(parsing: document.text) else {
                failures.append("\(testCase.toml): printed text does not parse")
                continue
            }
            if reparsed.decoded() != document.decoded() { failures.append("\(testCase.toml): reparse differs") }
            // The serializer writes every valid document as TOML that means the same.
            let rendered = TOMLSerializer.render(document.decoded())
            do {
                let fromSerializer = try TOMLDocument(parsing: rendered)
                if fromSerializer.decoded() != document.decoded() {
                    failures.append("\(testCase.toml): serializer output means something else:\n\(rendered)")
                }
            } catch {
                failures.append("\(testCase.toml): serializer output rejected: \(error.message)\n\(rendered)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func invalidCasesAreRejectedWithAPosition() throws {
        var failures: [String] = []
        let cases = try Self.manifest().filter { !$0.valid }
        for testCase in cases {
            let bytes = [UInt8](try Self.file(testCase.toml))
            do {
                _ = try TOMLDocument(parsing: bytes)
                failures.append("\(testCase.toml): accepted")
            } catch {
                if error.location.line < 1 || error.location.column < 1 {
                    failures.append("\(testCase.toml): no position (\(error.location))")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) invalid cases failed:\n\(failures.joined(separator: "\n"))")
    }
}

/// Compares decoded values with toml-test's tagged JSON the way toml-test does.
enum TaggedJSON {
    static func mismatch(_ value: TOMLValue, _ json: Any, path: String) -> String? {
        switch value {
        case .table(let table):
            guard let object = json as? [String: Any], !isTagged(json) else { return "\(path): expected \(json), got a table" }
            if Set(object.keys) != Set(table.keys) {
                return "\(path): keys \(table.keys.sorted()) != expected \(object.keys.sorted())"
            }
            for (key, child) in table.entries {
                if let problem = mismatch(child, object[key] as Any, path: path + "." + key) { return problem }
            }
            return nil
        case .array(let items):
            guard let array = json as? [Any] else { return "\(path): expected \(json), got an array" }
            guard array.count == items.count else { return "\(path): \(items.count) items, expected \(array.count)" }
            for (index, item) in items.enumerated() {
                if let problem = mismatch(item, array[index], path: "\(path)[\(index)]") { return problem }
            }
            return nil
        default:
            guard let object = json as? [String: Any], let type = object["type"] as? String,
                  let expected = object["value"] as? String else {
                return "\(path): expected \(json), got \(value)"
            }
            return scalarMismatch(value, type: type, expected: expected).map { "\(path): \($0)" }
        }
    }

    static func isTagged(_ json: Any) -> Bool {
        guard let object = json as? [String: Any], object.count == 2 else { return false }
        return object["type"] is String && object["value"] is String
    }

    static func scalarMismatch(_ value: TOMLValue, type: String, expected: String) -> String? {
        switch (value, type) {
        case (.string(let text), "string"):
            return text == expected ? nil : "string \(text.debugDescription) != \(expected.debugDescription)"
        case (.integer(let number), "integer"):
            return String(number) == expected ? nil : "integer \(number) != \(expected)"
        case (.float(let number), "float"):
            guard let wanted = Double(expected.replacingOccurrences(of: "+", with: "")) else { return "bad expectation \(expected)" }
            if number.isNaN && wanted.isNaN { return nil }
            return number == wanted ? nil : "float \(number) != \(expected)"
        case (.boolean(let flag), "bool"):
            return String(flag) == expected.lowercased() ? nil : "bool \(flag) != \(expected)"
        case (.datetime(let datetime), "datetime"), (.datetime(let datetime), "datetime-local"),
             (.datetime(let datetime), "date-local"), (.datetime(let datetime), "time-local"):
            guard datetime.kindTag == type else { return "\(datetime.kindTag) != \(type)" }
            guard let parsed = try? TOMLDocument(parsing: "v = \(expected)").decoded()["v"],
                  case .datetime(let wanted) = parsed else { return "bad expectation \(expected)" }
            return datetime == wanted ? nil : "\(datetime) != \(expected)"
        default:
            return "\(value) is not a \(type) \(expected)"
        }
    }
}
