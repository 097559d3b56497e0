/// The character classes of Python's `re` module for `str` patterns, which packaging's
/// tokenizer relies on (`\s`, `\w` and therefore `\b`).
enum PythonCharacterClasses {
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
