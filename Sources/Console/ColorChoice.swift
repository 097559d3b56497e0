/// Whether to colour terminal output: uv's `--color auto|always|never`.
///
/// Resolution happens in two steps, as in uv:
///
/// 1. ``resolve(flag:environment:)`` picks the choice: an explicit `--color` wins; otherwise a
///    non-empty `NO_COLOR` means `never`; otherwise a non-empty `FORCE_COLOR` or `CLICOLOR_FORCE`
///    means `always`; otherwise `auto`.
/// 2. ``enablesColor(isTerminal:environment:)`` decides, for one output stream, whether escape
///    codes are written: `auto` colours only a terminal whose `TERM` is set and is not `dumb`,
///    and honours `CLICOLOR=0`.
public enum ColorChoice: String, CaseIterable, Sendable, Equatable {
    /// Colour when the stream is a terminal.
    case auto
    /// Always colour.
    case always
    /// Never colour.
    case never

    /// The effective choice from the `--color` flag (if given) and the environment.
    ///
    /// - Parameters:
    ///   - flag: the value of `--color`, when passed; it overrides every environment variable.
    ///   - environment: the process environment.
    public static func resolve(flag: ColorChoice?, environment: [String: String]) -> ColorChoice {
        if let flag { return flag }
        if isNonEmpty(environment["NO_COLOR"]) { return .never }
        if isNonEmpty(environment["FORCE_COLOR"]) || isNonEmpty(environment["CLICOLOR_FORCE"]) {
            return .always
        }
        return .auto
    }

    /// Whether a stream gets escape codes under this choice.
    ///
    /// - Parameters:
    ///   - isTerminal: whether the stream written to is a TTY.
    ///   - environment: the process environment (`TERM`, `CLICOLOR` matter for `auto`).
    public func enablesColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always:
            return true
        case .never:
            return false
        case .auto:
            if environment["CLICOLOR"] == "0" { return false }
            guard isTerminal, let term = environment["TERM"], term != "dumb" else { return false }
            return true
        }
    }

    private static func isNonEmpty(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty
    }
}
