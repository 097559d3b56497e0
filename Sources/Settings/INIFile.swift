import SuvBasics

/// An INI file read the way Python's `configparser.RawConfigParser` reads it (what pip uses for
/// `pip.conf`): `[section]` headers; `key = value` or `key: value` lines (keys lowercased,
/// both sides trimmed, no interpolation, no inline comments); whole-line comments starting
/// with `#` or `;`; values continued on following lines indented deeper than the key (joined
/// with `\n`, blank lines kept inside, trailing blank lines dropped); a `[DEFAULT]` section
/// whose keys every other section inherits. Like `configparser` in strict mode, a repeated
/// section or key, a line before any section, and a line that is neither a header nor a
/// `key = value` pair are errors.
public struct INIFile: Sendable, Equatable {
    /// One section's keys and values, in file order.
    public struct Section: Sendable, Equatable {
        public var name: String
        public var entries: [(key: String, value: String)]

        public static func == (lhs: Section, rhs: Section) -> Bool {
            lhs.name == rhs.name && lhs.entries.map(\.key) == rhs.entries.map(\.key)
                && lhs.entries.map(\.value) == rhs.entries.map(\.value)
        }

        /// The value of `key` (already lowercase), if set.
        public subscript(key: String) -> String? {
            entries.last { $0.key == key }?.value
        }
    }

    /// The sections in file order, `DEFAULT` excluded.
    public var sections: [Section]
    /// The `[DEFAULT]` section's entries.
    public var defaults: [(key: String, value: String)]

    public static func == (lhs: INIFile, rhs: INIFile) -> Bool {
        lhs.sections == rhs.sections && lhs.defaults.map(\.key) == rhs.defaults.map(\.key)
            && lhs.defaults.map(\.value) == rhs.defaults.map(\.value)
    }

    /// A section's entries with `[DEFAULT]` keys it does not set itself appended (what
    /// `configparser`'s `items(section)` yields); `nil` when the section does not exist.
    public func items(in name: String) -> [(key: String, value: String)]? {
        guard let section = sections.first(where: { $0.name == name }) else { return nil }
        let own = Set(section.entries.map(\.key))
        return section.entries + defaults.filter { !own.contains($0.key) }
    }

    /// The value of `key` in `section`, falling back to `[DEFAULT]`.
    public func value(_ key: String, in section: String) -> String? {
        items(in: section)?.first { $0.key == key.lowercased() }?.value
    }

    public init(parsing text: String) throws(INIError) {
        var sections: [Section] = []
        var defaults: [(key: String, value: String)] = []
        // Where the current value collects its lines: section index (-1 = DEFAULT) and entry index.
        var current: Int?
        var option: (section: Int, entry: Int)?
        var continuation: [String] = []
        var indentLevel = Int.max
        var seenSections: Set<String> = []
        var seenOptions: Set<String> = []

        func flush() {
            guard let target = option else { return }
            var lines = continuation
            while let last = lines.last, last.isEmpty { lines.removeLast() }
            let joined = lines.joined(separator: "\n")
            if target.section < 0 {
                defaults[target.entry].value = joined
            } else {
                sections[target.section].entries[target.entry].value = joined
            }
            option = nil
            continuation = []
        }

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            let stripped = rawLine.trimmingASCIIWhitespace()
            let isComment = stripped.hasPrefix("#") || stripped.hasPrefix(";")
            if stripped.isEmpty || isComment {
                if !isComment, option != nil { continuation.append("") }
                continue
            }
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.count
            if option != nil, indent > indentLevel {
                continuation.append(stripped)
                continue
            }
            flush()
            indentLevel = indent
            if stripped.hasPrefix("["), let close = stripped.lastIndex(of: "]"), close > stripped.index(after: stripped.startIndex) {
                let name = String(stripped[stripped.index(after: stripped.startIndex)..<close])
                if name == "DEFAULT" {
                    current = -1
                    continue
                }
                if !seenSections.insert(name).inserted {
                    throw INIError(line: number, reason: "section `\(name)` already exists")
                }
                sections.append(Section(name: name, entries: []))
                current = sections.count - 1
                continue
            }
            guard let section = current else {
                throw INIError(line: number, reason: "file contains no section headers")
            }
            guard let delimiter = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw INIError(line: number, reason: "expected `key = value`, found `\(stripped)`")
            }
            let key = stripped[..<delimiter].trimmingASCIIWhitespace().lowercased()
            guard !key.isEmpty else { throw INIError(line: number, reason: "an option name is missing before `\(stripped[delimiter])`") }
            let sectionName = section < 0 ? "DEFAULT" : sections[section].name
            if !seenOptions.insert(sectionName + "\u{0}" + key).inserted {
                throw INIError(line: number, reason: "option `\(key)` in section `\(sectionName)` already exists")
            }
            let value = stripped[stripped.index(after: delimiter)...].trimmingASCIIWhitespace()
            if section < 0 {
                defaults.append((key, value))
                option = (-1, defaults.count - 1)
            } else {
                sections[section].entries.append((key, value))
                option = (section, sections[section].entries.count - 1)
            }
            continuation = [value]
        }
        flush()
        self.sections = sections
        self.defaults = defaults
    }
}

/// A line of an INI file that `configparser` would reject.
public struct INIError: SuvError, Equatable {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var message: String { "line \(line): \(reason)" }
}
