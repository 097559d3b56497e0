// Versions parsed, version comparisons, specifier checks and marker evaluations per second
// over the PEP 440/508 vector corpus (../shared/vectors or $SUV_VECTORS).
import Foundation
import PEP440
import PEP508

let vectors = ProcessInfo.processInfo.environment["SUV_VECTORS"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/vectors").standardized.path
func cases(_ file: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: vectors).appendingPathComponent(file))
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["cases"] as? [[String: Any]] ?? []
}

func measure(_ label: String, operations: Int, repeat count: Int = 5, _ body: () -> Void) {
    var best = Double.infinity
    for _ in 0..<count {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(String(format: "%@: %.1f M/s (%d in %.2f ms)", label, Double(operations) / best / 1e6, operations, best * 1e3))
}

let inputs = try cases("pep440-versions.json").compactMap { $0["input"] as? String }
var parsed: [Version] = []
measure("versions parsed", operations: inputs.count) {
    parsed = inputs.compactMap(Version.init)
}
print("  (\(parsed.count) of \(inputs.count) inputs are versions)")

let pairs = 10_000_000
var sink = 0
measure("comparisons", operations: pairs) {
    var index = 0
    let count = parsed.count
    for step in 0..<pairs {
        if parsed[index] < parsed[(index &+ 7919) % count] { sink &+= 1 }
        index = (index &+ step) % count
    }
}
let sorted = parsed.sorted()
print("  sorted \(sorted.count) versions; sink \(sink)")

let specifiers = try cases("pep440-specifiers.json").compactMap { $0["input"] as? String }.compactMap { try? VersionSpecifiers(parsing: $0) }
let candidates = Array(parsed.prefix(2_000))
measure("specifier checks", operations: specifiers.count * candidates.count, repeat: 3) {
    for set in specifiers {
        for candidate in candidates where set.satisfied(by: candidate) { sink &+= 1 }
    }
}

let markerData = try Data(contentsOf: URL(fileURLWithPath: vectors).appendingPathComponent("pep508-markers.json"))
let markerObject = try JSONSerialization.jsonObject(with: markerData) as? [String: Any]
let environments = (markerObject?["environments"] as? [String: [String: String]] ?? [:]).values.compactMap { try? MarkerEnvironment(values: $0) }
let markers = (markerObject?["cases"] as? [[String: Any]] ?? []).compactMap { ($0["input"] as? String).flatMap { try? MarkerTree(parsing: $0) } }
let evaluations = markers.count * environments.count * 20
measure("marker evaluations", operations: evaluations, repeat: 3) {
    for _ in 0..<20 {
        for marker in markers {
            for environment in environments where (try? marker.evaluate(environment)) == true { sink &+= 1 }
        }
    }
}
measure("marker normalizations", operations: markers.count, repeat: 3) {
    for marker in markers where NormalizedMarker(marker).isAlwaysFalse { sink &+= 1 }
}
print("sink \(sink)")
