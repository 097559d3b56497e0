/// Why a numeric tar header field could not be read.
struct TarNumberError: Error {
    let description: String
}

/// Numeric tar header fields: octal ASCII (NUL- or space-terminated, leading spaces allowed)
/// or GNU base-256 (high bit of the first byte set) for values octal cannot hold.
enum TarNumber {
    static func parse(_ field: ArraySlice<UInt8>) throws(TarNumberError) -> UInt64 {
        guard let first = field.first else { return 0 }
        if first & 0x80 != 0 {
            return try base256(field)
        }
        var index = field.startIndex
        while index < field.endIndex, field[index] == 0x20 { index += 1 }
        var value: UInt64 = 0
        while index < field.endIndex, (0x30...0x37).contains(field[index]) {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 8)
            guard !overflow else { throw TarNumberError(description: "overflows") }
            value = shifted | UInt64(field[index] - 0x30)
            index += 1
        }
        // What follows the digits must be terminators (NUL or space) only.
        guard field[index...].allSatisfy({ $0 == 0 || $0 == 0x20 }) else {
            throw TarNumberError(description: "is not an octal number")
        }
        return value
    }

    /// GNU base-256: `0x80` then big-endian bytes (the first byte's low 7 bits included);
    /// `0xFF` marks a negative number, which no size or checksum may be.
    private static func base256(_ field: ArraySlice<UInt8>) throws(TarNumberError) -> UInt64 {
        guard let first = field.first, first & 0x40 == 0 else {
            throw TarNumberError(description: "is negative")
        }
        var value = UInt64(first & 0x3F)
        for byte in field.dropFirst() {
            guard value >> 56 == 0 else { throw TarNumberError(description: "overflows") }
            value = value << 8 | UInt64(byte)
        }
        return value
    }
}
