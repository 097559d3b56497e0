/// The character classes of Python's `re` module for `str` patterns, which packaging's
/// tokenizer relies on (`\s`, `\w` and therefore `\b`).
enum PythonCharacterClasses {
    /// `\s`: Python's `str.isspace()` set (Unicode whitespace, including NBSP and U+2003).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// `\w`: `str.isalnum()` or `_`, where `isalnum` is a letter (`Lu`, `Ll`, `Lt`, `Lm`, `Lo`)
    /// or any character with a numeric type. Combining marks are *not* word characters.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = UInt8(scalar.value)
            return isASCIIAlphanumeric(value) || value == UInt8(ascii: "_")
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    static func isASCIIAlphanumeric(_ value: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(value)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(value)
            || isASCIIDigit(value)
    }

    static func isASCIIDigit(_ value: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(value)
    }
}
