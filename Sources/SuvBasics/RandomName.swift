/// Random names for temporary files and folders: lowercase letters and digits.
public enum RandomName {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// `length` characters of `[a-z0-9]`. Each draw from the system generator is a system
    /// call, so one 64-bit draw supplies twelve characters (36^12 < 2^64) rather than one.
    public static func suffix(_ length: Int = 12) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        while bytes.count < length {
            var value = generator.next()
            for _ in 0..<min(12, length - bytes.count) {
                bytes.append(alphabet[Int(value % 36)])
                value /= 36
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
