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
    let checksRoundTrip = !text.contains("\\")
    if let requirement = try? Requirement(parsing: text), checksRoundTrip {
        let first = requirement.description
        guard let second = try? Requirement(parsing: first).description else {
            preconditionFailure("a printed requirement does not parse: \(first.debugDescription) from \(text.debugDescription)")
        }
        let third = try? Requirement(parsing: second).description
        precondition(third == second, "requirement printing is not stable: \(text.debugDescription)")
    }
    if let marker = try? MarkerTree(parsing: text), checksRoundTrip {
        let first = marker.description
        guard let second = try? MarkerTree(parsing: first).description else {
            preconditionFailure("a printed marker does not parse: \(first.debugDescription) from \(text.debugDescription)")
        }
        let third = try? MarkerTree(parsing: second).description
        precondition(third == second, "marker printing is not stable: \(text.debugDescription)")
    }
    return 0
}

runFuzzer { data, size in fuzzPEP508(data, size) }
