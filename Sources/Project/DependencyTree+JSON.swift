extension DependencyTree {
    /// The schema name and version written as `"schema"` (see `docs/tree-json.md`).
    public static let jsonSchema = "suv-tree/1"

    /// The tree as suv's JSON document (`suv tree --format json`, `docs/tree-json.md`): the
    /// same nodes, order and marks as the text, two-space indented, ending with a newline.
    public func json() -> String {
        var out = "{\n"
        out += "  \"schema\": \(Self.quoted(Self.jsonSchema)),\n"
        out += "  \"inverted\": \(inverted),\n"
        out += "  \"roots\": "
        writeNodes(roots, indent: "  ", into: &out)
        out += "\n}\n"
        return out
    }

    private func writeNodes(_ nodes: [Node], indent: String, into out: inout String) {
        guard !nodes.isEmpty else {
            out += "[]"
            return
        }
        out += "[\n"
        for (index, node) in nodes.enumerated() {
            writeNode(node, indent: indent + "  ", into: &out)
            out += index == nodes.count - 1 ? "\n" : ",\n"
        }
        out += indent + "]"
    }

    private func writeNode(_ node: Node, indent: String, into out: inout String) {
        let inner = indent + "  "
        var fields: [String] = []
        fields.append("\"name\": \(Self.quoted(node.name.description))")
        fields.append("\"version\": \(node.version.map(Self.quoted) ?? "null")")
        if !node.extras.isEmpty { fields.append("\"extras\": [\(node.extras.map(Self.quoted).joined(separator: ", "))]") }
        switch node.edge {
        case .extra(let extra)?: fields.append("\"extra\": \(Self.quoted(extra))")
        case .group(let group)?: fields.append("\"group\": \(Self.quoted(group))")
        case .production?, nil: break
        }
        if let size = node.size { fields.append("\"size\": \(size)") }
        if let latest = node.latest { fields.append("\"latest\": \(Self.quoted(latest))") }
        switch node.mark {
        case .repeated?: fields.append("\"repeated\": true")
        case .cycle?: fields.append("\"cycle\": true")
        case nil: break
        }
        out += indent + "{\n"
        for field in fields { out += inner + field + ",\n" }
        out += inner + "\"\(inverted ? "dependents" : "dependencies")\": "
        writeNodes(node.children, indent: inner, into: &out)
        out += "\n" + indent + "}"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
