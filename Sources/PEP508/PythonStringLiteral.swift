/// The value of a quoted marker string, as packaging computes it with `ast.literal_eval`.
///
/// The tokenizer only finds the closing quote; the text between the quotes is then a Python
/// string literal, so backslash escapes are decoded (`'\x41'` is `A`, `'\N{BULLET}'` is `•`)
/// and unknown escapes such as `\d` are kept as written. Inputs that Python rejects (a raw
/// line break, a NUL, a backslash right before the closing quote, a truncated `\x`/`\u`/`\U`
/// escape, a lone surrogate or an unknown `\N{…}` name) yield `nil`; packaging raises a
/// `SyntaxError` for them.
enum PythonStringLiteral {
    /// Decodes `quoted`, which starts and ends with the same quote character.
    static func decode(_ quoted: ArraySlice<Unicode.Scalar>) -> String? {
        guard quoted.count >= 2 else { return nil }
        let body = quoted.dropFirst().dropLast()
        if !body.contains("\\") {
            guard !body.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\0" }) else { return nil }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: body)
            return String(view)
        }
        var result = String.UnicodeScalarView()
        var index = body.startIndex
        while index < body.endIndex {
            let scalar = body[index]
            index += 1
            switch scalar {
            case "\n", "\r", "\0":
                return nil
            case "\\":
                guard index < body.endIndex else { return nil }
                let escape = body[index]
                index += 1
                switch escape {
                case "\n": break
                case "\\", "'", "\"": result.append(escape)
                case "a": result.append("\u{07}")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "v": result.append("\u{0B}")
                case "0"..."7":
                    var value = escape.value - 0x30
                    var digits = 1
                    while digits < 3, index < body.endIndex, ("0"..."7").contains(body[index]) {
                        value = value * 8 + body[index].value - 0x30
                        index += 1
                        digits += 1
                    }
                    guard let decoded = Unicode.Scalar(value) else { return nil }
                    result.append(decoded)
                case "x", "u", "U":
                    let width = escape == "x" ? 2 : escape == "u" ? 4 : 8
                    guard body.endIndex - index >= width,
                          let value = hexValue(body[index..<(index + width)]),
                          let decoded = Unicode.Scalar(value) else { return nil }
                    result.append(decoded)
                    index += width
                case "N":
                    guard index < body.endIndex, body[index] == "{",
                          let close = body[index...].firstIndex(of: "}"), close > index + 1,
                          let decoded = namedScalar(body[(index + 1)..<close]) else { return nil }
                    result.append(decoded)
                    index = close + 1
                default:
                    result.append("\\")
                    result.append(escape)
                }
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func hexValue(_ digits: ArraySlice<Unicode.Scalar>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            guard digit.isASCII, let nibble = UInt32(String(digit), radix: 16) else { return nil }
            value = value << 4 | nibble
        }
        return value
    }

    /// `\N{name}`: a character name or name alias, compared case-insensitively as Python does.
    private static func namedScalar(_ name: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: name)
        let wanted = String(view).uppercased()
        for value in UInt32(0)...0x10FFFF {
            guard let candidate = Unicode.Scalar(value) else { continue }
            if candidate.properties.name == wanted || candidate.properties.nameAlias == wanted { return candidate }
        }
        return nil
    }
}
