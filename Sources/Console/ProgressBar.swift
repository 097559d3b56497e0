import Synchronization

/// A one-line progress bar on standard error for a terminal (`Preparing packages… [====>   ] 5/13`),
/// redrawn in place with `\r` and erased when done. It draws nothing unless standard error is
/// a terminal and neither `-q` nor `--no-progress` (`UV_NO_PROGRESS`) asked for silence, so piped
/// output and logs never see it. Safe to advance from concurrent tasks.
public final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var current = ""
        var drawn = false
    }

    private let sink: (any OutputSink)?
    private let label: String
    private let total: Int
    private let state = Mutex(State())

    /// The bar for `total` steps, or a silent one when progress is not to be shown.
    public init(printer: Printer, label: String, total: Int, hidden: Bool) {
        let visible = !hidden && printer.quiet == 0 && printer.stderr.isTerminal && total > 0
        self.sink = visible ? printer.stderr : nil
        self.label = label
        self.total = total
    }

    /// One more step done; `item` names it.
    public func advance(_ item: String = "") {
        guard let sink else { return }
        let line = state.withLock { state -> String in
            state.done = min(total, state.done + 1)
            state.current = item
            state.drawn = true
            return Self.render(label: label, done: state.done, total: total, item: item)
        }
        sink.write("\r\u{1B}[2K" + line)
    }

    /// Erases the bar.
    public func finish() {
        guard let sink else { return }
        let drawn = state.withLock { state -> Bool in
            defer { state.drawn = false }
            return state.drawn
        }
        if drawn { sink.write("\r\u{1B}[2K") }
    }

    /// `label [=====>    ] done/total item`, 30 columns of bar.
    static func render(label: String, done: Int, total: Int, item: String) -> String {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "=", count: max(0, filled - 1)) + (filled > 0 ? (filled == width ? "=" : ">") : "")
            + String(repeating: " ", count: width - filled)
        return "\(label) [\(bar)] \(done)/\(total)" + (item.isEmpty ? "" : " \(item)")
    }
}
