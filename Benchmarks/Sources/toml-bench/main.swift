// Parses a generated ~1 MB TOML document (lock-file-like tables, arrays of inline tables,
// comments, strings with escapes, numbers, dates) and reports parse and round-trip times.
import Foundation
import TOML

func generateDocument(targetBytes: Int) -> String {
    var text = "# Generated benchmark document\nversion = 1\nrequires-python = \">=3.11\"\n\n"
    var index = 0
    while text.utf8.count < targetBytes {
        text += """
        [[package]]
        name = "package-\(index)"
        version = "\(index % 7).\(index % 13).\(index)"
        source = { registry = "https://mirror.example/simple" }
        dependencies = [
            { name = "dep-\(index &+ 1)" },  # first dependency
            { name = "dep-\(index &+ 2)", marker = "sys_platform == 'win32'" },
        ]
        sdist = { url = "https://files.example/p\(index).tar.gz", hash = "sha256:\(String(repeating: "ab", count: 32))", size = \(1000 + index), upload-time = 2025-01-\(String(format: "%02d", index % 28 + 1))T12:00:00.123Z }
        wheels = [
            { url = "https://files.example/p\(index)-py3-none-any.whl", hash = "sha256:\(String(repeating: "cd", count: 32))", size = \(2000 + index) },
        ]
        description = "Line one\\nline \\"two\\" \\u00e9"
        ratio = \(Double(index) / 3.0)
        enabled = \(index % 2 == 0)


        """
        index += 1
    }
    return text
}

let text = generateDocument(targetBytes: 1_048_576)
let bytes = Array(text.utf8)
print("document: \(bytes.count) bytes")

var parseTimes: [Double] = []
var document: TOMLDocument?
for _ in 0..<15 {
    let start = DispatchTime.now().uptimeNanoseconds
    document = try TOMLDocument(parsing: bytes)
    parseTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}
parseTimes.sort()
guard let parsed = document else { fatalError("no document") }

let printStart = DispatchTime.now().uptimeNanoseconds
let printed = parsed.bytes
let printMs = Double(DispatchTime.now().uptimeNanoseconds - printStart) / 1e6
let identical = printed == bytes

let decodeStart = DispatchTime.now().uptimeNanoseconds
let decoded = parsed.decoded()
let decodeMs = Double(DispatchTime.now().uptimeNanoseconds - decodeStart) / 1e6
let reparsed = try TOMLDocument(parsing: parsed.text)
let sameValues = reparsed.decoded() == decoded

print(String(format: "parse: best %.2f ms, median %.2f ms (%.0f MB/s)", parseTimes[0], parseTimes[parseTimes.count / 2],
             Double(bytes.count) / 1e6 / (parseTimes[parseTimes.count / 2] / 1e3)))
print(String(format: "print: %.3f ms, byte-identical: %@", printMs, identical ? "yes" : "NO"))
print(String(format: "decode to owned values: %.2f ms; reparse equal: %@", decodeMs, sameValues ? "yes" : "NO"))
if !identical || !sameValues { exit(1) }
