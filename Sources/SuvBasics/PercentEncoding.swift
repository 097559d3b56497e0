/// Percent-encoding of URL components (RFC 3986 §2.1), shared by the index-page reader, the
/// configuration's URL parser and the credential store.
public enum PercentEncoding {
    /// `text` with `%XX` escapes decoded as UTF-8. Escapes that are not two hex digits stay as
    /// written; if the decoded bytes are not valid UTF-8, `text` comes back unchanged.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(validating: output, as: UTF8.self) ?? text
    }

    /// `path` with every byte a URL path may not hold as written percent-encoded (upper-case
    /// hex); unreserved characters, sub-delimiters, `:`, `@` and `/` stay as they are.
    public static func encodePath(_ path: String) -> String {
        var output = ""
        output.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if isPathSafe(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(Unicode.Scalar(upperHexDigits[Int(byte >> 4)]))
                output.unicodeScalars.append(Unicode.Scalar(upperHexDigits[Int(byte & 0xF)]))
            }
        }
        return output
    }

    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)

    private static func isPathSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
