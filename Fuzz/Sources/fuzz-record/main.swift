import FuzzSupport
import Installer

/// One input: a wheel's `RECORD` and `entry_points.txt` either parse or fail with their
/// typed errors; a RECORD that parses prints to text that parses back to the same entries.
func fuzzRecord(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    if let entries = try? RecordFile.parse(text) {
        let again = try? RecordFile.parse(RecordFile.serialize(entries))
        precondition(again == entries, "RECORD round trip: \(text.debugDescription)")
    }
    _ = try? EntryPoints(parsing: text, pythonMinor: 12)
    return 0
}

runFuzzer { data, size in fuzzRecord(data, size) }
