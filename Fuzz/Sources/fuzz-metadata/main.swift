import FuzzSupport
import PackagingTypes

/// One input: core metadata (`METADATA`, `PKG-INFO`) and wheel file names either parse or
/// fail with their typed errors; nothing traps.
func fuzzMetadata(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    if let metadata = try? CoreMetadata(parsing: bytes) { _ = metadata.name }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = MetadataHeaders(parsing: text)
    _ = try? WheelFilename(parsing: text)
    _ = try? SdistFilename(parsing: text)
    return 0
}

runFuzzer { data, size in fuzzMetadata(data, size) }
