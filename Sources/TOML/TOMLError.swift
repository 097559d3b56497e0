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
public struct TOMLError: SuvError, Equatable {
    /// What went wrong, without position, e.g. `expected \`=\` after a key`.
    public let reason: String
    /// Where it went wrong.
    public let location: SourceLocation
    /// The byte offset of ``location`` in the source.
    public let offset: Int

    public init(_ reason: String, at location: SourceLocation, offset: Int) {
        self.reason = reason
        self.location = location
        self.offset = offset
    }

    public var message: String { "TOML parse error at \(location): \(reason)" }
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
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
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
