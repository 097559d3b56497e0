import FuzzSupport
import TOML

/// One input: any bytes either fail to parse with a `TOMLError` or give a document whose
/// printed text is the input itself (the engine is lossless) and whose values, written out by
/// the serializer, parse back to the same values.
func fuzzTOML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    guard let document = try? TOMLDocument(parsing: bytes) else { return 0 }
    precondition(document.bytes == bytes, "a parsed document must print its source")
    let values = document.decoded()
    let rendered = TOMLSerializer.render(values)
    guard let again = try? TOMLDocument(parsing: rendered) else {
        preconditionFailure("the serializer wrote a document that does not parse:\n\(rendered)")
    }
    precondition(again.decoded() == values, "the serializer changed the values:\n\(rendered)")
    return 0
}

runFuzzer { data, size in fuzzTOML(data, size) }
