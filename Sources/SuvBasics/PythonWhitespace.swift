extension Unicode.Scalar {
    /// Whether Python's `str.isspace()` holds, which is what `\s` matches in a `str` regular
    /// expression (Unicode whitespace, including NBSP, U+2003 and the separators U+1C–U+1F).
    /// packaging strips and splits versions, specifiers and markers with it.
    package var isPythonWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace as Python's `str.strip()` sees it.
    package var trimmingPythonWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isPythonWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isPythonWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
