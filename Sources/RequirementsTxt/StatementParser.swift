/// Splits one file's text into ``Statement``s, following uv's `parse_entry`.
struct StatementParser {
    var scanner: TextScanner
    /// The file's path, for origins and errors.
    let file: String
    let expansion: EnvironmentExpansion

    init(text: String, file: String, expansion: EnvironmentExpansion) {
        scanner = TextScanner(text)
        self.file = file
        self.expansion = expansion
    }

    /// Options uv accepts and ignores; `--prefer-binary` is tried before `--pre`.
    private static let ignoredOptions = ["--prefer-binary", "--trusted-host", "--use-feature"]

    /// The next statement, or `nil` at the end of the file. Skips blank lines and comments.
    mutating func next() throws(RequirementsTxtError) -> Statement? {
        scanner.eatWrappableWhitespace()
        while scanner.at(TextScanner.isTerminal) {
            try eatTrailingLine()
            scanner.eatWrappableWhitespace()
        }
        let start = scanner.cursor
        if scanner.eat("-r") || scanner.eat("--requirement") {
            return .include(expansion.expand(ShellUnquote.unquote(try value(of: "--requirement"))), start: start)
        }
        if scanner.eat("-c") || scanner.eat("--constraint") {
            return .constraint(expansion.expand(ShellUnquote.unquote(try value(of: "--constraint"))), start: start)
        }
        if scanner.eat("-e") || scanner.eat("--editable") {
            return .editable(try editable(start: start))
        }
        if scanner.eat("-i") || scanner.eat("--index-url") {
            return .indexURL(try location(of: "--index-url"))
        }
        if scanner.eat("--extra-index-url") {
            return .extraIndexURL(try location(of: "--extra-index-url"))
        }
        if scanner.eat("--no-index") { return .noIndex }
        if scanner.eat("--require-hashes") { return .requireHashes }
        if scanner.eat("--find-links") || scanner.eat("-f") {
            return .findLinks(try location(of: "--find-links"))
        }
        if scanner.eat("--no-binary") { return .noBinary(try binarySpecifier(of: "--no-binary")) }
        if scanner.eat("--only-binary") { return .onlyBinary(try binarySpecifier(of: "--only-binary")) }
        if scanner.at({ Self.isASCIIAlphanumeric($0) || $0 == "." || $0 == "/" || $0 == "$" }) {
            return .requirement(try requirementLine(editable: false))
        }
        guard let found = scanner.peek() else { return nil }
        if let name = Self.ignoredOptions.first(where: { scanner.eat($0) }) {
            scanner.eat { !TextScanner.isTerminal($0) }
            return .ignored(IgnoredOption(name: name, origin: origin(of: start)))
        }
        if scanner.eat("--pre") {
            scanner.eat { !TextScanner.isTerminal($0) }
            return .pre
        }
        throw syntaxError(
            "Unexpected '\(found)', expected '-c', '-e', '-r' or the start of a requirement", at: scanner.cursor)
    }

    /// `-e`/`--editable` after the option name: `=` or whitespace, then a requirement line.
    private mutating func editable(start: Int) throws(RequirementsTxtError) -> RequirementEntry {
        if scanner.eat("=") {
            // Explicit equals sign.
        } else if scanner.at(TextScanner.isWhitespace) {
            scanner.eat(while: TextScanner.isWhitespace)
        } else {
            throw syntaxError("Expected '=' or whitespace, found \(RustDebug.optionalCharacter(scanner.peek()))", at: scanner.cursor)
        }
        let entry = try requirementLine(editable: true)
        if case .named(let requirement) = entry.requirement, requirement.url == nil {
            throw RequirementsTxtError(
                file: file, line: scanner.lineColumn(of: start).line,
                reason: .unsupportedEditable(requirement: requirement.description))
        }
        return entry
    }

    /// An index or find-links location: unquoted, `${VAR}` expanded.
    private mutating func location(of option: String) throws(RequirementsTxtError) -> String {
        expansion.expand(ShellUnquote.unquote(try value(of: option)))
    }

    private mutating func binarySpecifier(of option: String) throws(RequirementsTxtError) -> PackageNameSpecifier {
        let start = scanner.cursor
        let given = ShellUnquote.unquote(try value(of: option))
        guard let specifier = PackageNameSpecifier(parsing: given) else {
            throw RequirementsTxtError(
                file: file, line: scanner.lineColumn(of: start).line,
                reason: .invalidBinarySpecifier(option: option, specifier: given))
        }
        return specifier
    }

    /// uv's `parse_value`: after `-x`, either `=VALUE` or whitespace then `VALUE`, where the
    /// value runs up to a line break or `#` and loses trailing whitespace.
    mutating func value(
        of option: String, while predicate: (Unicode.Scalar) -> Bool = { !TextScanner.isTerminal($0) }
    ) throws(RequirementsTxtError) -> String {
        if scanner.eat("=") {
            // Explicit equals sign.
        } else if scanner.at(TextScanner.isWhitespace) {
            scanner.eat(while: TextScanner.isWhitespace)
        } else {
            throw syntaxError("Expected '=' or whitespace, found \(RustDebug.optionalCharacter(scanner.peek()))", at: scanner.cursor)
        }
        let value = String(String.UnicodeScalarView(
            scanner.eat(while: predicate).unicodeScalars.reversed().drop(while: TextScanner.isWhitespace).reversed()))
        if value.isEmpty {
            throw syntaxError("`\(option)` must be followed by an argument", at: scanner.cursor)
        }
        return value
    }

    /// After a statement: spaces, then a line break, a comment or the end of the file.
    private mutating func eatTrailingLine() throws(RequirementsTxtError) {
        scanner.eat(while: TextScanner.isSpaceOrTab)
        switch scanner.next() {
        case nil, "\n":
            break
        case "\r":
            _ = scanner.eat("\n")
        case "#":
            scanner.eat { $0 != "\r" && $0 != "\n" }
        case let other?:
            throw syntaxError("Expected comment or end-of-line, found `\(other)`", at: scanner.cursor)
        }
    }

    func origin(of index: Int) -> RequirementOrigin {
        RequirementOrigin(path: file, line: scanner.lineColumn(of: index).line)
    }

    /// uv's `Parser` error: `<message> at <file>:<line>:<column>`.
    func syntaxError(_ message: String, at index: Int) -> RequirementsTxtError {
        let (line, column) = scanner.lineColumn(of: index)
        return RequirementsTxtError(file: file, line: line, reason: .syntax(message, column: column))
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
