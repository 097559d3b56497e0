/// Upload times in lock precision.
public enum UploadTime {
    /// Converts an index's PEP 700 `upload-time` to what uv writes: UTC with `Z`, fractional
    /// seconds truncated to milliseconds with trailing zeros removed, no fraction when the
    /// milliseconds are zero (`2026-10-02T23:07:22.290270Z` → `2026-10-02T23:07:22.29Z`).
    /// A `+00:00` offset is written `Z`; text that is not a timestamp is returned unchanged.
    public static func lockValue(_ indexValue: String) -> String {
        var text = Substring(indexValue)
        if text.hasSuffix("+00:00") {
            text = text.dropLast(6)
        } else if text.hasSuffix("Z") || text.hasSuffix("z") {
            text = text.dropLast()
        } else {
            return indexValue
        }
        guard let dot = text.firstIndex(of: ".") else { return String(text) + "Z" }
        let whole = String(text[..<dot])
        var digits = Array(text[text.index(after: dot)...].prefix(3))
        guard digits.allSatisfy(\.isASCIIDigit) else { return indexValue }
        while digits.last == "0" { digits.removeLast() }
        return digits.isEmpty ? whole + "Z" : whole + "." + String(digits) + "Z"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
