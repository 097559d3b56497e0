import TOML

/// uv's layout for dependency arrays it edits: one item per line, indented like the first
/// item (four spaces by default), a trailing comma, `]` on its own line, and every comment kept
/// (own-line comments above their item, end-of-line comments after their item's comma).
enum DependencyArrayFormatter {
    enum CommentKind: Equatable {
        case ownLine
        case endOfLine(leadingWhitespace: String)
    }

    struct Comment: Equatable {
        let text: String
        let kind: CommentKind
    }

    /// The comments in item trivia. A comment on the first line of the trivia (right after the
    /// previous comma) is that item's end-of-line comment; any other is an own-line comment.
    static func comments(in trivia: String) -> [Comment] {
        var result: [Comment] = []
        var previousEmpty = false
        var previousComment = false
        var lines = trivia.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if trivia.hasSuffix("\n") || trivia.hasSuffix("\r\n") { lines.removeLast() }
        for line in lines {
            let trimmed = line.trimmingSpaces
            if let hash = line.firstIndex(of: "#") {
                var text = String(line[hash...])
                while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
                let kind: CommentKind
                if previousEmpty || previousComment {
                    kind = .ownLine
                } else {
                    let before = line[..<hash]
                    let whitespace = before.reversed().prefix { $0 == " " || $0 == "\t" }
                    kind = .endOfLine(leadingWhitespace: String(whitespace.reversed()))
                }
                previousEmpty = trimmed.isEmpty
                previousComment = true
                result.append(Comment(text: text, kind: kind))
            } else {
                previousEmpty = trimmed.isEmpty
                previousComment = false
            }
        }
        return result
    }

    /// Re-lays out `layout` the way uv's `reformat_array_multiline` does.
    /// uv's indentation: the last line of the first item's prefix, up to any comment; four
    /// spaces when that is empty.
    static func indentation(of layout: TOMLArrayLayout) -> String {
        guard let first = layout.items.first else { return "    " }
        let lastLine = first.prefix.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).last ?? ""
        let beforeComment = lastLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return beforeComment.isEmpty ? "    " : String(beforeComment)
    }

    /// Re-lays out `layout` the way uv's `reformat_array_multiline` does, indenting items with
    /// `indentation` (taken from the array before it was edited).
    static func reformat(_ layout: TOMLArrayLayout, indentation: String) -> TOMLArrayLayout {
        var layout = layout
        let newline = layout.newline
        // Without a trailing comma, comments after the last item sit in its suffix; they go
        // after the comma that is about to be added.
        if !layout.hasTrailingComma, let last = layout.items.indices.last, layout.items[last].suffix.contains("#") {
            layout.trailing = layout.items[last].suffix + layout.trailing
            layout.items[last].suffix = ""
        }
        let lineStart = newline + indentation
        for index in layout.items.indices {
            var prefix = ""
            for comment in comments(in: layout.items[index].prefix) + comments(in: layout.items[index].suffix) {
                switch comment.kind {
                case .ownLine: prefix += lineStart
                case .endOfLine(let whitespace): prefix += whitespace
                }
                prefix += comment.text
            }
            layout.items[index].prefix = prefix + lineStart
            layout.items[index].suffix = ""
        }
        var trailing = ""
        for comment in comments(in: layout.trailing) {
            switch comment.kind {
            case .ownLine: trailing += lineStart
            case .endOfLine(let whitespace): trailing += whitespace
            }
            trailing += comment.text
        }
        if !trailing.isEmpty || !layout.items.isEmpty { trailing += newline }
        layout.trailing = trailing
        layout.hasTrailingComma = true
        return layout
    }
}
