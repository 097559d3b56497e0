/// A console or GUI script declared in `entry_points.txt`: `name = module:attribute [extras]`.
public struct EntryPointScript: Sendable, Hashable, Comparable {
    /// The script's file name in the scripts directory (case kept).
    public var name: String
    /// The module imported (`package.module`).
    public var module: String
    /// The attribute called, possibly dotted (`Class.method`).
    public var function: String

    public init(name: String, module: String, function: String) {
        self.name = name
        self.module = module
        self.function = function
    }

    /// What the launcher imports from ``module``: the first component of ``function``.
    public var importName: Substring {
        function.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(function)
    }

    public static func < (lhs: EntryPointScript, rhs: EntryPointScript) -> Bool {
        (lhs.name, lhs.module, lhs.function) < (rhs.name, rhs.module, rhs.function)
    }

    /// Parses a value such as `pkg.cli:main` or `pkg:main [extra1, extra2]`. Spaces are allowed
    /// around the colon and the brackets; extras are accepted and ignored. `nil` when the value
    /// does not have that shape.
    public static func parse(name: String, value: String) -> EntryPointScript? {
        var rest = Substring(value)
        rest = rest.trimmingPrefix(while: \.isWhitespace)
        while let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        if rest.last == "]" {
            guard let open = rest.lastIndex(of: "[") else { return nil }
            let extras = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            let names = extras.split(separator: ",").map { $0.trimmingPrefix(while: \.isWhitespace) }
            guard !names.isEmpty, names.allSatisfy({ !$0.allSatisfy(\.isWhitespace) }) else { return nil }
            rest = rest[..<open]
            while let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        var module = rest[..<colon]
        while let last = module.last, last.isWhitespace { module = module.dropLast() }
        let function = rest[rest.index(after: colon)...].trimmingPrefix(while: \.isWhitespace)
        guard isReference(module), isReference(function) else { return nil }
        return EntryPointScript(name: name, module: String(module), function: String(function))
    }

    /// Letters, digits, `_`, `-` and `.`, at least one.
    private static func isReference(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }
}

/// The `console_scripts` and `gui_scripts` sections of an `entry_points.txt`.
///
/// The file is an INI file read as uv reads it: section and key names are case-sensitive, only
/// `=` separates a key from its value, lines starting with `#` or `;` are comments, and other
/// sections (plugins) are ignored. As pip and uv do, a `pip3.X` console script is dropped and,
/// when `pip3` is declared, `pip3.<minor>` is added for the target interpreter.
public struct EntryPoints: Sendable, Hashable {
    public var consoleScripts: [EntryPointScript]
    public var guiScripts: [EntryPointScript]

    public init(consoleScripts: [EntryPointScript] = [], guiScripts: [EntryPointScript] = []) {
        self.consoleScripts = consoleScripts
        self.guiScripts = guiScripts
    }

    /// Parses `text` for an interpreter of minor version `pythonMinor`.
    public init(parsing text: String, pythonMinor: Int) throws(EntryPointsError) {
        var sections: [String: [(String, String?)]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = rawLine.trimmingPrefix(while: \.isWhitespace)
            while let last = line.last, last.isWhitespace { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw .invalidLine(String(rawLine)) }
                current = String(line.dropFirst().dropLast())
                continue
            }
            guard let section = current else { throw .invalidLine(String(rawLine)) }
            if let equals = line.firstIndex(of: "=") {
                var key = line[..<equals]
                while let last = key.last, last.isWhitespace { key = key.dropLast() }
                let value = line[line.index(after: equals)...].trimmingPrefix(while: \.isWhitespace)
                sections[section, default: []].append((String(key), String(value)))
            } else {
                sections[section, default: []].append((String(line), nil))
            }
        }
        func scripts(_ section: String) throws(EntryPointsError) -> [EntryPointScript] {
            var byName: [String: EntryPointScript] = [:]
            var order: [String] = []
            for (key, value) in sections[section] ?? [] {
                guard let value else { throw .missingValue(section: section, key: key) }
                guard let script = EntryPointScript.parse(name: key, value: value) else {
                    throw .invalidScript(value: value)
                }
                if byName[key] == nil { order.append(key) }
                byName[key] = script
            }
            return order.compactMap { byName[$0] }
        }
        var console = try scripts("console_scripts")
        console.removeAll { script in
            let parts = script.name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 && parts[0] == "pip3" && UInt8(parts[1]) != nil
        }
        if let pip3 = console.first(where: { $0.name == "pip3" }) {
            console.append(EntryPointScript(name: "pip3.\(pythonMinor)", module: pip3.module, function: pip3.function))
        }
        self.consoleScripts = console
        self.guiScripts = try scripts("gui_scripts")
    }

    /// Whether `name` would replace the interpreter (`python`, `pythonw`, `python3`,
    /// `python3.<n>`); uv refuses such scripts.
    public static func isReservedName(_ name: String) -> Bool {
        if ["python", "pythonw", "python3"].contains(name) { return true }
        guard name.hasPrefix("python3.") else { return false }
        return UInt8(name.dropFirst("python3.".count)) != nil
    }
}

/// Why `entry_points.txt` could not be read; uv reports these as an invalid wheel.
public enum EntryPointsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A line that is neither a section header, a key, a comment nor blank, or a key before any
    /// section.
    case invalidLine(String)
    /// A key in a scripts section without `= value`.
    case missingValue(section: String, key: String)
    /// A value that is not `module:attribute [extras]`.
    case invalidScript(value: String)

    public var description: String {
        switch self {
        case .invalidLine(let line): "entry_points.txt is invalid: unexpected line `\(line)`"
        case .missingValue(let section, let key): "[\(section)] key \(key) must have a value"
        case .invalidScript(let value): "invalid console script: '\(value)'"
        }
    }
}
