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
        if lhs.path != rhs.path { return Array(lhs.path.utf8).lexicographicallyPrecedes(rhs.path.utf8) }
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
        [path, hash ?? "", size.map(String.init) ?? ""].map(RecordFile.quoted).joined(separator: ",")
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
        for entry in entries {
            text += entry.description
            text += "\n"
        }
        return text
    }

    /// `field` quoted when it holds a comma, a quote or a line break (quotes doubled).
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The rows of a CSV text with their 1-based line numbers.
    static func rows(_ text: String) throws(RecordParseError) -> [(Int, [String])] {
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field: [Character] = []
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var afterQuote = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let value = pending { pending = nil; return value }
            return iterator.next()
        }
        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; afterQuote = true; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                fields.append(String(field)); field = []; afterQuote = false
            case "\n", "\r\n", "\r":
                fields.append(String(field)); field = []; afterQuote = false
                rows.append((rowLine, fields)); fields = []
                line += 1; rowLine = line
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            default:
                field.append(character)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: rowLine) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(String(field))
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
    /// Every occurrence of `target` replaced (FoundationEssentials-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }

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
