import Console
import SuvBasics
import Testing

private struct Boom: SuvError {
    var message: String { "boom" }
}

@Suite struct PrinterTests {
    private func printer(quiet: Int = 0, verbose: Int = 0, color: ColorChoice = .never) -> (Printer, MemorySink, MemorySink) {
        let out = MemorySink()
        let err = MemorySink()
        return (Printer(stdout: out, stderr: err, quiet: quiet, verbose: verbose, color: color), out, err)
    }

    private func exercise(_ printer: Printer) {
        printer.data("data")
        printer.info("Resolved 1 package in 3ms")
        printer.warn("careful")
        printer.debug("debugging")
        printer.trace("tracing")
        printer.error(Boom())
    }

    @Test func defaultLevelWritesDataToStdoutAndMessagesToStderr() {
        let (printer, out, err) = printer()
        exercise(printer)
        #expect(out.contents == "data\n")
        #expect(err.contents == "Resolved 1 package in 3ms\nwarning: careful\nerror: boom\n")
    }

    @Test func quietHidesMessagesButNotDataOrErrors() {
        let (printer, out, err) = printer(quiet: 1)
        exercise(printer)
        #expect(out.contents == "data\n")
        #expect(err.contents == "error: boom\n")
    }

    @Test func doubleQuietAlsoHidesData() {
        let (printer, out, err) = printer(quiet: 2)
        exercise(printer)
        #expect(out.contents == "")
        #expect(err.contents == "error: boom\n")
    }

    @Test func verboseAddsDebugAndVeryVerboseAddsTrace() {
        let (v, _, err1) = printer(verbose: 1)
        exercise(v)
        #expect(err1.contents.contains("DEBUG debugging\n"))
        #expect(!err1.contents.contains("TRACE"))
        let (vv, _, err2) = printer(verbose: 2)
        exercise(vv)
        #expect(err2.contents.contains("DEBUG debugging\nTRACE tracing\n"))
    }

    @Test func debugPrefixIsBlueWithColor() {
        let (printer, _, err) = printer(verbose: 1, color: .always)
        printer.debug("x")
        #expect(err.contents == "\u{1B}[34mDEBUG\u{1B}[39m x\n")
    }

    @Test func autoColorFollowsEachSink() {
        let tty = MemorySink(isTerminal: true)
        let pipe = MemorySink(isTerminal: false)
        let printer = Printer(stdout: pipe, stderr: tty, color: .auto, environment: ["TERM": "xterm"])
        #expect(printer.stderrPaint.isEnabled)
        #expect(!printer.stdoutPaint.isEnabled)
    }
}
