/// A recursive-descent TOML 1.0 parser over UTF-8 bytes that records, for every table, array,
/// value and key-value, the byte range it came from (see ``SyntaxTree``).
///
/// Which definitions may extend which tables follows the TOML 1.0 rules as the toml-test suite
/// checks them: a table is defined once, by one header or by dotted keys in one section;
/// headers may still name sub-tables of dotted or implicit tables; inline tables and value
/// arrays are closed once written.
struct Parser {
    typealias TableID = SyntaxTree.TableID
    typealias ValueID = SyntaxTree.ValueID

    let bytes: [UInt8]
    var pos = 0
    var tree = SyntaxTree()
    var currentTable: TableID = SyntaxTree.rootTable
    var currentSection = 0
    var depth = 0
    /// Keys of array-of-tables elements whose values are checked but not kept.
    var skippedElementKeys: Set<String> = []
    /// Storage reused by ``key()``.
    private var keyBuffer: [(name: String, range: Range<Int>)] = []

    static let maximumDepth = 256

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // Room for what a document of this size usually holds (a lock file has a value for
        // about every 70 bytes), so the arrays are not copied over and over while growing.
        let expected = bytes.count / 64
        tree.values.reserveCapacity(expected)
        tree.entries.reserveCapacity(expected)
        tree.tables.reserveCapacity(expected / 4)
    }

    // MARK: Document

    mutating func parse() throws(TOMLError) -> SyntaxTree {
        if let invalid = firstInvalidUTF8Offset(bytes) {
            throw error("invalid UTF-8", at: invalid)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            pos = 3
            tree.sections[0].bodyStart = 3
            tree.sections[0].lastExpressionLineEnd = 3
        }
        while true {
            skipSpaces()
            guard pos < bytes.count else { break }
            switch bytes[pos] {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try newline()
                continue
            case UInt8(ascii: "#"):
                try comment()
                continue
            case UInt8(ascii: "["):
                try header()
                try lineEnd()
                tree.sections[currentSection].bodyStart = pos
                tree.sections[currentSection].lastExpressionLineEnd = pos
            default:
                try keyValueExpression()
                try lineEnd()
                tree.sections[currentSection].lastExpressionLineEnd = pos
            }
        }
        tree.sections[currentSection].end = bytes.count
        return tree
    }

    /// After an expression: spaces, an optional comment, then a newline or the end.
    private mutating func lineEnd() throws(TOMLError) {
        skipSpaces()
        guard pos < bytes.count else { return }
        if bytes[pos] == UInt8(ascii: "#") { try comment() }
        guard pos < bytes.count else { return }
        guard bytes[pos] == UInt8(ascii: "\n") || bytes[pos] == UInt8(ascii: "\r") else {
            throw error("expected a newline or the end of the document after an expression", at: pos)
        }
        try newline()
    }

    // MARK: Trivia

    mutating func skipSpaces() {
        while pos < bytes.count, bytes[pos] == UInt8(ascii: " ") || bytes[pos] == UInt8(ascii: "\t") {
            pos += 1
        }
    }

    /// Consumes `\n` or `\r\n`; a lone carriage return is an error.
    mutating func newline() throws(TOMLError) {
        if bytes[pos] == UInt8(ascii: "\n") {
            pos += 1
        } else if bytes[pos] == UInt8(ascii: "\r"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "\n") {
            pos += 2
        } else {
            throw error("a carriage return must be followed by a line feed", at: pos)
        }
    }

    /// Consumes a comment up to (not including) its line ending.
    mutating func comment() throws(TOMLError) {
        pos += 1
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return }
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                throw error("control character in a comment", at: pos)
            }
            pos += 1
        }
    }

    /// Whitespace, newlines and comments, as allowed between array items.
    mutating func skipArrayTrivia() throws(TOMLError) {
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): pos += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): try newline()
            case UInt8(ascii: "#"): try comment()
            default: return
            }
        }
    }

    // MARK: Keys

    /// A dotted key: its segments, each with the range of its text. The segments are collected
    /// in a buffer the parser reuses (a lock file has tens of thousands of keys).
    mutating func key() throws(TOMLError) -> [(name: String, range: Range<Int>)] {
        var parts = keyBuffer
        keyBuffer = []
        parts.removeAll(keepingCapacity: true)
        defer { keyBuffer = parts }
        while true {
            skipSpaces()
            let start = pos
            guard pos < bytes.count else { throw error("expected a key", at: pos) }
            let name: String
            switch bytes[pos] {
            case UInt8(ascii: "\""):
                if startsWith("\"\"\"") { throw error("a multi-line string cannot be a key", at: pos) }
                name = try basicString()
            case UInt8(ascii: "'"):
                if startsWith("'''") { throw error("a multi-line string cannot be a key", at: pos) }
                name = try literalString()
            default:
                while pos < bytes.count, Parser.isBareKeyByte(bytes[pos]) { pos += 1 }
                guard pos > start else { throw error("expected a key", at: pos) }
                name = String(decoding: bytes[start..<pos], as: UTF8.self)
            }
            parts.append((name, start..<pos))
            skipSpaces()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
                pos += 1
                continue
            }
            return parts
        }
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    // MARK: Expressions

    private mutating func keyValueExpression() throws(TOMLError) {
        let start = pos
        let path = try key()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "=") else {
            throw error("expected `=` after a key", at: pos)
        }
        pos += 1
        skipSpaces()
        if path.count == 1, tree.tables[currentTable].origin == .arrayElement, skippedElementKeys.contains(path[0].name) {
            try insert(path, value: try skippedValue(), into: currentTable, inline: false, expression: start..<pos)
            return
        }
        let value = try value()
        try insert(path, value: value, into: currentTable, inline: false, expression: start..<pos)
    }

    /// A value that is read (and so checked) but not kept: the nodes it made are dropped, so
    /// their memory serves the next one, and a placeholder (`false`, over the value's text)
    /// takes its place. See ``TOMLDocument/init(parsing:skippingElementKeys:)``.
    private mutating func skippedValue() throws(TOMLError) -> ValueID {
        let start = pos
        let marks = (tree.values.count, tree.tables.count, tree.arrays.count, tree.entries.count, tree.datetimes.count)
        _ = try value()
        tree.values.removeLast(tree.values.count - marks.0)
        tree.tables.removeLast(tree.tables.count - marks.1)
        tree.arrays.removeLast(tree.arrays.count - marks.2)
        tree.entries.removeLast(tree.entries.count - marks.3)
        tree.datetimes.removeLast(tree.datetimes.count - marks.4)
        return tree.addValue(.boolean(false), range: start..<pos)
    }

    private mutating func header() throws(TOMLError) {
        let start = pos
        pos += 1
        let isArrayOfTables = pos < bytes.count && bytes[pos] == UInt8(ascii: "[")
        if isArrayOfTables { pos += 1 }
        let path = try key()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "]") else {
            throw error("expected `]` at the end of a table header", at: pos)
        }
        pos += 1
        if isArrayOfTables {
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "]") else {
                throw error("expected `]]` at the end of an array-of-tables header", at: pos)
            }
            pos += 1
        }
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] == UInt8(ascii: " ") || bytes[lineStart - 1] == UInt8(ascii: "\t") {
            lineStart -= 1
        }
        tree.sections[currentSection].end = lineStart
        tree.sections.append(SyntaxTree.Section(
            table: 0, headerRange: start..<pos, bodyStart: pos, end: bytes.count, lastExpressionLineEnd: pos))
        currentSection = tree.sections.count - 1
        currentTable = isArrayOfTables
            ? try defineArrayOfTablesElement(path, at: start)
            : try defineHeaderTable(path, at: start)
        tree.sections[currentSection].table = currentTable
        tree.tables[currentTable].section = currentSection
    }

    // MARK: Table definitions

    /// Walks the parents of a header path, creating implicit tables and entering the last
    /// element of arrays of tables.
    private mutating func headerParent(_ path: [(name: String, range: Range<Int>)], at offset: Int) throws(TOMLError) -> TableID {
        var table = SyntaxTree.rootTable
        for (index, part) in path.dropLast().enumerated() {
            if let entry = tree.entry(part.name, in: table) {
                switch tree.values[entry.value].node {
                case .table(let child):
                    switch tree.tables[child].origin {
                    case .inline, .inlineDotted:
                        throw error("cannot extend the inline table `\(dotted(path.prefix(index + 1)))`", at: offset)
                    default:
                        table = child
                    }
                case .array(let array) where tree.arrays[array].isArrayOfTables:
                    guard let last = tree.arrays[array].items.last, let child = tree.tableID(of: last) else {
                        throw error("cannot extend `\(dotted(path.prefix(index + 1)))`", at: offset)
                    }
                    table = child
                default:
                    throw error("`\(dotted(path.prefix(index + 1)))` is not a table", at: offset)
                }
            } else {
                let child = tree.addTable(origin: .implicit)
                let value = tree.addValue(.table(child), range: part.range.lowerBound..<part.range.lowerBound)
                _ = tree.addEntry(.init(key: part.name, keyRange: part.range, value: value, expressionRange: nil), to: table)
                table = child
            }
        }
        return table
    }

    private mutating func defineHeaderTable(_ path: [(name: String, range: Range<Int>)], at offset: Int) throws(TOMLError) -> TableID {
        let parent = try headerParent(path, at: offset)
        guard let last = path.last else { throw error("expected a key", at: offset) }
        if let entry = tree.entry(last.name, in: parent) {
            if let child = tree.tableID(of: entry.value), tree.tables[child].origin == .implicit {
                tree.tables[child].origin = .header
                return child
            }
            throw error("table `\(dotted(path))` is defined more than once", at: offset)
        }
        let child = tree.addTable(origin: .header)
        let value = tree.addValue(.table(child), range: last.range.lowerBound..<last.range.lowerBound)
        _ = tree.addEntry(.init(key: last.name, keyRange: last.range, value: value, expressionRange: nil), to: parent)
        return child
    }

    private mutating func defineArrayOfTablesElement(_ path: [(name: String, range: Range<Int>)], at offset: Int) throws(TOMLError) -> TableID {
        let parent = try headerParent(path, at: offset)
        guard let last = path.last else { throw error("expected a key", at: offset) }
        let element = tree.addTable(origin: .arrayElement)
        let elementValue = tree.addValue(.table(element), range: offset..<offset)
        if let entry = tree.entry(last.name, in: parent) {
            guard let array = tree.arrayID(of: entry.value), tree.arrays[array].isArrayOfTables else {
                throw error("`\(dotted(path))` is already defined and is not an array of tables", at: offset)
            }
            tree.arrays[array].items.append(elementValue)
        } else {
            let array = tree.addArray(range: offset..<offset, isArrayOfTables: true)
            tree.arrays[array].items.append(elementValue)
            let value = tree.addValue(.array(array), range: offset..<offset)
            _ = tree.addEntry(.init(key: last.name, keyRange: last.range, value: value, expressionRange: nil), to: parent)
        }
        return element
    }

    /// Inserts `path = value` into `table`, creating the tables its dotted parts name.
    mutating func insert(
        _ path: [(name: String, range: Range<Int>)], value: ValueID, into root: TableID, inline: Bool,
        expression: Range<Int>
    ) throws(TOMLError) {
        var table = root
        let offset = expression.lowerBound
        for (index, part) in path.dropLast().enumerated() {
            if let entry = tree.entry(part.name, in: table) {
                guard let child = tree.tableID(of: entry.value) else {
                    throw error("`\(dotted(path.prefix(index + 1)))` is already defined and is not a table", at: part.range.lowerBound)
                }
                switch tree.tables[child].origin {
                case .dotted(let section) where !inline && section == currentSection:
                    break
                case .implicit where !inline:
                    tree.tables[child].origin = .dotted(section: currentSection)
                    tree.tables[child].section = currentSection
                case .inlineDotted where inline:
                    break
                default:
                    throw error("cannot add keys to table `\(dotted(path.prefix(index + 1)))` with dotted keys, it is defined elsewhere", at: part.range.lowerBound)
                }
                table = child
            } else {
                let child = tree.addTable(origin: inline ? .inlineDotted : .dotted(section: currentSection),
                                          section: inline ? nil : currentSection)
                let childValue = tree.addValue(.table(child), range: part.range.lowerBound..<part.range.lowerBound)
                _ = tree.addEntry(.init(key: part.name, keyRange: part.range, value: childValue, expressionRange: nil), to: table)
                table = child
            }
        }
        guard let last = path.last else { throw error("expected a key", at: offset) }
        if tree.entry(last.name, in: table) != nil {
            throw error("duplicate key `\(dotted(path))`", at: last.range.lowerBound)
        }
        _ = tree.addEntry(.init(key: last.name, keyRange: last.range, value: value, expressionRange: expression), to: table)
    }

    // MARK: Errors

    func error(_ reason: String, at offset: Int) -> TOMLError {
        TOMLError(reason, offset: offset, in: bytes)
    }

    func startsWith(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard pos + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for index in 0..<count where bytes[pos + index] != pointer[index] { return false }
        return true
    }

    func dotted<C: Collection>(_ path: C) -> String where C.Element == (name: String, range: Range<Int>) {
        path.map { TOMLSerializer.renderKey($0.name) }.joined(separator: ".")
    }
}
