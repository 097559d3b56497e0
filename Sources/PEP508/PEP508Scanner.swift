/// A position in a PEP 508 string plus the token rules of packaging's `_tokenizer.py`.
///
/// Each `match…` method tries one of packaging's regular expressions at ``position`` and
/// returns where the match ends (or `nil`), without moving; the parser advances with
/// ``advance(to:)``. Positions count Unicode scalars, as Python's string indices do, so error
/// spans agree with packaging's.
struct PEP508Scanner {
    let scalars: [Unicode.Scalar]
    private(set) var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func advance(to end: Int) {
        position = end
    }

    /// The scalar at `index`, or `nil` past the end.
    func scalar(at index: Int) -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    /// The ASCII byte at `index`, or `nil` past the end or for a non-ASCII scalar.
    func ascii(at index: Int) -> UInt8? {
        guard let scalar = scalar(at: index), scalar.isASCII else { return nil }
        return UInt8(scalar.value)
    }

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// A failure at the current position (or over `start..<end`), with packaging's wording.
    func failure(_ message: String, start: Int? = nil, end: Int? = nil) -> PEP508SyntaxError {
        PEP508SyntaxError(message: message, span: (start ?? position)..<max(start ?? position, end ?? position))
    }

    // MARK: Simple rules

    /// `WS`: `[ \t]+`.
    func matchWhitespace() -> Int? {
        var end = position
        while let byte = ascii(at: end), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { end += 1 }
        return end > position ? end : nil
    }

    /// Skips `WS` if present (packaging's `consume("WS")`).
    mutating func skipWhitespace() {
        if let end = matchWhitespace() { position = end }
    }

    /// `END`: Python's `$`, which also matches just before a final `\n`.
    var isAtEnd: Bool {
        position == scalars.count || (position == scalars.count - 1 && scalars[position] == "\n")
    }

    /// A one-character token such as `(`, `]`, `;`, `,` or `@`.
    func match(_ character: Unicode.Scalar) -> Int? {
        scalar(at: position) == character ? position + 1 : nil
    }

    /// Whether `\b` holds at `index`: exactly one of the neighbouring scalars is a word character.
    func isWordBoundary(at index: Int) -> Bool {
        let before = index > 0 && PythonCharacterClasses.isWord(scalars[index - 1])
        let after = index < scalars.count && PythonCharacterClasses.isWord(scalars[index])
        return before != after
    }

    /// Whether the scalars at `index` spell `word` exactly (case-sensitively).
    func hasPrefix(_ word: String, at index: Int) -> Bool {
        var cursor = index
        for scalar in word.unicodeScalars {
            guard self.scalar(at: cursor) == scalar else { return false }
            cursor += 1
        }
        return true
    }

    /// `\bword\b` for a word made of word characters (`and`, `or`, `in`, `not`).
    func matchKeyword(_ word: String) -> Int? {
        guard isWordBoundary(at: position), hasPrefix(word, at: position) else { return nil }
        let end = position + word.unicodeScalars.count
        return isWordBoundary(at: end) ? end : nil
    }

    /// `BOOLOP`: `\b(or|and)\b`.
    func matchBooleanOperator() -> (end: Int, isAnd: Bool)? {
        if let end = matchKeyword("or") { return (end, false) }
        if let end = matchKeyword("and") { return (end, true) }
        return nil
    }

    /// `OP`: `(===|==|~=|!=|<=|>=|<|>)`, first alternative first.
    func matchComparisonOperator() -> (end: Int, op: MarkerOperator)? {
        for op in Self.comparisonOperators where hasPrefix(op.rawValue, at: position) {
            return (position + op.rawValue.unicodeScalars.count, op)
        }
        return nil
    }

    private static let comparisonOperators: [MarkerOperator] = [
        .arbitraryEqual, .equal, .compatible, .notEqual, .lessThanOrEqual, .greaterThanOrEqual, .lessThan, .greaterThan,
    ]

    /// `QUOTED_STRING`: `'[^']*'` or `"[^"]*"` (newlines included).
    func matchQuotedString() -> Int? {
        guard let quote = scalar(at: position), quote == "'" || quote == "\"" else { return nil }
        var end = position + 1
        while end < scalars.count {
            if scalars[end] == quote { return end + 1 }
            end += 1
        }
        return nil
    }

    /// The spellings `VARIABLE` accepts, legacy dotted names included.
    private static let variableSpellings: [(String, MarkerVariable)] = [
        ("python_version", .pythonVersion), ("python_full_version", .pythonFullVersion),
        ("os.name", .osName), ("os_name", .osName), ("sys.platform", .sysPlatform), ("sys_platform", .sysPlatform),
        ("platform_release", .platformRelease), ("platform_system", .platformSystem),
        ("platform.version", .platformVersion), ("platform_version", .platformVersion),
        ("platform.machine", .platformMachine), ("platform_machine", .platformMachine),
        ("platform.python_implementation", .platformPythonImplementation),
        ("platform_python_implementation", .platformPythonImplementation),
        ("python_implementation", .platformPythonImplementation),
        ("implementation_name", .implementationName), ("implementation_version", .implementationVersion),
        ("extras", .extras), ("extra", .extra), ("dependency_groups", .dependencyGroups),
    ]

    /// `VARIABLE`: one of the marker names between word boundaries. At most one spelling can
    /// end on a boundary, so the order of the list does not matter.
    func matchVariable() -> (end: Int, variable: MarkerVariable)? {
        guard isWordBoundary(at: position) else { return nil }
        for (spelling, variable) in Self.variableSpellings where hasPrefix(spelling, at: position) {
            let end = position + spelling.unicodeScalars.count
            if isWordBoundary(at: end) { return (end, variable) }
        }
        return nil
    }

    /// `IDENTIFIER`: `\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b`, backtracking from the longest run to
    /// the first end that sits on a word boundary (so `a-` yields `a`, and `a_` stays `a_`).
    func matchIdentifier() -> Int? {
        guard isWordBoundary(at: position), let first = ascii(at: position),
              PythonCharacterClasses.isASCIIAlphanumeric(first) else { return nil }
        var longest = position + 1
        while let byte = ascii(at: longest), Self.isIdentifierByte(byte) { longest += 1 }
        for end in stride(from: longest, to: position, by: -1) where isWordBoundary(at: end) {
            return end
        }
        return nil
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        PythonCharacterClasses.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `URL`: `[^ \t]+`.
    func matchURL() -> Int? {
        var end = position
        while let scalar = scalar(at: end), scalar != " ", scalar != "\t" { end += 1 }
        return end > position ? end : nil
    }

    /// `VERSION_PREFIX_TRAIL`: `\.\*`.
    func matchVersionPrefixTrail() -> Bool {
        hasPrefix(".*", at: position)
    }

    /// `VERSION_LOCAL_LABEL_TRAIL`: `\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*` (lowercase only: this
    /// rule is compiled without `IGNORECASE`). Only whether it matches matters.
    func matchVersionLocalLabelTrail() -> Bool {
        guard scalar(at: position) == "+", let byte = ascii(at: position + 1) else { return false }
        return Self.isLowercaseAlphanumeric(byte)
    }

    static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || PythonCharacterClasses.isASCIIDigit(byte)
    }
}
