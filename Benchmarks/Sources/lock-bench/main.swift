// Reads a uv.lock the way `suv tree` does: parse into a TOML document, then into a `Lock`.
// Reports the first (cold process, like the CLI) and the median of later iterations.
// Run: swift run -c release --package-path Benchmarks lock-bench path/to/uv.lock
import Foundation
import Lockfile
import TOML

guard CommandLine.arguments.count > 1, let data = FileManager.default.contents(atPath: CommandLine.arguments[1]) else {
    print("usage: lock-bench path/to/uv.lock"); exit(2)
}
let bytes = [UInt8](data)
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}
var parse: [Double] = []
var read: [Double] = []
var graph: [Double] = []
let onlyParse = CommandLine.arguments.count > 2
for _ in 0..<(onlyParse ? 200 : 20) {
    parse.append(try milliseconds { _ = try TOMLDocument(parsing: bytes) })
    if onlyParse { continue }
    read.append(try milliseconds { _ = try Lock(parsing: bytes) })
    graph.append(try milliseconds { _ = try Lock(parsing: bytes, scope: .dependencyGraph) })
}
if onlyParse {
    print(String(format: "TOML parse median %.2f ms", parse.sorted()[100]))
} else {
    print(String(format: "%d bytes; TOML parse first %.2f ms, median %.2f ms; Lock read first %.2f ms, median %.2f ms; graph only median %.2f ms",
                 bytes.count, parse[0], parse.sorted()[10], read[0], read.sorted()[10], graph.sorted()[10]))
}
