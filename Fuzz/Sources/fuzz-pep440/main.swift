import FuzzSupport
import PEP440

/// One input: a version or specifier set that parses prints to text that parses back to
/// an equal value.
func fuzzPEP440(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    if let version = try? Version(parsing: text) {
        let again = try? Version(parsing: version.description)
        precondition(again == version, "version round trip: \(text.debugDescription)")
        _ = version < version.publicVersion
    }
    if let specifiers = try? VersionSpecifiers(parsing: text) {
        let again = try? VersionSpecifiers(parsing: specifiers.description)
        precondition(again?.description == specifiers.description, "specifier round trip: \(text.debugDescription)")
        for candidate in ["1.0", "2.0a1", "1!0.5", "1.0+local", "0"] { _ = specifiers.contains(candidate) }
    }
    return 0
}

runFuzzer { data, size in fuzzPEP440(data, size) }
