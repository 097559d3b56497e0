/// The text of a value array split the way a formatter sees it: each item's value text with the
/// trivia before it (`prefix`: whitespace, newlines, comments after the previous comma) and
/// after it (`suffix`: up to its comma), plus whatever follows the last comma (`trailing`).
///
/// ``render()`` of an unmodified layout gives back the array's exact text, so edits made
/// through a layout change only what they touch. Comments are never dropped: removing an item
/// keeps the comments around it as standalone lines.
public struct TOMLArrayLayout: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var prefix: String
        public var value: String
        public var suffix: String

        public init(prefix: String, value: String, suffix: String) {
            self.prefix = prefix
            self.value = value
            self.suffix = suffix
        }
    }

    public var items: [Item]
    /// Whether a comma follows the last item.
    public var hasTrailingComma: Bool
    /// Text after the last comma (or, for an empty array, between the brackets).
    public var trailing: String
    /// The document's line ending, used for new lines.
    public var newline: String

    public init(items: [Item], hasTrailingComma: Bool, trailing: String, newline: String = "\n") {
        self.items = items
        self.hasTrailingComma = hasTrailingComma
        self.trailing = trailing
        self.newline = newline
    }

    /// The array's text, `[` to `]`.
    public func render() -> String {
        var text = "["
        for (index, item) in items.enumerated() {
            if index > 0 { text += "," }
            text += item.prefix + item.value + item.suffix
        }
        if hasTrailingComma && !items.isEmpty { text += "," }
        return text + trailing + "]"
    }

    /// Whether the array is laid out over several lines.
    public var isMultiline: Bool {
        items.contains { isBreaking($0.prefix) || isBreaking($0.suffix) } || isBreaking(trailing)
    }

    private func isBreaking(_ text: String) -> Bool {
        text.contains { $0 == "\n" || $0 == "\r\n" }
    }

    /// The indentation of the first item when it starts its own line, else nil.
    public var itemIndentation: String? {
        guard let first = items.first,
              let lastLine = first.prefix.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).last,
              first.prefix.contains(where: { $0 == "\n" || $0 == "\r\n" }) else { return nil }
        let indentation = lastLine.prefix { $0 == " " || $0 == "\t" }
        return String(indentation)
    }

    // MARK: Style-preserving edits

    /// Inserts a value's text at `index`, in the array's own style: one line per item when the
    /// array is multi-line (indented like its items), `, `-separated otherwise.
    public mutating func insert(_ value: String, at index: Int) {
        precondition(index >= 0 && index <= items.count, "index out of range")
        guard isMultiline else {
            insertSingleLine(value, at: index)
            return
        }
        let indentation = itemIndentation ?? "    "
        if index < items.count {
            // The new item takes the end-of-line comment of the item before it (the first line
            // of the next item's prefix) so that comment stays where it was.
            let (head, rest) = TOMLArrayLayout.splitFirstLine(items[index].prefix)
            items[index].prefix = rest.hasPrefix("\n") || rest.hasPrefix("\r\n") ? rest : newline + indentation + rest
            items.insert(Item(prefix: head + newline + indentation, value: value, suffix: ""), at: index)
            return
        }
        if items.isEmpty {
            items = [Item(prefix: newline + indentation, value: value, suffix: "")]
            hasTrailingComma = true
            trailing = newline
            return
        }
        // Appending: comments after the last item stay above the new one.
        let last = items.count - 1
        let carried = hasTrailingComma ? trailing : items[last].suffix
        let (commentText, closing) = TOMLArrayLayout.splitClosingLine(carried)
        if hasTrailingComma {
            trailing = closing.isEmpty ? newline : closing
            items.append(Item(prefix: commentText + newline + indentation, value: value, suffix: ""))
        } else {
            items[last].suffix = ""
            items.append(Item(prefix: commentText + newline + indentation, value: value, suffix: closing.isEmpty ? newline : closing))
        }
    }

    private mutating func insertSingleLine(_ value: String, at index: Int) {
        if items.isEmpty {
            items = [Item(prefix: "", value: value, suffix: "")]
            trailing = ""
            return
        }
        let separator = items.count > 1 ? items[1].prefix : " "
        if index == items.count {
            let last = items.count - 1
            let suffix = items[last].suffix
            items[last].suffix = ""
            items.append(Item(prefix: separator, value: value, suffix: suffix))
        } else if index == 0 {
            let prefix = items[0].prefix
            items[0].prefix = separator
            items.insert(Item(prefix: prefix, value: value, suffix: ""), at: 0)
        } else {
            items.insert(Item(prefix: separator, value: value, suffix: ""), at: index)
        }
    }

    /// Removes the item at `index`; comments attached to it are kept as standalone lines.
    public mutating func remove(at index: Int) {
        precondition(index >= 0 && index < items.count, "index out of range")
        let removed = items.remove(at: index)
        let comments = TOMLArrayLayout.commentLines(removed.prefix + removed.suffix)
        guard isMultiline || !comments.isEmpty else {
            if index == 0, !items.isEmpty {
                items[0].prefix = removed.prefix
            } else if index == items.count, index > 0 {
                items[index - 1].suffix += removed.suffix
            }
            if items.isEmpty { trailing = hasTrailingComma ? "" : trailing; hasTrailingComma = false }
            return
        }
        let indentation = itemIndentation ?? "    "
        // The first line of the removed item's prefix is the previous item's end-of-line comment.
        let (head, _) = TOMLArrayLayout.splitFirstLine(removed.prefix)
        let ownComments = TOMLArrayLayout.commentLines(removed.prefix).filter { !head.contains($0) }
            + TOMLArrayLayout.commentLines(removed.suffix)
        let standalone = ownComments.map { newline + indentation + $0 }.joined()
        if index < items.count {
            let (nextHead, nextRest) = TOMLArrayLayout.splitFirstLine(items[index].prefix)
            let nextHeadComment = TOMLArrayLayout.commentLines(nextHead).map { newline + indentation + $0 }.joined()
            items[index].prefix = head + standalone + nextHeadComment + nextRest
        } else if items.isEmpty {
            let rest = hasTrailingComma
                ? TOMLArrayLayout.dropFirstLineComment(trailing, indentation: indentation, newline: newline)
                : TOMLArrayLayout.dropFirstLineComment(removed.suffix, indentation: indentation, newline: newline, keepComments: false)
            trailing = head + standalone + (rest.isEmpty ? newline : rest)
            hasTrailingComma = false
        } else {
            let last = items.count - 1
            if hasTrailingComma {
                trailing = head + standalone + TOMLArrayLayout.dropFirstLineComment(trailing, indentation: indentation, newline: newline)
            } else {
                items[last].suffix += head + standalone + TOMLArrayLayout.dropFirstLineComment(removed.suffix, indentation: indentation, newline: newline, keepComments: false)
            }
        }
    }

    // MARK: Trivia helpers

    /// Splits trivia at its first line break: `(before, fromTheBreakOn)`.
    static func splitFirstLine(_ text: String) -> (String, String) {
        guard let newlineIndex = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) else { return (text, "") }
        var head = String(text[..<newlineIndex])
        if head.hasSuffix("\r") { head.removeLast() }
        let rest = String(text[newlineIndex...])
        return (head, rest)
    }

    /// Splits trivia before a closing bracket into its comment part and the final line break
    /// plus indentation of the bracket's line.
    static func splitClosingLine(_ text: String) -> (String, String) {
        guard let lastBreak = text.lastIndex(where: { $0 == "\n" || $0 == "\r\n" }) else {
            return (text.allSatisfy { $0 == " " || $0 == "\t" } ? "" : text, "")
        }
        let closing = String(text[lastBreak...])
        guard closing.dropFirst().allSatisfy({ $0 == " " || $0 == "\t" }) else { return (text, "") }
        var comments = String(text[..<lastBreak])
        if comments.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }) { comments = "" }
        return (comments, closing)
    }

    /// The comments in trivia, each trimmed, in order.
    public static func commentLines(_ trivia: String) -> [String] {
        trivia.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
            guard let hash = line.firstIndex(of: "#") else { return nil }
            var comment = String(line[hash...])
            while comment.last == " " || comment.last == "\t" || comment.last == "\r" { comment.removeLast() }
            return comment
        }
    }

    static func dropFirstLineComment(_ text: String, indentation: String, newline: String, keepComments: Bool = true) -> String {
        let (head, rest) = splitFirstLine(text)
        let comments = keepComments ? commentLines(head).map { newline + indentation + $0 }.joined() : ""
        return comments + rest
    }
}

extension TOMLDocument {
    /// The layout of the value array at `path`, or nil when there is no value array there.
    public func arrayLayout(at path: [String]) -> TOMLArrayLayout? {
        guard let node = self[path], let array = node.array, !array.isArrayOfTables else { return nil }
        let range = array.range
        var items: [TOMLArrayLayout.Item] = []
        var cursor = range.lowerBound + 1
        var pendingPrefix = ""
        let itemRanges = array.map(\.range)
        for (index, itemRange) in itemRanges.enumerated() {
            if index == 0 {
                pendingPrefix = slice(cursor..<itemRange.lowerBound)
            }
            let nextStart = index + 1 < itemRanges.count ? itemRanges[index + 1].lowerBound : range.upperBound - 1
            let gap = itemRange.upperBound..<nextStart
            let comma = commaOffset(in: gap)
            let suffixEnd = comma ?? gap.upperBound
            items.append(.init(prefix: pendingPrefix, value: slice(itemRange), suffix: slice(itemRange.upperBound..<suffixEnd)))
            cursor = comma.map { $0 + 1 } ?? gap.upperBound
            pendingPrefix = slice(cursor..<nextStart)
            if index + 1 == itemRanges.count {
                let hasComma = comma != nil
                return TOMLArrayLayout(items: items, hasTrailingComma: hasComma, trailing: hasComma ? pendingPrefix : "",
                                       newline: usesCRLF ? "\r\n" : "\n")
            }
        }
        return TOMLArrayLayout(items: [], hasTrailingComma: false, trailing: slice(cursor..<(range.upperBound - 1)),
                               newline: usesCRLF ? "\r\n" : "\n")
    }

    func slice(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The offset of the comma in trivia between array items, skipping comments.
    private func commaOffset(in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            switch bytes[index] {
            case UInt8(ascii: ","): return index
            case UInt8(ascii: "#"):
                while index < range.upperBound, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            default: index += 1
            }
        }
        return nil
    }
}
