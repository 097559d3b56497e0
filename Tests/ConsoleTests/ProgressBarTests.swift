@testable import Console
import Testing

/// The progress bar draws only on a terminal, and never with `-q` or `--no-progress`.
@Suite struct ProgressBarTests {
    func printer(terminal: Bool, quiet: Int = 0) -> (Printer, MemorySink) {
        let err = MemorySink(isTerminal: terminal)
        let printer = Printer(stdout: MemorySink(), stderr: err).with(quiet: quiet, verbose: 0, color: .never, environment: [:])
        return (printer, err)
    }

    @Test func drawsInPlaceOnATerminalAndErasesItself() {
        let (printer, err) = printer(terminal: true)
        let bar = ProgressBar(printer: printer, label: "Installing wheels...", total: 4, hidden: false)
        bar.advance("flask")
        bar.advance("jinja2")
        bar.finish()
        #expect(err.contents == "\r\u{1B}[2KInstalling wheels... [======>                       ] 1/4 flask"
            + "\r\u{1B}[2KInstalling wheels... [==============>               ] 2/4 jinja2"
            + "\r\u{1B}[2K")
    }

    @Test func silentWhenPipedQuietOrAskedNotTo() {
        for (terminal, quiet, hidden) in [(false, 0, false), (true, 1, false), (true, 0, true)] {
            let (printer, err) = printer(terminal: terminal, quiet: quiet)
            let bar = ProgressBar(printer: printer, label: "Preparing packages...", total: 2, hidden: hidden)
            bar.advance("a")
            bar.finish()
            #expect(err.contents.isEmpty)
        }
    }

    @Test func theBarIsFullAtTheEnd() {
        #expect(ProgressBar.render(label: "x", done: 3, total: 3, item: "") == "x [==============================] 3/3")
        #expect(ProgressBar.render(label: "x", done: 0, total: 3, item: "") == "x [                              ] 0/3")
    }
}
