import FuzzSupport
import PEP508

/// One input: a requirement or marker that parses prints to text that parses, and printing is
/// stable from the second round on. (Not from the first: suv prints as packaging does, and
/// packaging's `str(Marker)` is not idempotent — `(extra == "a.*b")` keeps its extra as written
/// while `extra == "a.*b"` normalizes it, and parentheses around one comparison are dropped.)
/// Inputs holding a backslash are only parsed: marker literals are Python string literals, and
/// `'\\x41'` prints as `"\x41"`, which reads back as `"A"`.
func fuzzPEP508(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let first = [try? Requirement(parsing: text).description, try? MarkerTree(parsing: text).description]
    guard !text.contains("\\") else { return 0 }
    checkPrinting(first[0], of: text, kind: "requirement") { try? Requirement(parsing: $0).description }
    checkPrinting(first[1], of: text, kind: "marker") { try? MarkerTree(parsing: $0).description }
    return 0
}

/// `first` (the input printed once, if it parsed) must parse, and print the same from then on.
func checkPrinting(_ first: String?, of text: String, kind: String, reprint: (String) -> String?) {
    guard let first else { return }
    guard let second = reprint(first) else {
        preconditionFailure("a printed \(kind) does not parse: \(first.debugDescription) from \(text.debugDescription)")
    }
    precondition(reprint(second) == second, "\(kind) printing is not stable: \(text.debugDescription)")
}

runFuzzer { data, size in fuzzPEP508(data, size) }
