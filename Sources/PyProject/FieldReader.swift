import TOML

/// Typed reads from a parsed document with serde-style messages at the value's position, the
/// way uv reports a malformed `pyproject.toml` (`invalid type: integer \`1\`, expected a string`).
struct FieldReader {
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
    func unexpected(_ node: TOMLNode) -> String {
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

    func bool(_ node: TOMLNode) throws(TOMLError) -> Bool {
        guard let value = node.boolean else { throw typeError(node, expected: "a boolean") }
        return value
    }

    func table(_ node: TOMLNode, expected: String = "a table") throws(TOMLError) -> TOMLTableView {
        guard let value = node.table else { throw typeError(node, expected: expected) }
        return value
    }

    func array(_ node: TOMLNode, expected: String = "a sequence") throws(TOMLError) -> TOMLArrayView {
        guard let value = node.array else { throw typeError(node, expected: expected) }
        return value
    }

    func strings(_ node: TOMLNode) throws(TOMLError) -> [String] {
        var result: [String] = []
        for item in try array(node) { result.append(try string(item)) }
        return result
    }

    /// A table of strings (`[project.scripts]`, `[project.urls]`).
    func stringTable(_ node: TOMLNode) throws(TOMLError) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        for (key, value) in try table(node).entries { result.append((key, try string(value))) }
        return result
    }

    func optionalString(_ table: TOMLTableView, _ key: String) throws(TOMLError) -> String? {
        guard let node = table[key] else { return nil }
        return try string(node)
    }

    func optionalBool(_ table: TOMLTableView, _ key: String) throws(TOMLError) -> Bool? {
        guard let node = table[key] else { return nil }
        return try bool(node)
    }

    func optionalStrings(_ table: TOMLTableView, _ key: String) throws(TOMLError) -> [String]? {
        guard let node = table[key] else { return nil }
        return try strings(node)
    }

    /// One of a fixed set of strings, with serde's `unknown variant` message.
    func variant<T>(_ node: TOMLNode, _ choices: [(String, T)]) throws(TOMLError) -> T {
        let text = try string(node)
        if let match = choices.first(where: { $0.0 == text }) { return match.1 }
        let expected = choices.map { "`\($0.0)`" }.joined(separator: ", ")
        throw error("unknown variant `\(text)`, expected one of \(expected)", at: node)
    }

    func missingField(_ field: String, in node: TOMLNode?) -> TOMLError {
        guard let node else { return TOMLError("missing field `\(field)`", offset: 0, in: document.bytes) }
        return error("missing field `\(field)`", at: node)
    }
}
