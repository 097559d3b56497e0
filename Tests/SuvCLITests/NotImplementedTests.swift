import Testing

/// What is not implemented yet fails with a typed error naming the command and option, exit 2.
@Suite struct NotImplementedTests {
    @Test(arguments: [
        ("sync --script tool.py", "suv sync --script"),
        ("run --with-editable ./pkg python", "suv run --with-editable"),
        ("add --script tool.py flask", "suv add --script"),
        ("remove --script tool.py flask", "suv remove --script"),
    ])
    func exitsTwoWithTheCommandName(_ line: String, _ command: String) async {
        let result = await runSuv(words(line))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: `\(command)` is not implemented yet\n")
    }

    static let unimplemented = ["sync", "--script", "tool.py"]
    static let message = "error: `suv sync --script` is not implemented yet\n"

    @Test func quietDoesNotHideErrors() async {
        let result = await runSuv(["-qq"] + Self.unimplemented)
        #expect(result.stderr == Self.message)
    }

    @Test func colourDecoratesTheErrorLabel() async {
        let result = await runSuv(["--color", "always"] + Self.unimplemented)
        #expect(result.stderr == "\u{1B}[1m\u{1B}[31merror\u{1B}[39m\u{1B}[0m\u{1B}[1m:\u{1B}[0m `suv sync --script` is not implemented yet\n")
    }

    @Test func colorFlagWinsOverNoColor() async {
        let forced = await runSuv(Self.unimplemented + ["--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(forced.stderr.hasPrefix("\u{1B}[1m"))
        let plain = await runSuv(Self.unimplemented, environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"])
        #expect(plain.stderr == Self.message)
        let env = await runSuv(Self.unimplemented, environment: ["FORCE_COLOR": "1"])
        #expect(env.stderr.hasPrefix("\u{1B}[1m"))
        let never = await runSuv(Self.unimplemented + ["--color", "never"], environment: ["FORCE_COLOR": "1"])
        #expect(never.stderr == Self.message)
    }
}
