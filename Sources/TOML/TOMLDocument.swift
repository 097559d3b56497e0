import Synchronization

/// A parsed TOML document that keeps its source byte for byte.
///
/// Printing a document (``text``) gives back exactly what was parsed, comments, whitespace,
/// quoting and key order included. ``root`` is a typed read view whose nodes know their source
/// positions; the editing methods (see `TOMLDocument+Editing.swift`) splice only the bytes of
/// what they change and parse the result again, so the document is always valid and in sync.
public struct TOMLDocument: Sendable {
    /// The source, its tree and its line index, shared by every copy of the document and by
    /// every node and view read from it: a node costs one reference, not one per array.
    /// Edits replace a document, never mutate it in place, so the storage is immutable.
    final class Storage: Sendable {
        let bytes: [UInt8]
        let tree: SyntaxTree
        /// The line index of ``bytes``, built on first use.
        let lineIndex = LineIndexCache()

        init(bytes: [UInt8], tree: SyntaxTree) {
            self.bytes = bytes
            self.tree = tree
        }
    }

    let storage: Storage

    /// The source, as UTF-8 bytes.
    public var bytes: [UInt8] { storage.bytes }

    var tree: SyntaxTree {
        _read { yield storage.tree }
    }

    /// Parses `text`; throws a ``TOMLError`` with line and column on invalid input.
    public init(parsing text: String) throws(TOMLError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// Parses raw bytes, which must be UTF-8.
    public init(parsing bytes: [UInt8]) throws(TOMLError) {
        var parser = Parser(bytes: bytes)
        storage = Storage(bytes: bytes, tree: try parser.parse())
    }

    /// Parses raw bytes, checking but not keeping the values of `keys` in elements of arrays of
    /// tables (`[[package]]`'s `wheels`, for a reader that never looks at them): each such value
    /// reads as `false`. Errors are those of a full parse; editing such a document is not meant.
    public init(parsing bytes: [UInt8], skippingElementKeys keys: Set<String>) throws(TOMLError) {
        var parser = Parser(bytes: bytes)
        parser.skippedElementKeys = keys
        storage = Storage(bytes: bytes, tree: try parser.parse())
    }

    /// The document's text, byte-identical to what was parsed (plus any edits).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The root table.
    public var root: TOMLTableView { TOMLTableView(document: self, table: SyntaxTree.rootTable) }

    /// The whole document as owned values.
    public func decoded() -> TOMLTable { tree.ownedTable(SyntaxTree.rootTable, in: bytes) }

    /// Line and column of a byte offset.
    public func location(ofOffset offset: Int) -> SourceLocation {
        storage.lineIndex.index(for: storage.bytes).location(of: offset, in: storage.bytes)
    }

    /// The node at a key path, e.g. `["tool", "uv", "sources"]`.
    public subscript(path: [String]) -> TOMLNode? {
        var table = root
        for (index, key) in path.enumerated() {
            guard let node = table[key] else { return nil }
            if index == path.count - 1 { return node }
            guard let next = node.table else { return nil }
            table = next
        }
        return nil
    }

    /// Whether the source uses `\r\n` line endings (judged by its first line ending).
    public var usesCRLF: Bool {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return false }
        return newline > 0 && bytes[newline - 1] == UInt8(ascii: "\r")
    }
}

/// The kind of a TOML node.
public enum TOMLKind: Sendable, Equatable {
    case string, integer, float, boolean, datetime, array, table

    /// `a string`, `an array`... for messages such as "expected a string".
    public var description: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .datetime: "a date-time"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A value in a parsed document, with its position.
public struct TOMLNode: Sendable {
    let document: TOMLDocument
    let value: SyntaxTree.ValueID
    /// The key under which this node is stored, for entries of tables.
    let entry: SyntaxTree.EntryID?

    var record: SyntaxTree.Value { document.tree.values[value] }

    public var kind: TOMLKind {
        switch record.node {
        case .plainString, .string: .string
        case .integer: .integer
        case .float: .float
        case .boolean: .boolean
        case .datetime: .datetime
        case .array: .array
        case .table: .table
        }
    }

    /// The byte range of the value's text (for tables made by headers or dotted keys, the
    /// range of the key that made them, which is empty).
    public var range: Range<Int> { record.range }

    /// Where the value starts; for a table without text of its own, where its key is.
    public var location: SourceLocation { document.location(ofOffset: offset) }

    /// The byte offset ``location`` describes: cheap to keep, turned into a line and column
    /// only when a message needs one.
    public var offset: Int {
        if record.range.isEmpty, let entry { return document.tree.entries[entry].keyRange.lowerBound }
        return record.range.lowerBound
    }

    /// For a `[header]` table, the range of its header text (`[a.b]`).
    public var headerRange: Range<Int>? {
        guard let table = document.tree.tableID(of: value), let section = document.tree.tables[table].section,
              document.tree.sections[section].table == table else { return nil }
        return document.tree.sections[section].headerRange
    }

    /// The byte offset of this entry's key, if the node is a table entry.
    public var keyOffset: Int? {
        entry.map { document.tree.entries[$0].keyRange.lowerBound }
    }

    /// Where the key of this entry is, if the node is a table entry.
    public var keyLocation: SourceLocation? {
        entry.map { document.location(ofOffset: document.tree.entries[$0].keyRange.lowerBound) }
    }

    /// The value's source text.
    public var sourceText: String { String(decoding: document.bytes[record.range], as: UTF8.self) }

    public var string: String? { document.tree.string(value, in: document.bytes) }

    public var integer: Int64? {
        if case .integer(let number) = record.node { return number }
        return nil
    }

    public var float: Double? {
        if case .float(let number) = record.node { return number }
        return nil
    }

    public var boolean: Bool? {
        if case .boolean(let flag) = record.node { return flag }
        return nil
    }

    public var datetime: TOMLDateTime? {
        if case .datetime(let index) = record.node { return document.tree.datetimes[index] }
        return nil
    }

    public var array: TOMLArrayView? {
        document.tree.arrayID(of: value).map { TOMLArrayView(document: document, array: $0) }
    }

    public var table: TOMLTableView? {
        document.tree.tableID(of: value).map { TOMLTableView(document: document, table: $0) }
    }

    /// The node as an owned value.
    public var owned: TOMLValue { document.tree.owned(value, in: document.bytes) }
}

/// A table in a parsed document: keys in source order, values as ``TOMLNode``s.
public struct TOMLTableView: Sendable {
    let document: TOMLDocument
    let table: SyntaxTree.TableID

    public var keys: [String] { document.tree.keys(of: table) }

    public subscript(key: String) -> TOMLNode? {
        guard let entry = document.tree.entryID(key, in: table) else { return nil }
        return TOMLNode(document: document, value: document.tree.entries[entry].value, entry: entry)
    }

    /// Key-node pairs in source order.
    public var entries: [(key: String, node: TOMLNode)] {
        keys.compactMap { key in self[key].map { (key, $0) } }
    }

    /// Whether this is an inline table (`{ ... }`).
    public var isInline: Bool {
        switch document.tree.tables[table].origin {
        case .inline, .inlineDotted: true
        default: false
        }
    }

    public var owned: TOMLTable { document.tree.ownedTable(table, in: document.bytes) }
}

/// An array in a parsed document (a value array or an array of tables).
public struct TOMLArrayView: RandomAccessCollection, Sendable {
    let document: TOMLDocument
    let array: SyntaxTree.ArrayID

    public var startIndex: Int { 0 }
    public var endIndex: Int { document.tree.arrays[array].items.count }

    public subscript(position: Int) -> TOMLNode {
        TOMLNode(document: document, value: document.tree.arrays[array].items[position], entry: nil)
    }

    /// Whether this is an array of tables (`[[name]]`).
    public var isArrayOfTables: Bool { document.tree.arrays[array].isArrayOfTables }

    /// The byte range from `[` to `]` of a value array.
    public var range: Range<Int> { document.tree.arrays[array].range }
}

/// A lazily built ``LineIndex`` shared by copies of one document.
final class LineIndexCache: Sendable {
    private let storage = Mutex<LineIndex?>(nil)

    func index(for bytes: [UInt8]) -> LineIndex {
        storage.withLock { cached in
            if let cached { return cached }
            let built = LineIndex(bytes)
            cached = built
            return built
        }
    }
}
