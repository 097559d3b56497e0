/// The parsed structure of a TOML source: an arena of tables, arrays, values and key-value
/// entries, each carrying the byte range it was read from.
///
/// The source bytes themselves are kept by ``TOMLDocument``; this tree only points into them,
/// which is what makes printing lossless (print = the source) and edits minimal (an edit splices
/// the bytes of the one node it changes).
struct SyntaxTree: Sendable {
    typealias TableID = Int
    typealias ArrayID = Int
    typealias ValueID = Int
    typealias EntryID = Int

    /// How a table came to exist; decides which later definitions may extend it.
    enum TableOrigin: Sendable, Equatable {
        /// The document root.
        case root
        /// A `[header]` table.
        case header
        /// Created as a parent of a header (`a` in `[a.b]`); may still get its own header.
        case implicit
        /// Created by a dotted key (`a` in `a.b = 1`) in the given section.
        case dotted(section: Int)
        /// An inline table `{ ... }`; frozen once closed.
        case inline
        /// Created by a dotted key inside an inline table.
        case inlineDotted
        /// An element of an array of tables (`[[a]]`).
        case arrayElement
    }

    enum Node: Sendable {
        /// A string whose text is exactly the bytes between its quotes (a one-line basic string
        /// without escapes, or a one-line literal string): read from the source when asked
        /// for, so parsing allocates nothing for it. Lock files are mostly such strings.
        case plainString
        /// Any other string (escapes, multi-line), decoded while parsing.
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        /// An index into ``SyntaxTree/datetimes`` (kept aside: a date-time is several times
        /// larger than any other node, and every node would pay for it).
        case datetime(Int)
        case array(ArrayID)
        case table(TableID)
    }

    struct Value: Sendable {
        var node: Node
        /// The value's text; empty for tables that have no text of their own.
        var range: Range<Int>
    }

    /// A table's entries form a list through ``Entry/next`` (in insertion order), so a table
    /// costs no allocation of its own: most tables of a lock file are inline tables of two to
    /// four keys, thousands of them. A table that grows past ``lookupThreshold`` keys also gets
    /// a dictionary.
    struct Table: Sendable {
        var firstEntry: EntryID = -1
        var lastEntry: EntryID = -1
        var count = 0
        var lookup: [String: EntryID]?
        var origin: TableOrigin
        /// The section (`[header]` block) holding this table's key-values, if it has one.
        var section: Int?
    }

    struct ArrayNode: Sendable {
        var items: [ValueID] = []
        /// `[` through `]` for a value array; empty for an array of tables.
        var range: Range<Int>
        var isArrayOfTables: Bool
    }

    struct Entry: Sendable {
        var key: String
        /// The key segment's text (`"b"` in `a."b".c`).
        var keyRange: Range<Int>
        var value: ValueID
        /// The whole `key = value` expression for entries written as one; nil for tables
        /// created implicitly by headers or dotted keys.
        var expressionRange: Range<Int>?
        /// The table's next entry, or -1.
        var next: EntryID = -1
    }

    /// A block of the document: the root block before the first header, or one `[header]` or
    /// `[[header]]` and the key-values after it.
    struct Section: Sendable {
        var table: TableID
        /// `[a.b]` or `[[a.b]]`; nil for the root section.
        var headerRange: Range<Int>?
        /// Offset just past the end of the header line (its newline included), or 0.
        var bodyStart: Int
        /// Offset where the next section's header line starts, or the end of the source.
        var end: Int
        /// Offset just past the line of the last key-value expression (newline included when
        /// present), or ``bodyStart`` when the section has none.
        var lastExpressionLineEnd: Int
    }

    var tables: [Table] = [Table(origin: .root, section: 0)]
    var arrays: [ArrayNode] = []
    var values: [Value] = []
    var entries: [Entry] = []
    var datetimes: [TOMLDateTime] = []
    var sections: [Section] = [Section(table: 0, headerRange: nil, bodyStart: 0, end: 0, lastExpressionLineEnd: 0)]

    static let rootTable: TableID = 0

    mutating func addValue(_ node: Node, range: Range<Int>) -> ValueID {
        values.append(Value(node: node, range: range))
        return values.count - 1
    }

    mutating func addDateTime(_ datetime: TOMLDateTime, range: Range<Int>) -> ValueID {
        datetimes.append(datetime)
        return addValue(.datetime(datetimes.count - 1), range: range)
    }

    mutating func addTable(origin: TableOrigin, section: Int? = nil) -> TableID {
        tables.append(Table(origin: origin, section: section))
        return tables.count - 1
    }

    mutating func addArray(range: Range<Int>, isArrayOfTables: Bool) -> ArrayID {
        arrays.append(ArrayNode(range: range, isArrayOfTables: isArrayOfTables))
        return arrays.count - 1
    }

    static let lookupThreshold = 8

    /// Appends an entry whose key the table does not have yet (the parser checks first).
    mutating func addEntry(_ entry: Entry, to table: TableID) -> EntryID {
        entries.append(entry)
        let id = entries.count - 1
        if tables[table].lastEntry >= 0 {
            entries[tables[table].lastEntry].next = id
        } else {
            tables[table].firstEntry = id
        }
        tables[table].lastEntry = id
        tables[table].count += 1
        if tables[table].lookup != nil {
            tables[table].lookup?[entry.key] = id
        } else if tables[table].count > Self.lookupThreshold {
            var lookup: [String: EntryID] = [:]
            for existing in entryIDs(of: table) { lookup[entries[existing].key] = existing }
            tables[table].lookup = lookup
        }
        return id
    }

    /// The entry under `key` in `table`.
    func entryID(_ key: String, in table: TableID) -> EntryID? {
        if let lookup = tables[table].lookup { return lookup[key] }
        var id = tables[table].firstEntry
        while id >= 0 {
            if entries[id].key == key { return id }
            id = entries[id].next
        }
        return nil
    }

    func entry(_ key: String, in table: TableID) -> Entry? {
        entryID(key, in: table).map { entries[$0] }
    }

    /// The table's entries in insertion order.
    func entryIDs(of table: TableID) -> [EntryID] {
        var result: [EntryID] = []
        result.reserveCapacity(tables[table].count)
        var id = tables[table].firstEntry
        while id >= 0 {
            result.append(id)
            id = entries[id].next
        }
        return result
    }

    /// The table's keys in insertion order.
    func keys(of table: TableID) -> [String] {
        entryIDs(of: table).map { entries[$0].key }
    }

    /// The table a value holds, if it is one.
    func tableID(of value: ValueID) -> TableID? {
        if case .table(let id) = values[value].node { return id }
        return nil
    }

    func arrayID(of value: ValueID) -> ArrayID? {
        if case .array(let id) = values[value].node { return id }
        return nil
    }

    /// The text of the string `value` of a document with source `bytes`, if it is a string.
    func string(_ value: ValueID, in bytes: [UInt8]) -> String? {
        switch values[value].node {
        case .plainString:
            let range = values[value].range
            return String(decoding: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)], as: UTF8.self)
        case .string(let text):
            return text
        default:
            return nil
        }
    }

    /// Converts the subtree under `value` into an owned ``TOMLValue``.
    func owned(_ value: ValueID, in bytes: [UInt8]) -> TOMLValue {
        switch values[value].node {
        case .plainString: return .string(string(value, in: bytes) ?? "")
        case .string(let text): return .string(text)
        case .integer(let number): return .integer(number)
        case .float(let number): return .float(number)
        case .boolean(let flag): return .boolean(flag)
        case .datetime(let index): return .datetime(datetimes[index])
        case .array(let id): return .array(arrays[id].items.map { owned($0, in: bytes) })
        case .table(let id): return .table(ownedTable(id, in: bytes))
        }
    }

    func ownedTable(_ id: TableID, in bytes: [UInt8]) -> TOMLTable {
        var table = TOMLTable()
        for entryID in entryIDs(of: id) {
            table[entries[entryID].key] = owned(entries[entryID].value, in: bytes)
        }
        return table
    }
}
