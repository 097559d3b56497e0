import Console
import Testing

@Suite struct PaintTests {
    @Test func writesOwoColorsEscapes() {
        let paint = Paint(enabled: true)
        #expect(paint.bold(paint.red("error")) == "\u{1B}[1m\u{1B}[31merror\u{1B}[39m\u{1B}[0m")
        #expect(paint.cyan(paint.bold("hint")) == "\u{1B}[36m\u{1B}[1mhint\u{1B}[0m\u{1B}[39m")
        #expect(paint.dimmed("7ms") == "\u{1B}[2m7ms\u{1B}[0m")
        #expect(paint.green("+") == "\u{1B}[32m+\u{1B}[39m")
    }

    @Test func plainPaintReturnsTextUnchanged() {
        let paint = Paint.plain
        #expect(paint.bold(paint.red("error")) == "error")
        #expect(paint.yellow("warning") == "warning")
    }
}
