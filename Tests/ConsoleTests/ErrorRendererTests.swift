import Console
import SuvBasics
import Testing

private struct ParseFailure: SuvError {
    var message: String {
        """
        no such comparison operator ">>>", must be one of ~= == != <= >= < > ===
        foo >>> 1
            ^^^^^
        """
    }
    var hints: [String] { ["Did you mean `foo>=1`?"] }
}

private struct IOFailure: Error, CustomStringConvertible {
    var description: String { "No such file or directory (os error 2)" }
}

@Suite struct ErrorRendererTests {
    /// `Failed to add` → `Failed to parse` → a multi-line parse error, with two hints.
    private var chain: any Error {
        ParseFailure()
            .context("Failed to parse: `foo >>> 1`")
            .context("Failed to add dependencies", hints: ["Run `suv add --help` for usage"])
    }

    @Test func rendersUvShapeWithoutColor() {
        let text = ErrorRenderer(color: false).render(chain)
        #expect(text == """
            error: Failed to add dependencies
              cause: Failed to parse: `foo >>> 1`
              cause: no such comparison operator ">>>", must be one of ~= == != <= >= < > ===
                     foo >>> 1
                         ^^^^^

            hint: Run `suv add --help` for usage

            hint: Did you mean `foo>=1`?

            """)
    }

    @Test func colorDecoratesLabelsOnly() {
        let e = "\u{1B}"
        let text = ErrorRenderer(color: true).render(chain)
        #expect(text == """
            \(e)[1m\(e)[31merror\(e)[39m\(e)[0m\(e)[1m:\(e)[0m Failed to add dependencies
              \(e)[1m\(e)[31mcause\(e)[39m\(e)[0m\(e)[1m:\(e)[0m Failed to parse: `foo >>> 1`
              \(e)[1m\(e)[31mcause\(e)[39m\(e)[0m\(e)[1m:\(e)[0m no such comparison operator ">>>", must be one of ~= == != <= >= < > ===
                     foo >>> 1
                         ^^^^^

            \(e)[36m\(e)[1mhint\(e)[0m\(e)[39m\(e)[1m:\(e)[0m Run `suv add --help` for usage

            \(e)[36m\(e)[1mhint\(e)[0m\(e)[39m\(e)[1m:\(e)[0m Did you mean `foo>=1`?

            """)
        let stripped = text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == ErrorRenderer(color: false).render(chain))
    }

    @Test func foreignErrorEndsTheChainAndMessagesAreTrimmed() {
        let error = IOFailure().context("Failed to spawn: `nonexistent`\n")
        #expect(ErrorRenderer(color: false).render(error) == """
            error: Failed to spawn: `nonexistent`
              cause: No such file or directory (os error 2)

            """)
    }

    @Test func singleErrorIsOneLine() {
        #expect(ErrorRenderer(color: false).render(IOFailure()) == "error: No such file or directory (os error 2)\n")
    }

    @Test func warningsAreYellowWithBoldText() {
        #expect(ErrorRenderer(color: false).renderWarning("Ignoring `UV_LOCKED`") == "warning: Ignoring `UV_LOCKED`\n")
        let e = "\u{1B}"
        #expect(
            ErrorRenderer(color: true).renderWarning("x")
                == "\(e)[1m\(e)[33mwarning\(e)[39m\(e)[0m\(e)[1m:\(e)[0m \(e)[1mx\(e)[0m\n"
        )
    }
}
