/// Writes owned TOML values as text in a clean, conventional layout: `key = value` lines,
/// sub-tables as `[a.b]` headers after the keys of their parent, arrays of tables as `[[a]]`,
/// strings in basic quotes with only the necessary escapes.
public enum TOMLSerializer {
    /// A whole document.
    public static func render(_ table: TOMLTable) -> String {
        var output = ""
        renderBody(table, path: [], into: &output)
        return output
    }

    private static func renderBody(_ table: TOMLTable, path: [String], into output: inout String) {
        var deferred: [(String, TOMLValue)] = []
        for (key, value) in table.entries {
            if case .table = value {
                deferred.append((key, value))
            } else if case .array(let items) = value, !items.isEmpty, items.allSatisfy({ $0.tableValue != nil }) {
                deferred.append((key, value))
            } else {
                output += renderKey(key) + " = " + renderInline(value) + "\n"
            }
        }
        for (key, value) in deferred {
            let childPath = path + [key]
            let header = childPath.map(renderKey).joined(separator: ".")
            switch value {
            case .table(let child):
                let hasPlainKeys = child.entries.contains { entry in
                    if case .table = entry.value { return false }
                    return true
                }
                if hasPlainKeys || child.isEmpty {
                    if !output.isEmpty { output += "\n" }
                    output += "[\(header)]\n"
                }
                renderBody(child, path: childPath, into: &output)
            case .array(let items):
                for item in items {
                    if !output.isEmpty { output += "\n" }
                    output += "[[\(header)]]\n"
                    if let child = item.tableValue { renderBody(child, path: childPath, into: &output) }
                }
            default:
                break
            }
        }
    }

    /// A value as it is written after `key = `: scalars, one-line arrays and inline tables.
    public static func renderInline(_ value: TOMLValue) -> String {
        switch value {
        case .string(let text): return renderString(text)
        case .integer(let number): return String(number)
        case .float(let number): return renderFloat(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .datetime(let datetime): return datetime.description
        case .array(let items): return "[" + items.map(renderInline).joined(separator: ", ") + "]"
        case .table(let table):
            if table.isEmpty { return "{}" }
            var pairs: [String] = []
            renderDotted(table, prefix: "", into: &pairs)
            return "{ " + pairs.joined(separator: ", ") + " }"
        }
    }

    /// The pairs of an inline table with sub-tables written as dotted keys (`{ a.b = 1 }`, not
    /// `{ a = { b = 1 } }`): braces then only come from arrays and the tables inside them, as in
    /// any document that parsed, so what is written never nests deeper than the parser accepts
    /// (a 325-part dotted key inside an inline table came back as 325 nested tables, which did not
    /// parse: found by `scripts/fuzz toml`).
    private static func renderDotted(_ table: TOMLTable, prefix: String, into pairs: inout [String]) {
        for (key, value) in table.entries {
            let path = prefix + renderKey(key)
            if case .table(let child) = value, !child.isEmpty {
                renderDotted(child, prefix: path + ".", into: &pairs)
            } else {
                pairs.append(path + " = " + renderInline(value))
            }
        }
    }

    static func renderFloat(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        let text = "\(number)"
        return text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? text : text + ".0"
    }

    /// A key, bare when it can be, else a basic string.
    public static func renderKey(_ key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy(Parser.isBareKeyByte) { return key }
        return renderString(key)
    }

    /// A basic string with `"`, `\` and control characters escaped.
    public static func renderString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
