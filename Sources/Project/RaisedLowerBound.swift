import PEP440

/// `suv upgrade`'s edit of one requirement string: the version of its `>=` clause raised to
/// the locked version when that is newer, the rest of the text (name, extras, other clauses,
/// spacing, marker) left as written. `nil` when there is nothing to raise.
public enum RaisedLowerBound {
    public static func raise(_ requirement: String, to locked: Version) -> String? {
        let bytes = Array(requirement.utf8)
        var index = 0
        let end = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        while index + 1 < end {
            guard bytes[index] == UInt8(ascii: ">"), bytes[index + 1] == UInt8(ascii: "=") else {
                index += 1
                continue
            }
            var start = index + 2
            while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
            var stop = start
            while stop < end, isVersionCharacter(bytes[stop]) { stop += 1 }
            guard stop > start, let current = Version(String(decoding: bytes[start..<stop], as: UTF8.self)) else { return nil }
            guard locked > current else { return nil }
            return String(decoding: bytes[..<start], as: UTF8.self) + locked.description + String(decoding: bytes[stop...], as: UTF8.self)
        }
        return nil
    }

    private static func isVersionCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
