import SuvBasics
import TOML

/// Applies `suv add` / `suv remove` edits to a `pyproject.toml` without disturbing the rest of
/// the file, following uv's rules: names matched after normalization, sorted insertion only
/// into arrays that were sorted, the touched array laid out one item per line, comments kept.
public struct PyProjectEditor: Sendable {
    /// Which dependency list an edit targets.
    public enum DependencyTarget: Sendable, Equatable {
        /// `[project].dependencies`
        case project
        /// `[project.optional-dependencies].<extra>`
        case optional(String)
        /// `[dependency-groups].<group>`
        case group(String)
        /// Legacy `[tool.uv].dev-dependencies`
        case devDependencies
    }

    /// What an add did to the array.
    public enum ArrayEdit: Sendable, Equatable {
        case added(index: Int)
        case replaced(index: Int)
    }

    public internal(set) var document: TOMLDocument

    public init(parsing text: String, fileName: String = "pyproject.toml") throws(PyProjectError) {
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw .invalid(file: fileName, error)
        }
    }

    /// The edited file's text; like uv, an edited file always ends with a line break.
    public var text: String {
        let text = document.text
        guard edited, let last = text.utf8.last, last != UInt8(ascii: "\n") else { return text }
        return text + document.newline
    }

    /// Whether any edit was made.
    public internal(set) var edited = false

    // MARK: Dependencies

    /// Adds a requirement (already in the form to write) to a dependency list, replacing an
    /// entry for the same package and marker in place.
    @discardableResult
    public mutating func addDependency(_ requirement: String, to target: DependencyTarget) throws(PyProjectEditError) -> ArrayEdit {
        guard let parsed = RequirementText(requirement) else { throw .invalidRequirement(requirement) }
        let path = try arrayPath(for: target, creating: true)
        guard var layout = document.arrayLayout(at: path), let array = document[path]?.array else {
            throw .notAnArray(Self.display(path))
        }
        let strings: [String?] = array.map(\.string)
        let indentation = DependencyArrayFormatter.indentation(of: layout)
        let rendered = TOMLSerializer.renderString(requirement)
        let edit: ArrayEdit
        if let existing = strings.firstIndex(where: { $0.flatMap(RequirementText.init).map { $0.name == parsed.name && $0.marker == parsed.marker } ?? false }) {
            layout.items[existing].value = rendered
            edit = .replaced(index: existing)
        } else {
            let index = Self.insertionIndex(for: requirement, among: strings)
            var item = TOMLArrayLayout.Item(prefix: "", value: rendered, suffix: "")
            if index == layout.items.count {
                // Comments after the last item stay above the new one.
                if layout.hasTrailingComma {
                    item.prefix = layout.trailing
                    layout.trailing = ""
                } else if let last = layout.items.indices.last {
                    item.prefix = layout.items[last].suffix
                    layout.items[last].suffix = ""
                }
            } else {
                // The end-of-line comment of the item before stays with it.
                let prefix = layout.items[index].prefix
                if let lineBreak = prefix.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
                    item.prefix = String(prefix[..<lineBreak])
                    layout.items[index].prefix = String(prefix[lineBreak...])
                }
            }
            layout.items.insert(item, at: index)
            edit = .added(index: index)
        }
        try write(DependencyArrayFormatter.reformat(layout, indentation: indentation), at: path)
        return edit
    }

    /// Replaces the entry whose text is exactly `old` with `new`, touching nothing else (no
    /// re-layout of the array); returns whether there was such an entry.
    @discardableResult
    public mutating func replaceDependency(_ old: String, with new: String, in target: DependencyTarget) throws(PyProjectEditError) -> Bool {
        guard let path = try? arrayPath(for: target, creating: false), var layout = document.arrayLayout(at: path),
              let array = document[path]?.array, let index = array.firstIndex(where: { $0.string == old }) else { return false }
        layout.items[index].value = TOMLSerializer.renderString(new)
        try write(layout, at: path)
        return true
    }

    /// Removes every entry for `name` from a dependency list; returns the removed strings.
    @discardableResult
    public mutating func removeDependency(named name: String, from target: DependencyTarget) throws(PyProjectEditError) -> [String] {
        let wanted = PackageName(name)
        guard let path = try? arrayPath(for: target, creating: false), var layout = document.arrayLayout(at: path),
              let array = document[path]?.array else {
            throw .dependencyNotFound(name: name, table: Self.targetDescription(target))
        }
        let matches = array.indices.filter { array[$0].string.flatMap(RequirementText.init)?.name == wanted }
        guard !matches.isEmpty else { throw .dependencyNotFound(name: name, table: Self.targetDescription(target)) }
        let indentation = DependencyArrayFormatter.indentation(of: layout)
        var removed: [String] = []
        for index in matches.reversed() {
            removed.insert(array[index].string ?? "", at: 0)
            // The removed item's trivia moves to what follows it, so no comment is lost: the
            // previous item's end-of-line comment stays put, and the removed item's own
            // end-of-line comment becomes a line of its own.
            let item = layout.items.remove(at: index)
            let carried = item.prefix + item.suffix
            if index < layout.items.count {
                layout.items[index].prefix = carried + layout.items[index].prefix
            } else if layout.hasTrailingComma {
                layout.trailing = carried + layout.trailing
            } else if let last = layout.items.indices.last {
                layout.items[last].suffix += carried
            } else {
                layout.trailing = carried + layout.trailing
            }
        }
        try write(DependencyArrayFormatter.reformat(layout, indentation: indentation), at: path)
        return removed
    }

    // MARK: Sources

    /// Sets `[tool.uv.sources].<package>` to an inline table given as TOML text.
    public mutating func setSource(for package: String, inlineTable: String) throws(PyProjectEditError) {
        let key = existingKey(matching: package, in: ["tool", "uv", "sources"]) ?? PackageName(package).normalized
        do {
            try document.setValueText(inlineTable, at: ["tool", "uv", "sources", key])
            edited = true
        } catch {
            throw .edit(error)
        }
    }

    /// Removes `[tool.uv.sources].<package>`; returns whether there was one.
    @discardableResult
    public mutating func removeSource(for package: String) throws(PyProjectEditError) -> Bool {
        guard let key = existingKey(matching: package, in: ["tool", "uv", "sources"]) else { return false }
        do {
            edited = true
            return try document.removeValue(at: ["tool", "uv", "sources", key])
        } catch {
            throw .edit(error)
        }
    }

    // MARK: Indexes

    /// Adds a `[[tool.uv.index]]` entry (as `uv add --index`/`--default-index` persists the
    /// indexes it was given), unless one with the same URL is there already.
    public mutating func addIndex(url: String, name: String? = nil, isDefault: Bool = false) throws(PyProjectEditError) {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        if let existing = document[["tool", "uv", "index"]]?.array {
            for entry in existing {
                let known = entry.table?["url"]?.string.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                if known == trimmed { return }
            }
        }
        var body = ""
        if let name { body += "name = " + TOMLSerializer.renderString(name) + document.newline }
        body += "url = " + TOMLSerializer.renderString(url) + document.newline
        if isDefault { body += "default = true" + document.newline }
        do {
            try document.appendArrayOfTablesElement(at: ["tool", "uv", "index"], body: body)
            edited = true
        } catch {
            throw .edit(error)
        }
    }

    // MARK: Helpers

    /// uv's insertion point: sorted position when the list's string entries were sorted (by name
    /// part case-insensitively, then case-sensitively, then by whole string), else after the
    /// last string entry.
    static func insertionIndex(for requirement: String, among entries: [String?]) -> Int {
        let strings = entries.compactMap { $0 }
        let orderings: [(String) -> String] = [
            { RequirementText.sortKey($0).lowercased() },
            { RequirementText.sortKey($0) },
            { $0.lowercased() },
            { $0 },
        ]
        for key in orderings {
            let keys = strings.map(key)
            guard zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) else { continue }
            let newKey = key(requirement)
            if let position = entries.firstIndex(where: { $0.map { key($0) > newKey } ?? false }) {
                return position
            }
            break
        }
        return (entries.lastIndex { $0 != nil }).map { $0 + 1 } ?? 0
    }

    private mutating func write(_ layout: TOMLArrayLayout, at path: [String]) throws(PyProjectEditError) {
        do {
            try document.setArrayLayout(layout, at: path)
            edited = true
        } catch {
            throw .edit(error)
        }
    }

    /// The key path of a dependency list, creating an empty list (and its table) when asked.
    private mutating func arrayPath(for target: DependencyTarget, creating: Bool) throws(PyProjectEditError) -> [String] {
        let path: [String]
        switch target {
        case .project:
            guard document.root["project"] != nil else { throw .missingProjectTable }
            path = ["project", "dependencies"]
        case .optional(let extra):
            guard document.root["project"] != nil else { throw .missingProjectTable }
            let table = ["project", "optional-dependencies"]
            path = table + [existingKey(matching: extra, in: table) ?? PackageName(extra).normalized]
        case .group(let group):
            path = ["dependency-groups", existingKey(matching: group, in: ["dependency-groups"]) ?? PackageName(group).normalized]
        case .devDependencies:
            path = ["tool", "uv", "dev-dependencies"]
        }
        if document[path] == nil {
            guard creating else { throw .dependencyNotFound(name: "", table: Self.display(path)) }
            // uv keeps a sorted table of groups or extras sorted.
            var before: String?
            if path.first != "tool", path != ["project", "dependencies"], let siblings = document[Array(path.dropLast())]?.table?.keys,
               zip(siblings, siblings.dropFirst()).allSatisfy({ PackageName($0) <= PackageName($1) }) {
                before = siblings.first { PackageName($0) > PackageName(path[path.count - 1]) }
            }
            do {
                try document.setValueText("[]", at: path, beforeKey: before)
            } catch {
                throw .edit(error)
            }
        }
        return path
    }

    /// The key of `table` that names the same package, extra or group as `name`.
    private func existingKey(matching name: String, in table: [String]) -> String? {
        let wanted = PackageName(name)
        return document[table]?.table?.keys.first { PackageName($0) == wanted }
    }

    static func display(_ path: [String]) -> String { path.joined(separator: ".") }

    static func targetDescription(_ target: DependencyTarget) -> String {
        switch target {
        case .project: "project.dependencies"
        case .optional: "project.optional-dependencies"
        case .group: "dependency-groups"
        case .devDependencies: "tool.uv.dev-dependencies` or `tool.uv.dependency-groups.dev"
        }
    }
}

/// Why an edit of `pyproject.toml` could not be made.
public enum PyProjectEditError: SuvError, Equatable {
    case missingProjectTable
    case invalidRequirement(String)
    case notAnArray(String)
    case dependencyNotFound(name: String, table: String)
    case edit(TOMLEditError)

    public var message: String {
        switch self {
        case .missingProjectTable: "No `project` table found in: `pyproject.toml`"
        case .invalidRequirement(let text): "Not a valid requirement: `\(text)`"
        case .notAnArray(let path): "`\(path)` is not an array"
        case .dependencyNotFound(let name, let table): "The dependency `\(name)` could not be found in `\(table)`"
        case .edit(let error): error.message
        }
    }
}
