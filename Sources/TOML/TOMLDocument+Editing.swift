/// Format-preserving edits. Each edit splices the bytes of what it changes, parses the result
/// and keeps it only if it is valid TOML, so a failed edit leaves the document untouched.
extension TOMLDocument {
    /// The line ending new lines get: the document's own (`\r\n` for CRLF files).
    public var newline: String { usesCRLF ? "\r\n" : "\n" }

    /// Replaces the bytes in `range` with `text`, then re-parses.
    public mutating func replace(_ range: Range<Int>, with text: String) throws(TOMLEditError) {
        var edited = bytes
        edited.replaceSubrange(range, with: Array(text.utf8))
        do {
            self = try TOMLDocument(parsing: edited)
        } catch {
            throw TOMLEditError("the edit would make the document invalid: \(error.message)")
        }
    }

    /// Sets the value at `path`, creating tables as needed (see ``setValueText(_:at:)``).
    public mutating func setValue(_ value: TOMLValue, at path: [String]) throws(TOMLEditError) {
        try setValueText(TOMLSerializer.renderInline(value), at: path)
    }

    /// Sets the value at `path` to already-rendered TOML value text.
    ///
    /// An existing value is replaced in place. A new key goes after the last key-value of its
    /// table's section (or inside an inline table, before its `}`); a missing table becomes a
    /// new `[header]` section placed after the last section of its nearest existing ancestor.
    ///
    /// With `beforeKey`, a new key is placed on the line before that sibling's key-value
    /// instead (used to keep sorted tables sorted).
    public mutating func setValueText(_ text: String, at path: [String], beforeKey: String? = nil) throws(TOMLEditError) {
        guard let key = path.last else { throw TOMLEditError("an empty key path cannot be set") }
        if self[path] == nil, let beforeKey, let parent = try existingTable(at: Array(path.dropLast())),
           let siblingID = tree.entryID(beforeKey, in: parent),
           let expression = tree.entries[siblingID].expressionRange, tree.tables[parent].origin != .inline {
            let lineStart = lineRange(of: expression).lowerBound
            let indentation = slice(lineStart..<expression.lowerBound)
            try replace(lineStart..<lineStart, with: indentation + TOMLSerializer.renderKey(key) + " = " + text + newline)
            return
        }
        if let node = self[path] {
            guard !node.range.isEmpty else {
                throw TOMLEditError("`\(Self.dotted(path))` is a table and cannot be replaced by a value")
            }
            try replace(node.range, with: text)
            return
        }
        let parentPath = Array(path.dropLast())
        guard let parent = try existingTable(at: parentPath) else {
            try insertSection(for: parentPath, body: TOMLSerializer.renderKey(key) + " = " + text + newline)
            return
        }
        let origin = tree.tables[parent].origin
        switch origin {
        case .inline:
            try insertIntoInlineTable(parent, at: parentPath, line: TOMLSerializer.renderKey(key) + " = " + text)
        case .inlineDotted:
            throw TOMLEditError("cannot add `\(key)` to `\(Self.dotted(parentPath))`, a table made of dotted keys inside an inline table")
        case .implicit:
            try insertSectionHeader(for: parent, path: parentPath, body: TOMLSerializer.renderKey(key) + " = " + text + newline)
        case .root, .header, .arrayElement, .dotted:
            guard let sectionIndex = tree.tables[parent].section else {
                throw TOMLEditError("`\(Self.dotted(parentPath))` has no section to add keys to")
            }
            let relative = relativeKeyPath(of: parentPath, inSection: sectionIndex) + [key]
            let line = relative.map(TOMLSerializer.renderKey).joined(separator: ".") + " = " + text
            try insertLine(line, inSection: sectionIndex)
        }
    }

    /// Removes the entry at `path` (a value, or a table with everything in it).
    /// Returns false when there was nothing to remove.
    @discardableResult
    public mutating func removeValue(at path: [String]) throws(TOMLEditError) -> Bool {
        guard let key = path.last, self[path] != nil else { return false }
        let parentPath = Array(path.dropLast())
        guard let parent = try existingTable(at: parentPath), let entryID = tree.entryID(key, in: parent) else { return false }
        let entry = tree.entries[entryID]
        if let expression = entry.expressionRange {
            if case .inline = tree.tables[parent].origin {
                try replace(inlineRemovalRange(expression, in: parent), with: "")
            } else {
                try replace(lineRange(of: expression), with: "")
            }
            return true
        }
        // A table without text of its own: remove its sections and its key-value lines.
        var ranges: [Range<Int>] = []
        collectRemovals(of: entry.value, into: &ranges)
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var edited = bytes
        for range in merged.reversed() {
            edited.removeSubrange(range)
        }
        do {
            self = try TOMLDocument(parsing: edited)
        } catch {
            throw TOMLEditError("removing `\(Self.dotted(path))` would make the document invalid: \(error.message)")
        }
        return true
    }

    /// Replaces the value array at `path` with a re-laid-out version of it.
    public mutating func setArrayLayout(_ layout: TOMLArrayLayout, at path: [String]) throws(TOMLEditError) {
        guard let node = self[path], node.array != nil, !node.range.isEmpty else {
            throw TOMLEditError("`\(Self.dotted(path))` is not an array")
        }
        try replace(node.range, with: layout.render())
    }

    /// Inserts a value into the array at `path`, in the array's style.
    public mutating func insertArrayItem(_ value: TOMLValue, at index: Int, inArrayAt path: [String]) throws(TOMLEditError) {
        guard var layout = arrayLayout(at: path) else { throw TOMLEditError("`\(Self.dotted(path))` is not an array") }
        guard index >= 0, index <= layout.items.count else { throw TOMLEditError("index \(index) is out of range") }
        layout.insert(TOMLSerializer.renderInline(value), at: index)
        try setArrayLayout(layout, at: path)
    }

    /// Appends a value to the array at `path`, in the array's style.
    public mutating func appendArrayItem(_ value: TOMLValue, inArrayAt path: [String]) throws(TOMLEditError) {
        guard let count = arrayLayout(at: path)?.items.count else { throw TOMLEditError("`\(Self.dotted(path))` is not an array") }
        try insertArrayItem(value, at: count, inArrayAt: path)
    }

    /// Removes the array item at `index`; its comments stay as standalone lines.
    public mutating func removeArrayItem(at index: Int, inArrayAt path: [String]) throws(TOMLEditError) {
        guard var layout = arrayLayout(at: path) else { throw TOMLEditError("`\(Self.dotted(path))` is not an array") }
        guard index >= 0, index < layout.items.count else { throw TOMLEditError("index \(index) is out of range") }
        layout.remove(at: index)
        try setArrayLayout(layout, at: path)
    }

    // MARK: Locating tables

    /// The table at `path`, or nil when some part is missing; throws when a part is not a table.
    func existingTable(at path: [String]) throws(TOMLEditError) -> SyntaxTree.TableID? {
        var table = SyntaxTree.rootTable
        for (index, key) in path.enumerated() {
            guard let entryID = tree.entryID(key, in: table) else { return nil }
            let value = tree.entries[entryID].value
            if let child = tree.tableID(of: value) {
                table = child
            } else if let array = tree.arrayID(of: value), tree.arrays[array].isArrayOfTables,
                      let last = tree.arrays[array].items.last, let child = tree.tableID(of: last) {
                table = child
            } else {
                throw TOMLEditError("`\(Self.dotted(path.prefix(index + 1)))` is not a table")
            }
        }
        return table
    }

    /// For a table made by dotted keys, the key path from its section's table to it.
    private func relativeKeyPath(of path: [String], inSection section: Int) -> [String] {
        var table = SyntaxTree.rootTable
        var sectionDepth = 0
        for (index, key) in path.enumerated() {
            guard let entryID = tree.entryID(key, in: table) else { break }
            let value = tree.entries[entryID].value
            if let child = tree.tableID(of: value) {
                table = child
            } else if let array = tree.arrayID(of: value), let last = tree.arrays[array].items.last, let child = tree.tableID(of: last) {
                table = child
            }
            if tree.sections[section].table == table { sectionDepth = index + 1 }
        }
        return Array(path.dropFirst(sectionDepth))
    }

    // MARK: Inserting

    private mutating func insertLine(_ line: String, inSection index: Int) throws(TOMLEditError) {
        let section = tree.sections[index]
        var offset = section.lastExpressionLineEnd
        var text = indentation(ofSection: index) + line + newline
        if offset > 0, bytes[offset - 1] != UInt8(ascii: "\n") {
            text = newline + text
        }
        if index == 0, section.lastExpressionLineEnd == section.bodyStart {
            // Nothing at the root yet: put the key at the very top (after a BOM).
            offset = section.bodyStart
            if offset < bytes.count { text += newline }
        }
        try replace(offset..<offset, with: text)
    }

    /// The indentation of the section's last key-value line.
    private func indentation(ofSection index: Int) -> String {
        let section = tree.sections[index]
        guard section.lastExpressionLineEnd > section.bodyStart else { return "" }
        var lineStart = section.lastExpressionLineEnd - 1
        if lineStart >= 0, bytes[lineStart] == UInt8(ascii: "\n") { lineStart -= 1 }
        // Find the start of the last expression's first line: walk entries would be exact, but
        // the last line's indentation is what a reader sees.
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var end = lineStart
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return slice(lineStart..<end)
    }

    private mutating func insertIntoInlineTable(_ table: SyntaxTree.TableID, at path: [String], line: String) throws(TOMLEditError) {
        guard let node = self[path] else { throw TOMLEditError("`\(Self.dotted(path))` is missing") }
        let range = node.range
        var close = range.upperBound - 1
        while close > range.lowerBound + 1, bytes[close - 1] == UInt8(ascii: " ") || bytes[close - 1] == UInt8(ascii: "\t") {
            close -= 1
        }
        if tree.tables[table].count == 0 {
            try replace(range, with: "{ " + line + " }")
        } else {
            try replace(close..<close, with: ", " + line)
        }
    }

    /// A new `[header]` section for a missing table, after the last section of the nearest
    /// existing ancestor (the end of the document when that ancestor is the root).
    /// Appends a `[[path]]` element with the key-value lines `body`: after the last element
    /// when the array of tables exists, else where a new `[path]` section would go.
    public mutating func appendArrayOfTablesElement(at path: [String], body: String) throws(TOMLEditError) {
        try insertSection(for: path, body: body, arrayOfTables: true)
    }

    private mutating func insertSection(for path: [String], body: String, arrayOfTables: Bool = false) throws(TOMLEditError) {
        var ancestorPath = arrayOfTables ? path + [""] : path
        var ancestor: SyntaxTree.TableID?
        while !ancestorPath.isEmpty {
            ancestorPath.removeLast()
            if let found = try existingTable(at: ancestorPath) {
                ancestor = found
                break
            }
        }
        var offset = bytes.count
        if let ancestor, ancestor != SyntaxTree.rootTable {
            let subtree = sectionsInSubtree(of: ancestor)
            if let last = subtree.max() {
                offset = tree.sections[last].lastExpressionLineEnd
            }
        }
        if arrayOfTables, let node = self[path], let array = tree.arrayID(of: node.value), tree.arrays[array].isArrayOfTables {
            let sections = tree.arrays[array].items.compactMap { tree.tableID(of: $0) }.flatMap { sectionsInSubtree(of: $0) }
            if let last = sections.max() { offset = tree.sections[last].lastExpressionLineEnd }
        }
        let name = path.map(TOMLSerializer.renderKey).joined(separator: ".")
        let header = (arrayOfTables ? "[[" + name + "]]" : "[" + name + "]") + newline
        var text = header + body
        if offset > 0 {
            text = (bytes[offset - 1] == UInt8(ascii: "\n") ? newline : newline + newline) + text
        }
        try replace(offset..<offset, with: text)
    }

    /// Gives an implicit table (one that exists only as the parent of headers) its own header,
    /// just before the first section inside it.
    private mutating func insertSectionHeader(for table: SyntaxTree.TableID, path: [String], body: String) throws(TOMLEditError) {
        guard let first = sectionsInSubtree(of: table).min(), let header = tree.sections[first].headerRange else {
            try insertSection(for: path, body: body)
            return
        }
        var lineStart = header.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let text = "[" + path.map(TOMLSerializer.renderKey).joined(separator: ".") + "]" + newline + body + newline
        try replace(lineStart..<lineStart, with: text)
    }

    /// Every section whose table lies in the subtree of `table` (itself included).
    private func sectionsInSubtree(of table: SyntaxTree.TableID) -> [Int] {
        var result: [Int] = []
        var stack = [table]
        while let current = stack.popLast() {
            if let section = tree.tables[current].section, tree.sections[section].table == current {
                result.append(section)
            }
            for entryID in tree.entryIDs(of: current) {
                let value = tree.entries[entryID].value
                if let child = tree.tableID(of: value) {
                    stack.append(child)
                } else if let array = tree.arrayID(of: value), tree.arrays[array].isArrayOfTables {
                    stack.append(contentsOf: tree.arrays[array].items.compactMap { tree.tableID(of: $0) })
                }
            }
        }
        return result
    }

    // MARK: Removing

    /// The full lines an expression occupies, newline included.
    private func lineRange(of expression: Range<Int>) -> Range<Int> {
        var start = expression.lowerBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        var end = expression.upperBound
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end < bytes.count { end += 1 }
        return start..<end
    }

    private func inlineRemovalRange(_ expression: Range<Int>, in table: SyntaxTree.TableID) -> Range<Int> {
        var end = expression.upperBound
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: ",") {
            end += 1
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
            return expression.lowerBound..<end
        }
        var start = expression.lowerBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
        if start > 0, bytes[start - 1] == UInt8(ascii: ",") {
            return (start - 1)..<expression.upperBound
        }
        return expression
    }

    private func collectRemovals(of value: SyntaxTree.ValueID, into ranges: inout [Range<Int>]) {
        let tables: [SyntaxTree.TableID]
        if let table = tree.tableID(of: value) {
            tables = [table]
        } else if let array = tree.arrayID(of: value), tree.arrays[array].isArrayOfTables {
            tables = tree.arrays[array].items.compactMap { tree.tableID(of: $0) }
        } else {
            return
        }
        for table in tables {
            if let section = tree.tables[table].section, tree.sections[section].table == table,
               let header = tree.sections[section].headerRange {
                var start = header.lowerBound
                while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                ranges.append(start..<tree.sections[section].end)
            }
            for entryID in tree.entryIDs(of: table) {
                let entry = tree.entries[entryID]
                if let expression = entry.expressionRange {
                    ranges.append(lineRange(of: expression))
                } else {
                    collectRemovals(of: entry.value, into: &ranges)
                }
            }
        }
    }

    static func dotted<C: Collection>(_ path: C) -> String where C.Element == String {
        path.map(TOMLSerializer.renderKey).joined(separator: ".")
    }
}
