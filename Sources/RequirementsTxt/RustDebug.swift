/// Rust's `{:?}` spellings, for messages that quote uv's.
enum RustDebug {
    /// `Some('x')` or `None`, as Rust prints `Option<char>`.
    static func optionalCharacter(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "None" }
        return "Some('" + escaped(scalar, quote: "'") + "')"
    }

    /// `"text"`, as Rust prints a `&str`.
    static func string(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { escaped($0, quote: "\"") }.joined() + "\""
    }

    private static func escaped(_ scalar: Unicode.Scalar, quote: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\\": "\\\\"
        case "\0": "\\0"
        case quote: "\\" + String(quote)
        default: String(scalar)
        }
    }
}
