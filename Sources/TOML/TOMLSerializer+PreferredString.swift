extension TOMLSerializer {
    /// A new string value in the form uv's TOML writer gives it (`toml_edit`'s default
    /// representation), for text that must match uv byte for byte:
    ///
    /// | text | written |
    /// | --- | --- |
    /// | `Alice` | `"Alice"` |
    /// | `Tony "Iron Man" Stark`, `a\b` | `'Tony "Iron Man" Stark'`, `'a\b'` |
    /// | `It's "both"` | `"""It's "both""""` |
    /// | `a\b'c` | `'''a\b'c'''` |
    /// | a tab or another control character | `"tab\tx"` (escaped) |
    ///
    /// The first form that needs no escape wins: a basic string, a literal string, a multi-line
    /// basic string, a multi-line literal string; otherwise an escaped basic string.
    public static func renderPreferredString(_ text: String) -> String {
        let metrics = StringMetrics(text)
        if !metrics.controlCharacters {
            if !metrics.backslash, metrics.longestDoubleQuoteRun == 0, !metrics.newline {
                return "\"" + text + "\""
            }
            if metrics.longestSingleQuoteRun == 0, !metrics.newline {
                return "'" + text + "'"
            }
            // A newline right after the opening delimiter is not part of the string.
            let lead = text.hasPrefix("\n") ? "\n" : ""
            if !metrics.backslash, metrics.longestDoubleQuoteRun <= 2 {
                return "\"\"\"" + lead + text + "\"\"\""
            }
            if metrics.longestSingleQuoteRun <= 2 {
                return "'''" + lead + text + "'''"
            }
        }
        return renderString(text)
    }
}

/// What decides a string's written form: the characters that would need escaping in each form.
private struct StringMetrics {
    var backslash = false
    var newline = false
    /// Control characters other than the line feed (the tab included), which only an escaped
    /// basic string can hold as `toml_edit` writes strings.
    var controlCharacters = false
    var longestSingleQuoteRun = 0
    var longestDoubleQuoteRun = 0

    init(_ text: String) {
        var singles = 0
        var doubles = 0
        for byte in text.utf8 {
            singles = byte == UInt8(ascii: "'") ? singles + 1 : 0
            doubles = byte == UInt8(ascii: "\"") ? doubles + 1 : 0
            longestSingleQuoteRun = max(longestSingleQuoteRun, singles)
            longestDoubleQuoteRun = max(longestDoubleQuoteRun, doubles)
            switch byte {
            case UInt8(ascii: "\\"): backslash = true
            case UInt8(ascii: "\n"): newline = true
            case 0 ..< 0x20, 0x7F: controlCharacters = true
            default: break
            }
        }
    }
}
