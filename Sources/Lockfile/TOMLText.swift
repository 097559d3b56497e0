/// The small pieces of TOML text uv's lock layout is made of.
enum TOMLText {
    /// A basic string with TOML's escapes: `"a \"b\""`.
    static func string(_ value: String) -> String {
        // Nearly every string of a lock (names, versions, URLs, hashes, markers) needs no escape.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A key: bare when it is made of ASCII letters, digits, `-` and `_`, else quoted.
    static func key(_ key: String) -> String {
        let bare = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        return bare ? key : string(key)
    }

    /// `{ key = value, key2 = value2 }` from already rendered values; `{}` when empty.
    static func inlineTable(_ entries: [(String, String)]) -> String {
        guard !entries.isEmpty else { return "{}" }
        return "{ " + entries.map { key($0.0) + " = " + $0.1 }.joined(separator: ", ") + " }"
    }

    /// `[a, b]` from already rendered values.
    static func singleLineArray(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }

    /// uv's one-element-per-line array: `[`, each item on a line indented four spaces and
    /// followed by `,`, then `]` on its own line.
    static func multiLineArray(_ items: [String]) -> String {
        "[\n" + items.map { "    " + $0 + ",\n" }.joined() + "]"
    }

    /// Single-line for zero or one element, one per line for more (metadata requirement arrays).
    static func compactArray(_ items: [String]) -> String {
        items.count <= 1 ? singleLineArray(items) : multiLineArray(items)
    }

    /// An array of strings on one line: `["a", "b"]`.
    static func stringArray(_ items: [String]) -> String {
        singleLineArray(items.map(string))
    }
}
