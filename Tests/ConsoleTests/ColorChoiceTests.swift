import Console
import Testing

@Suite struct ColorChoiceTests {
    struct ResolveCase: Sendable, CustomTestStringConvertible {
        let flag: ColorChoice?
        let environment: [String: String]
        let expected: ColorChoice
        var testDescription: String { "\(flag.map(\.rawValue) ?? "nil") \(environment) -> \(expected)" }
    }

    @Test(arguments: [
        ResolveCase(flag: nil, environment: [:], expected: .auto),
        ResolveCase(flag: nil, environment: ["NO_COLOR": "1"], expected: .never),
        ResolveCase(flag: nil, environment: ["NO_COLOR": ""], expected: .auto),
        ResolveCase(flag: nil, environment: ["FORCE_COLOR": "1"], expected: .always),
        ResolveCase(flag: nil, environment: ["CLICOLOR_FORCE": "1"], expected: .always),
        ResolveCase(flag: nil, environment: ["FORCE_COLOR": ""], expected: .auto),
        ResolveCase(flag: nil, environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"], expected: .never),
        ResolveCase(flag: .always, environment: ["NO_COLOR": "1"], expected: .always),
        ResolveCase(flag: .never, environment: ["FORCE_COLOR": "1"], expected: .never),
        ResolveCase(flag: .auto, environment: ["NO_COLOR": "1"], expected: .auto),
    ])
    func flagBeatsEnvironmentAndNoColorBeatsForceColor(_ test: ResolveCase) {
        #expect(ColorChoice.resolve(flag: test.flag, environment: test.environment) == test.expected)
    }

    @Test func autoColorsOnlyTerminalsThatSupportIt() {
        let term = ["TERM": "xterm-256color"]
        #expect(ColorChoice.auto.enablesColor(isTerminal: true, environment: term))
        #expect(!ColorChoice.auto.enablesColor(isTerminal: false, environment: term))
        #expect(!ColorChoice.auto.enablesColor(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!ColorChoice.auto.enablesColor(isTerminal: true, environment: [:]))
        #expect(!ColorChoice.auto.enablesColor(isTerminal: true, environment: ["TERM": "xterm", "CLICOLOR": "0"]))
    }

    @Test func alwaysAndNeverIgnoreTheStream() {
        #expect(ColorChoice.always.enablesColor(isTerminal: false, environment: [:]))
        #expect(!ColorChoice.never.enablesColor(isTerminal: true, environment: ["TERM": "xterm"]))
    }
}
