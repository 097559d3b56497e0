import SuvBasics

/// A line and column in a TOML source, both 1-based; the column counts Unicode scalars.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// A TOML document that could not be parsed, or an edit that could not be applied.
public struct TOMLError: SuvError, Equatable, CustomStringConvertible {
    /// What went wrong, without position, e.g. `expected \`=\` after a key`.
    public let reason: String
    /// Where it went wrong.
    public let location: SourceLocation
    public var description: String { message }

    /// The byte offset of ``location`` in the source.
    public let offset: Int

    /// The source line the error is on, for the caret snippet.
    public let lineText: String

    /// How many columns the caret underline spans (at least 1).
    public let span: Int

    public init(_ reason: String, at location: SourceLocation, offset: Int, lineText: String = "", span: Int = 1) {
        self.reason = reason
        self.location = location
        self.offset = offset
        self.lineText = lineText
        self.span = max(1, span)
    }

    /// Builds an error at a byte offset of `bytes`, computing line, column and line text.
    /// `length` is the byte length of the offending text; the underline stops at its line's end.
    public init(_ reason: String, offset: Int, length: Int = 1, in bytes: [UInt8]) {
        let clamped = min(max(offset, 0), bytes.count)
        let index = LineIndex(bytes)
        let location = index.location(of: clamped, in: bytes)
        let start = index.lineStarts[location.line - 1]
        // The shown line ends at `\n` or `\r`, but never before the offset: a lone `\r` (not a
        // line break to the line index, and an error itself) before it belongs to the line.
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") || end < clamped {
            end += 1
        }
        let underlined = bytes[clamped..<max(clamped, min(end, clamped + length))]
        let span = underlined.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        self.init(reason, at: location, offset: clamped, lineText: String(decoding: bytes[start..<end], as: UTF8.self), span: span)
    }

    /// uv's shape: the position, a caret under the offending column, then the reason.
    ///
    /// ```
    /// TOML parse error at line 4, column 17
    ///   |
    /// 4 | dependencies = [1]
    ///   |                 ^
    /// invalid type: integer `1`, expected a string
    /// ```
    public var message: String {
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count + 1) + "|"
        let caret = gutter + String(repeating: " ", count: location.column) + String(repeating: "^", count: span)
        return "TOML parse error at \(location)\n\(gutter)\n\(number) | \(lineText)\n\(caret)\n\(reason)"
    }
}

/// An edit that does not fit the document, e.g. setting a key below a string value.
public struct TOMLEditError: SuvError, Equatable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var message: String { reason }
}

/// Maps byte offsets of a UTF-8 source to line and column numbers.
struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where buffer[offset] == UInt8(ascii: "\n") {
                starts.append(offset + 1)
            }
        }
        lineStarts = starts
    }

    func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let end = min(offset, bytes.count)
        var column = 1
        var index = start
        while index < end {
            // Count scalars: skip UTF-8 continuation bytes.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // A position inside a multi-byte scalar belongs to that scalar.
        if end > start, end < bytes.count, bytes[end] & 0xC0 == 0x80 { column -= 1 }
        return SourceLocation(line: low + 1, column: column)
    }
}
