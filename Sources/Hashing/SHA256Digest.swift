/// A SHA-256 digest: 32 bytes, compared and hashed by value.
///
/// Written as lowercase hex in lock files and simple-API hashes (`sha256=<hex>` fragments), and
/// as unpadded base64url in wheel `RECORD` files (`sha256=<base64url>`).
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    /// The digest as four big-endian words, so equality and hashing are a few integer compares.
    private let w0, w1, w2, w3: UInt64

    /// The digest length in bytes.
    public static let byteCount = 32

    /// Builds a digest from exactly 32 bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (offset, byte) in bytes.enumerated() {
            words[offset / 8] |= UInt64(byte) << UInt64(56 - 8 * (offset % 8))
        }
        (w0, w1, w2, w3) = (words[0], words[1], words[2], words[3])
    }

    /// Parses 64 hex digits (either case); `nil` otherwise.
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == 64, let bytes = DigestText.bytes(hex: hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// Parses the unpadded (or padded) base64url form used in `RECORD`; `nil` otherwise.
    public init?(base64URLEncoded text: some StringProtocol) {
        guard let bytes = DigestText.bytes(base64URL: text) else { return nil }
        self.init(bytes: bytes)
    }

    init(unsafeBytes bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == Self.byteCount)
        func word(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            for k in 0..<8 { value = value << 8 | UInt64(bytes[index * 8 + k]) }
            return value
        }
        (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3))
    }

    /// The 32 digest bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount)
        for word in [w0, w1, w2, w3] {
            for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * k))) }
        }
        return out
    }

    /// 64 lowercase hex digits.
    public var hex: String { DigestText.hex(bytes) }

    /// The unpadded base64url form, as wheel `RECORD` files write it (43 characters).
    public var base64URLEncodedNoPadding: String { DigestText.base64URLNoPadding(bytes) }

    /// The hex form.
    public var description: String { hex }
}
