#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Somewhere text is written: a file descriptor in production, memory in tests.
public protocol OutputSink: Sendable {
    /// Writes `text` as UTF-8, unbuffered, without adding a newline.
    func write(_ text: String)
    /// Whether the sink is an interactive terminal (decides `--color auto`).
    var isTerminal: Bool { get }
}

/// An ``OutputSink`` over a file descriptor, written with `write(2)` (no stdio buffering, so
/// stdout and stderr interleave in the order they were written).
public struct FileDescriptorSink: OutputSink {
    /// The descriptor written to.
    public let descriptor: Int32

    /// A sink over `descriptor`.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The process's standard output.
    public static let standardOutput = FileDescriptorSink(descriptor: 1)
    /// The process's standard error.
    public static let standardError = FileDescriptorSink(descriptor: 2)

    public var isTerminal: Bool { isatty(descriptor) != 0 }

    public func write(_ text: String) {
        writeAll(descriptor, text)
    }
}

/// Writes all of `text` to `descriptor`, retrying after interrupts and short writes; gives up
/// silently on any other failure (a closed pipe must not turn into a second error).
private func writeAll(_ descriptor: Int32, _ text: String) {
    var text = text
    text.withUTF8 { buffer in
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining -= written
            base += written
        }
    }
}

/// An ``OutputSink`` that keeps everything written in memory; for tests.
public final class MemorySink: OutputSink {
    private let storage = Mutex("")
    /// What ``isTerminal`` reports, so tests can exercise `--color auto`.
    public let isTerminal: Bool

    /// An empty sink that reports itself as a terminal when `isTerminal` is true.
    public init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    public func write(_ text: String) {
        storage.withLock { $0 += text }
    }

    /// Everything written so far.
    public var contents: String {
        storage.withLock { $0 }
    }
}
