import Testing

/// Commands without an implementation yet fail with a typed error naming the full command.
@Suite struct NotImplementedTests {
    @Test(arguments: [
        ("tree", "suv tree"),
        ("tree", "suv tree"),
        ("export", "suv export"),
        ("init", "suv init"),
        ("version", "suv version"),
    ])
    func exitsTwoWithTheCommandName(_ line: String, _ command: String) async {
        let result = await runSuv(words(line))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: `\(command)` is not implemented yet\n")
    }

    @Test func quietDoesNotHideErrors() async {
        let result = await runSuv(["-qq", "tree"])
        #expect(result.stderr == "error: `suv tree` is not implemented yet\n")
    }

    @Test func colourDecoratesTheErrorLabel() async {
        let result = await runSuv(["--color", "always", "tree"])
        #expect(result.stderr == "\u{1B}[1m\u{1B}[31merror\u{1B}[39m\u{1B}[0m\u{1B}[1m:\u{1B}[0m `suv tree` is not implemented yet\n")
    }

    @Test func colorFlagWinsOverNoColor() async {
        let forced = await runSuv(["tree", "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(forced.stderr.hasPrefix("\u{1B}[1m"))
        let plain = await runSuv(["tree"], environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"])
        #expect(plain.stderr == "error: `suv tree` is not implemented yet\n")
        let env = await runSuv(["tree"], environment: ["FORCE_COLOR": "1"])
        #expect(env.stderr.hasPrefix("\u{1B}[1m"))
        let never = await runSuv(["tree", "--color", "never"], environment: ["FORCE_COLOR": "1"])
        #expect(never.stderr == "error: `suv tree` is not implemented yet\n")
    }
}
