import FuzzSupport
import PEP508

/// One input: a requirement or marker that parses prints to text that parses back to the
/// same text. (Not when the input holds a backslash: marker literals are Python string literals,
/// and suv prints them as packaging does, unescaped, so `'\\x41'` prints as `"\x41"`, which
/// reads back as `"A"`.)
func fuzzPEP508(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let checksRoundTrip = !text.contains("\\")
    if let requirement = try? Requirement(parsing: text), checksRoundTrip {
        let again = try? Requirement(parsing: requirement.description)
        precondition(again?.description == requirement.description, "requirement round trip: \(text.debugDescription)")
    }
    if let marker = try? MarkerTree(parsing: text), checksRoundTrip {
        let again = try? MarkerTree(parsing: marker.description)
        precondition(again?.description == marker.description, "marker round trip: \(text.debugDescription)")
    }
    return 0
}

runFuzzer { data, size in fuzzPEP508(data, size) }
