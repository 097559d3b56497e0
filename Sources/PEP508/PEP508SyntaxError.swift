/// A syntax error found while scanning a marker or requirement: packaging's
/// `ParserSyntaxError` message and span, before it is wrapped in the public error type.
struct PEP508SyntaxError: Error, Equatable {
    var message: String
    var span: Range<Int>
}

extension PEP508SyntaxError {
    /// packaging's pointer line under the source: spaces up to the span, `~` over it, then `^`.
    static func pointer(for span: Range<Int>) -> String {
        String(repeating: " ", count: span.lowerBound) + String(repeating: "~", count: span.count) + "^"
    }
}
