import Foundation
import SuvTestSupport

/// Reads one of the oracle JSON files (`$SUV_VECTORS` or `../shared/vectors`).
enum Vectors {
    /// The whole file as a dictionary.
    static func file(_ name: String) throws -> [String: Any] {
        let url = try RepositoryPaths.vectors().appendingPathComponent(name)
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw Malformed(file: name)
        }
        return object
    }

    /// The file's `cases`.
    static func cases(_ name: String) throws -> [[String: Any]] {
        guard let cases = try file(name)["cases"] as? [[String: Any]] else { throw Malformed(file: name) }
        return cases
    }

    struct Malformed: Error { let file: String }
}

/// Collects disagreements and reports the first few, so one failing vector file does not
/// flood the output.
struct Disagreements {
    private(set) var items: [String] = []
    private(set) var checks = 0

    mutating func check(_ agrees: Bool, _ describe: @autoclosure () -> String) {
        checks += 1
        if !agrees { items.append(describe()) }
    }

    var agreed: Int { checks - items.count }

    var summary: String {
        "\(agreed)/\(checks) agree" + (items.isEmpty ? "" : "; first disagreements:\n" + items.prefix(25).joined(separator: "\n"))
    }
}
