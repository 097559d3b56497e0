/// ANSI styling that degrades to plain text.
///
/// The escape sequences match the ones uv (owo-colors) writes, so coloured output is
/// byte-identical: a foreground colour closes with `ESC[39m`, bold and dim close with `ESC[0m`,
/// and nesting is explicit (`paint.bold(paint.red("error"))` is uv's `"error".red().bold()`).
/// With ``isEnabled`` false every method returns its argument unchanged.
public struct Paint: Sendable, Equatable {
    /// Whether escape codes are emitted.
    public let isEnabled: Bool

    /// A painter that emits escape codes only when `enabled`.
    public init(enabled: Bool) {
        self.isEnabled = enabled
    }

    /// A painter that never emits escape codes.
    public static let plain = Paint(enabled: false)

    /// Bold text (`ESC[1m … ESC[0m`).
    public func bold(_ text: String) -> String { wrap(text, "1", "0") }
    /// Dimmed text (`ESC[2m … ESC[0m`).
    public func dimmed(_ text: String) -> String { wrap(text, "2", "0") }
    /// Red foreground (`ESC[31m … ESC[39m`).
    public func red(_ text: String) -> String { wrap(text, "31", "39") }
    /// Green foreground (`ESC[32m … ESC[39m`).
    public func green(_ text: String) -> String { wrap(text, "32", "39") }
    /// Yellow foreground (`ESC[33m … ESC[39m`).
    public func yellow(_ text: String) -> String { wrap(text, "33", "39") }
    /// Blue foreground (`ESC[34m … ESC[39m`).
    public func blue(_ text: String) -> String { wrap(text, "34", "39") }
    /// Magenta foreground (`ESC[35m … ESC[39m`).
    public func magenta(_ text: String) -> String { wrap(text, "35", "39") }
    /// Cyan foreground (`ESC[36m … ESC[39m`).
    public func cyan(_ text: String) -> String { wrap(text, "36", "39") }

    private func wrap(_ text: String, _ open: String, _ close: String) -> String {
        guard isEnabled else { return text }
        return "\u{1B}[\(open)m\(text)\u{1B}[\(close)m"
    }
}
