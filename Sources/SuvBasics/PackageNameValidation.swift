extension PackageName {
    /// Whether `name` is a valid distribution name under the core-metadata `Name` rule: ASCII
    /// letters and digits at both ends, and ASCII letters, digits, `.`, `_` and `-` inside.
    ///
    /// This is packaging's `canonicalize_name(name, validate=True)` succeeding, i.e. a full match
    /// of `[a-z0-9]|[a-z0-9][a-z0-9._-]*[a-z0-9]` ignoring ASCII case.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard isASCIIAlphanumeric(first), isASCIIAlphanumeric(last) else { return false }
        return bytes.dropFirst().dropLast().allSatisfy { byte in
            isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-")
        }
    }

    /// Whether `name` is already in normalized form, as packaging's `is_normalized_name`.
    ///
    /// That is a full match of `[a-z0-9]|[a-z0-9]([a-z0-9-](?!--))*[a-z0-9]`: lowercase ASCII
    /// letters, digits and `-`, starting and ending with a letter or digit, where no inner
    /// character may be followed by `--`. The lookahead lets exactly one doubled dash through:
    /// `a--b` counts as normalized (packaging says so), while `a---b` does not.
    public static func isNormalized(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard isLowercaseAlphanumeric(first), isLowercaseAlphanumeric(last) else { return false }
        guard bytes.count > 2 else { return true }
        for index in 1..<(bytes.count - 1) {
            let byte = bytes[index]
            guard isLowercaseAlphanumeric(byte) || byte == UInt8(ascii: "-") else { return false }
            let dash = UInt8(ascii: "-")
            if index + 2 < bytes.count, bytes[index + 1] == dash, bytes[index + 2] == dash { return false }
        }
        return true
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isLowercaseAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
