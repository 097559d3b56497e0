import SuvBasics

/// One line of a wheel's `RECORD` (PEP 376, PEP 427): a path relative to the site-packages
/// directory, the file's hash (`sha256=<unpadded base64url>`) and its size in bytes.
///
/// `RECORD` itself is listed without hash or size; so are files an installer cannot vouch for.
public struct RecordEntry: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path relative to site-packages, `/`-separated; files installed elsewhere (scripts,
    /// headers, data) climb out with `..` (`../../../bin/flask`).
    public var path: String
    /// `<algorithm>=<digest>`, as written.
    public var hash: String?
    /// The size in bytes.
    public var size: UInt64?

    public init(path: String, hash: String? = nil, size: UInt64? = nil) {
        self.path = path
        self.hash = hash
        self.size = size
    }

    /// Ordered by path, then hash, then size: the order uv writes (paths compared byte by byte,
    /// so `../../../bin/x` comes first).
    public static func < (lhs: RecordEntry, rhs: RecordEntry) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8Precedes(rhs.path) }
        switch (lhs.hash, rhs.hash) {
        case let (left?, right?) where left != right: return left < right
        case (nil, _?): return true
        case (_?, nil): return false
        default: break
        }
        switch (lhs.size, rhs.size) {
        case let (left?, right?): return left < right
        case (nil, _?): return true
        default: return false
        }
    }

    /// The CSV line, without its newline.
    public var description: String {
        var line = RecordFile.quoted(path)
        line += ","
        if let hash { line += RecordFile.quoted(hash) }
        line += ","
        if let size { line += String(size) }
        return line
    }
}

/// Reading and writing `RECORD` files: CSV with `"` quoting, as Python's `csv` module and the
/// Rust `csv` crate write them.
public enum RecordFile {
    /// Parses `text`; blank lines are skipped. A leading `/` on a path is dropped, as uv does
    /// (some wheels write absolute-looking paths).
    public static func parse(_ text: String) throws(RecordParseError) -> [RecordEntry] {
        var entries: [RecordEntry] = []
        for (number, fields) in try rows(text) {
            guard let first = fields.first, !(fields.count == 1 && first.isEmpty) else { continue }
            var path = Substring(first)
            while path.hasPrefix("/") { path = path.dropFirst() }
            let hash = fields.count > 1 && !fields[1].isEmpty ? fields[1] : nil
            var size: UInt64?
            if fields.count > 2 {
                let text = fields[2].trimmingCharacters(in: " \t")
                if !text.isEmpty {
                    guard let value = UInt64(text) else { throw .invalidSize(line: number, value: fields[2]) }
                    size = value
                }
            }
            entries.append(RecordEntry(path: String(path), hash: hash, size: size))
        }
        return entries
    }

    /// The file's text: one line per entry in the given order, each ending in `\n`.
    public static func serialize(_ entries: [RecordEntry]) -> String {
        var text = ""
        text.reserveCapacity(entries.count * 80)
        for entry in entries {
            text += entry.description
            text += "\n"
        }
        return text
    }

    /// `field` quoted when it holds a comma, a quote or a line break (quotes doubled).
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return field
        }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The rows of a CSV text with their 1-based line numbers. Works on the UTF-8 bytes: the
    /// syntax is ASCII, and fields are decoded once each.
    static func rows(_ text: String) throws(RecordParseError) -> [(Int, [String])] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed: UInt8 = 10, carriageReturn: UInt8 = 13
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var rowLine = 1
        let bytes = Array(text.utf8)
        let count = bytes.count
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        while index < count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if byte == lineFeed { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                endField()
            case lineFeed, carriageReturn:
                if byte == carriageReturn && index < count && bytes[index] == lineFeed { index += 1 }
                endField()
                rows.append((rowLine, fields))
                fields = []
                line += 1
                rowLine = line
            case quote where field.isEmpty && !afterQuote:
                inQuotes = true
            default:
                field.append(byte)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: rowLine) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(String(decoding: field, as: UTF8.self))
            rows.append((rowLine, fields))
        }
        return rows
    }
}

/// Why a `RECORD` file could not be read.
public enum RecordParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A quoted field is not closed before the end of the file.
    case unterminatedQuote(line: Int)
    /// The size column is not a non-negative integer.
    case invalidSize(line: Int, value: String)

    public var description: String {
        switch self {
        case .unterminatedQuote(let line): "line \(line): a quoted field is not closed"
        case .invalidSize(let line, let value): "line \(line): invalid size `\(value)`"
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        guard !target.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
