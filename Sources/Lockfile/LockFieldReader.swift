import TOML

/// Typed reads from a parsed lock with serde-style messages at the value's position, the way
/// uv reports a malformed `uv.lock` (`invalid type: integer \`3\`, expected a string`).
struct LockFieldReader {
    let document: TOMLDocument

    func error(_ reason: String, at node: TOMLNode) -> TOMLError {
        if let header = node.headerRange {
            return TOMLError(reason, offset: header.lowerBound, length: header.count, in: document.bytes)
        }
        if node.range.isEmpty {
            return TOMLError(reason, offset: node.keyOffset ?? node.range.lowerBound, in: document.bytes)
        }
        return TOMLError(reason, offset: node.range.lowerBound, length: node.range.count, in: document.bytes)
    }

    /// How serde names a value it did not expect.
    private func unexpected(_ node: TOMLNode) -> String {
        switch node.kind {
        case .string: "string \"\(node.string ?? "")\""
        case .integer: "integer `\(node.integer.map(String.init) ?? "")`"
        case .float: "floating point `\(node.sourceText)`"
        case .boolean: "boolean `\(node.boolean.map(String.init) ?? "")`"
        case .datetime: "datetime `\(node.sourceText)`"
        case .array: "sequence"
        case .table: "map"
        }
    }

    func typeError(_ node: TOMLNode, expected: String) -> TOMLError {
        error("invalid type: \(unexpected(node)), expected \(expected)", at: node)
    }

    func string(_ node: TOMLNode) throws(TOMLError) -> String {
        guard let value = node.string else { throw typeError(node, expected: "a string") }
        return value
    }

    func integer(_ node: TOMLNode) throws(TOMLError) -> Int64 {
        guard let value = node.integer else { throw typeError(node, expected: "an integer") }
        return value
    }

    func unsigned(_ node: TOMLNode) throws(TOMLError) -> UInt64 {
        let value = try integer(node)
        guard value >= 0 else { throw error("invalid value: integer `\(value)`, expected u64", at: node) }
        return UInt64(value)
    }

    func table(_ node: TOMLNode) throws(TOMLError) -> TOMLTableView {
        guard let value = node.table else { throw typeError(node, expected: "a table") }
        return value
    }

    func array(_ node: TOMLNode) throws(TOMLError) -> TOMLArrayView {
        guard let value = node.array else { throw typeError(node, expected: "a sequence") }
        return value
    }

    func strings(_ node: TOMLNode) throws(TOMLError) -> [String] {
        var result: [String] = []
        for item in try array(node) { result.append(try string(item)) }
        return result
    }

    func optionalString(_ table: TOMLTableView, _ key: String) throws(TOMLError) -> String? {
        guard let node = table[key] else { return nil }
        return try string(node)
    }

    func optionalStrings(_ table: TOMLTableView, _ key: String) throws(TOMLError) -> [String] {
        guard let node = table[key] else { return [] }
        return try strings(node)
    }

    /// A required string key of the table at `node`.
    func requiredString(_ table: TOMLTableView, _ key: String, in node: TOMLNode?) throws(TOMLError) -> String {
        guard let value = table[key] else { throw missingField(key, in: node) }
        return try string(value)
    }

    /// Each table of an array (inline tables or `[[...]]`).
    func tables(_ node: TOMLNode) throws(TOMLError) -> [(node: TOMLNode, table: TOMLTableView)] {
        var result: [(node: TOMLNode, table: TOMLTableView)] = []
        for item in try array(node) { result.append((item, try table(item))) }
        return result
    }

    /// serde's `missing field` at the table (its header, or the start of the file for the root).
    func missingField(_ field: String, in node: TOMLNode?) -> TOMLError {
        guard let node else { return TOMLError("missing field `\(field)`", offset: 0, in: document.bytes) }
        return error("missing field `\(field)`", at: node)
    }
}
