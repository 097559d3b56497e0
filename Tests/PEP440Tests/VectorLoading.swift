import Foundation
import SuvTestSupport

/// Reads one of the oracle JSON files as `[String: Any]` cases.
enum Vectors {
    static func cases(_ file: String) throws -> [[String: Any]] {
        let url = try RepositoryPaths.vectors().appendingPathComponent(file)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        guard let cases = object?["cases"] as? [[String: Any]] else { throw MissingCases(file: file) }
        return cases
    }

    struct MissingCases: Error { let file: String }
}
