import SuvBasics

/// The one place that turns errors and warnings into text, in uv 0.13.9's shape:
///
/// ```
/// error: Failed to parse: `foo >>> 1`
///   cause: no such comparison operator ">>>", must be one of ~= == != <= >= < > ===
///          foo >>> 1
///              ^^^^^
///
/// hint: <hint>
/// ```
///
/// The top message comes first, then one `  cause: ` line per wrapped error (continuation lines
/// of a multi-line cause are indented 9 spaces so they line up under the text), then a blank line
/// and `hint: ` for each hint. Messages are trimmed of surrounding whitespace, as uv does. With
/// colour, `error` and `cause` are bold red, `hint` bold cyan, `warning` bold yellow (with the
/// warning text bold), and each label's colon bold; the text is identical without colour.
public struct ErrorRenderer: Sendable {
    /// The styling applied to labels.
    public let paint: Paint

    /// A renderer that colours labels when `color` is true.
    public init(color: Bool) {
        self.paint = Paint(enabled: color)
    }

    /// A renderer using `paint`.
    public init(paint: Paint) {
        self.paint = paint
    }

    /// The full report for `error`, ending with a newline.
    public func render(_ error: any Error) -> String {
        render(ErrorChain(error))
    }

    /// The full report for an already flattened chain, ending with a newline.
    public func render(_ chain: ErrorChain) -> String {
        var output = ""
        let messages = chain.messages.map(Self.trimmed)
        let top = messages.first ?? "An unknown error occurred"
        output += "\(label(paint.red("error"))) \(top)\n"
        for cause in messages.dropFirst() {
            let lines = cause.split(separator: "\n", omittingEmptySubsequences: false)
            output += "  \(label(paint.red("cause"))) \(lines.first ?? "")\n"
            for line in lines.dropFirst() {
                output += line.isEmpty ? "\n" : "\(Self.causeIndent)\(line)\n"
            }
        }
        for hint in chain.hints {
            output += "\n\(paint.cyan(paint.bold("hint")))\(paint.bold(":")) \(Self.trimmed(hint))\n"
        }
        return output
    }

    /// A warning line: `warning: <message>`, ending with a newline.
    public func renderWarning(_ message: String) -> String {
        "\(label(paint.yellow("warning"))) \(paint.bold(message))\n"
    }

    /// Width of `  cause: `, the indentation of a multi-line cause's continuation lines.
    static let causeIndent = String(repeating: " ", count: 9)

    private func label(_ coloredWord: String) -> String {
        paint.bold(coloredWord) + paint.bold(":")
    }

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
