extension DependencyTree {
    /// Styling for the parts of a line uv colours; plain by default.
    public struct TextStyle: Sendable {
        /// ` (latest: v2.0)` (uv: bold cyan).
        public var latest: @Sendable (String) -> String
        /// ` (1.1KiB)` (uv: dimmed).
        public var size: @Sendable (String) -> String
        /// The closing `(*) …` line (uv: italic).
        public var footer: @Sendable (String) -> String

        public init(latest: @escaping @Sendable (String) -> String = { $0 }, size: @escaping @Sendable (String) -> String = { $0 },
                    footer: @escaping @Sendable (String) -> String = { $0 }) {
            self.latest = latest
            self.size = size
            self.footer = footer
        }

        public static let plain = TextStyle()
    }

    /// The tree as `uv tree` prints it: `├── `, `└── `, `│   ` and four spaces before each
    /// level, one line per node, then `(*) Package tree already displayed` (or, with
    /// `--no-dedupe`, `(*) Package tree is a cycle and cannot be shown`) when a node is marked.
    /// Every line ends with a newline.
    ///
    /// - Parameter formatSize: how a wheel size is written (uv: `1.1KiB`).
    public func text(style: TextStyle = .plain, formatSize: (UInt64) -> String = { "\($0)B" }) -> String {
        var lines: [String] = []
        for root in roots { append(root, prefix: "", childPrefix: "", to: &lines, style: style, formatSize: formatSize) }
        if hasMarks {
            lines.append(style.footer(noDedupe ? "(*) Package tree is a cycle and cannot be shown" : "(*) Package tree already displayed"))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private func append(_ node: Node, prefix: String, childPrefix: String, to lines: inout [String], style: TextStyle,
                        formatSize: (UInt64) -> String) {
        lines.append(prefix + Self.line(node, style: style, formatSize: formatSize))
        for (index, child) in node.children.enumerated() {
            let last = index == node.children.count - 1
            append(child, prefix: childPrefix + (last ? "└── " : "├── "), childPrefix: childPrefix + (last ? "    " : "│   "),
                   to: &lines, style: style, formatSize: formatSize)
        }
    }

    /// One node's text: `name[extras] vVERSION (extra: x) (size)` and ` (*)` or
    /// ` (latest: vX)`.
    static func line(_ node: Node, style: TextStyle, formatSize: (UInt64) -> String) -> String {
        var line = node.name.description
        if !node.extras.isEmpty { line += "[" + node.extras.joined(separator: ", ") + "]" }
        if let version = node.version { line += " v" + version }
        switch node.edge {
        case .extra(let extra)?: line += " (extra: \(extra))"
        case .group(let group)?: line += " (group: \(group))"
        case .production?, nil: break
        }
        if let size = node.size { line += " " + style.size("(\(formatSize(size)))") }
        if node.mark != nil {
            line += " (*)"
        } else if let latest = node.latest {
            line += " " + style.latest("(latest: v\(latest))")
        }
        return line
    }
}
