/// A fast 128-bit digest for suv's own bookkeeping keys (the remembered "lock is up to date"
/// and "environment is in sync" verdicts): not cryptographic — nothing here defends against a
/// chosen input — but well mixed, so accidental collisions are out of the question, and free of
/// the start-up cost of the crypto library, which a no-op command would otherwise pay.
public enum StateDigest {
    /// 32 lowercase hexadecimal digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var first: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            // Four independent lanes over 32-byte blocks, so the multiplications of a block run
            // side by side (a lock file is a megabyte; one lane takes four times as long).
            if raw.count >= 32 {
                var lanes: (UInt64, UInt64, UInt64, UInt64) = (first, second, ~first, ~second)
                while offset + 32 <= raw.count {
                    lanes.0 = mix(lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    lanes.1 = mix(lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                    lanes.2 = mix(lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                    lanes.3 = mix(lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                    offset += 32
                }
                first = mix(lanes.0 ^ ((lanes.2 << 17) | (lanes.2 >> 47)))
                second = mix(lanes.1 &+ ((lanes.3 << 41) | (lanes.3 >> 23)))
            }
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                first = mix(first ^ word)
                second = mix(second &+ (word &* 0x94D0_49BB_1331_11EB))
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < raw.count {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            first = mix(first ^ tail ^ 0xFF)
            second = mix(second &+ tail &+ 0x5555)
        }
        return hex64(mix(first ^ ((second << 29) | (second >> 35)))) + hex64(mix(second ^ first))
    }

    /// SplitMix64's finalizer: a bijective mix with full avalanche.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hex64(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 { bytes[index] = digits[Int((value >> UInt64(60 - 4 * index)) & 0xF)] }
        return String(decoding: bytes, as: UTF8.self)
    }
}
