/// A cursor over a file's Unicode scalars with uv's line/column and byte-offset arithmetic.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`; columns count scalars from 1, as uv's
/// `calculate_row_column`; positions in messages are UTF-8 byte offsets, as uv's `start`.
struct TextScanner {
    let scalars: [Unicode.Scalar]
    private(set) var cursor = 0
    /// The scalar index each line starts at, in order.
    private let lineStarts: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            if scalar == "\r" || scalar == "\n" { starts.append(index) }
        }
        lineStarts = starts
    }

    var isAtEnd: Bool { cursor >= scalars.count }

    func peek() -> Unicode.Scalar? {
        cursor < scalars.count ? scalars[cursor] : nil
    }

    /// Whether the text at the cursor starts with `prefix`.
    func at(_ prefix: String) -> Bool {
        var index = cursor
        for scalar in prefix.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    func at(_ predicate: (Unicode.Scalar) -> Bool) -> Bool {
        peek().map(predicate) ?? false
    }

    /// Consumes `prefix` if the text at the cursor starts with it.
    mutating func eat(_ prefix: String) -> Bool {
        guard at(prefix) else { return false }
        cursor += prefix.unicodeScalars.count
        return true
    }

    /// Consumes one scalar.
    mutating func next() -> Unicode.Scalar? {
        guard let scalar = peek() else { return nil }
        cursor += 1
        return scalar
    }

    /// Consumes scalars while `predicate` holds and returns them.
    @discardableResult
    mutating func eat(while predicate: (Unicode.Scalar) -> Bool) -> String {
        let start = cursor
        while let scalar = peek(), predicate(scalar) { cursor += 1 }
        return text(start..<cursor)
    }

    /// Spaces and tabs, and backslash-escaped line breaks between them (`\\\n`, `\\\r\n`,
    /// `\\\r`), as uv's `eat_wrappable_whitespace`. Returns what was consumed.
    @discardableResult
    mutating func eatWrappableWhitespace() -> String {
        let start = cursor
        eat(while: Self.isSpaceOrTab)
        while eat("\\\n") || eat("\\\r\n") || eat("\\\r") {
            eat(while: Self.isSpaceOrTab)
        }
        return text(start..<cursor)
    }

    func text(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }

    /// The rest of the text from the cursor.
    var remainder: String { text(cursor..<scalars.count) }

    /// The 1-based line and column of a scalar index.
    func lineColumn(of index: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low + 1, index - lineStarts[low] + 1)
    }

    /// The UTF-8 byte offset of a scalar index.
    func byteOffset(of index: Int) -> Int {
        scalars[0..<min(index, scalars.count)].reduce(0) { $0 + UTF8.width($1) }
    }

    static func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    /// Rust's `char::is_whitespace` (Unicode `White_Space`).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// A line break or a comment start: where option values end.
    static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "#"
    }
}
