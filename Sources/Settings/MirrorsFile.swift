import TOML

/// suv's own `mirrors.toml` (user or system level): prefix rules that uv's and pip's files
/// cannot hold (uv rejects unknown top-level keys in `uv.toml`).
///
/// ```toml
/// [[mirror]]
/// canonical = "https://files.example/packages/"
/// url = "https://mirror.corp.example/pypi/packages/"
/// ```
///
/// Every entry needs both keys; unknown keys are errors (reported at their line and column).
enum MirrorsFile {
    /// The rules of a file, in file order.
    static func rules(parsing text: String, path: String, level: ConfigurationLevel) throws(MirrorConfigurationError) -> [MirrorRule] {
        do {
            return try read(text, origin: .mirrorsFile(path: path, level: level))
        } catch {
            throw .invalidFile(path: path, error)
        }
    }

    private static func read(_ text: String, origin: MirrorOrigin) throws(TOMLError) -> [MirrorRule] {
        let document = try TOMLDocument(parsing: text)
        // At a table's header, else at the value (as uv's serde errors point).
        func fail(_ reason: String, _ node: TOMLNode) -> TOMLError {
            if let header = node.headerRange {
                return TOMLError(reason, offset: header.lowerBound, length: header.count, in: document.bytes)
            }
            if node.range.isEmpty { return TOMLError(reason, offset: node.keyOffset ?? node.range.lowerBound, in: document.bytes) }
            return TOMLError(reason, offset: node.range.lowerBound, length: node.range.count, in: document.bytes)
        }
        for (key, node) in document.root.entries where key != "mirror" {
            throw TOMLError("unknown field `\(key)`, expected `mirror`", offset: node.keyOffset ?? node.range.lowerBound,
                            length: key.utf8.count, in: document.bytes)
        }
        guard let list = document.root["mirror"] else { return [] }
        guard let entries = list.array else { throw fail("invalid type: expected an array of `[[mirror]]` tables", list) }
        var rules: [MirrorRule] = []
        for entry in entries {
            guard let table = entry.table else { throw fail("invalid type: expected a `[[mirror]]` table", entry) }
            for (key, node) in table.entries where key != "canonical" && key != "url" {
                throw TOMLError("unknown field `\(key)`, expected `canonical` or `url`",
                                offset: node.keyOffset ?? node.range.lowerBound, length: key.utf8.count, in: document.bytes)
            }
            func prefix(_ key: String) throws(TOMLError) -> (prefix: MirrorPrefix, credentials: IndexCredentials?) {
                guard let node = table[key] else { throw fail("missing field `\(key)`", entry) }
                guard let text = node.string else { throw fail("invalid type: expected a string", node) }
                do {
                    return try MirrorPrefix.parse(text)
                } catch {
                    throw fail(error.message, node)
                }
            }
            let canonical = try prefix("canonical")
            let mirror = try prefix("url")
            if canonical.prefix.stem == mirror.prefix.stem {
                throw fail("the mirror rule maps `\(canonical.prefix)` to itself", entry)
            }
            rules.append(MirrorRule(canonical: canonical.prefix, mirror: mirror.prefix,
                                    mirrorCredentials: mirror.credentials, origin: origin))
        }
        return rules
    }
}
