/// The 64-bit FNV-1a hash, used to name interpreter cache files after an executable's path.
///
/// FNV-1a is not cryptographic: it is a stable, dependency-free way to turn a path into a short
/// file name. Start from the offset basis `0xcbf29ce484222325`; for each byte, XOR it into the
/// hash, then multiply by the prime `0x100000001b3` (wrapping). The hex form is the 16 lowercase
/// digits of the result, zero-padded. Collisions are harmless: a cache entry records its full
/// path and is ignored when that path differs.
public enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`.
    public static func hash64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// The hash of `text`'s UTF-8 bytes as 16 lowercase hex digits.
    public static func hex64(_ text: String) -> String {
        let digits = String(hash64(text.utf8), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
