import SuvBasics

/// A `.netrc` file, parsed like Python's `netrc` module (which uv's `uv-netrc` translates).
///
/// Tokens are separated by any whitespace, so an entry may span lines or share one; a token
/// may be double-quoted (with `\` escapes) or use `\` to escape one character. At the top
/// level: `machine <host>` or `default`, followed by any of `login <name>` (also `user`),
/// `password <secret>`, `account <name>`; `macdef <name>` starts a macro whose body runs to
/// the next blank line; a token starting with `#` comments out the rest of its line. A later
/// entry for the same host replaces an earlier one.
public struct NetrcFile: Sendable, Equatable {
    /// One `machine` (or `default`) entry.
    public struct Entry: Sendable, Equatable, CustomStringConvertible {
        public var login: String
        public var account: String
        public var password: String

        public init(login: String = "", account: String = "", password: String = "") {
            self.login = login
            self.account = account
            self.password = password
        }

        /// Never shows the password.
        public var description: String { "login \(login) password ****" }
    }

    /// Entries by host name.
    public var machines: [String: Entry]
    /// The `default` entry, used for hosts without their own.
    public var defaultEntry: Entry?
    /// `macdef` bodies by macro name (lines trimmed).
    public var macros: [String: [String]]

    public init(machines: [String: Entry] = [:], defaultEntry: Entry? = nil, macros: [String: [String]] = [:]) {
        self.machines = machines
        self.defaultEntry = defaultEntry
        self.macros = macros
    }

    /// The entry for `host` (exact, case-insensitive), else the `default` entry.
    public func entry(forHost host: String) -> Entry? {
        machines[host] ?? machines.first { $0.key.lowercased() == host.lowercased() }?.value ?? defaultEntry
    }

    /// Credentials for a URL's host, as uv looks them up: none when `username` is given and
    /// differs from the entry's login.
    public func credentials(forHost host: String, username: String? = nil) -> IndexCredentials? {
        guard let entry = entry(forHost: host) else { return nil }
        if let username, username != entry.login { return nil }
        return IndexCredentials(username: entry.login, password: entry.password)
    }

    public init(parsing text: String) throws(NetrcError) {
        var lexer = NetrcLexer(text)
        var machines: [String: Entry] = [:]
        var defaultEntry: Entry?
        var macros: [String: [String]] = [:]
        while true {
            let line = lexer.line
            // End of text, or an empty quoted token (`""`), ends parsing as in Python.
            guard let token = lexer.nextToken(), !token.isEmpty else { break }
            if token.hasPrefix("#") {
                if lexer.line == line { lexer.skipLine() }
                continue
            }
            let name: String?
            switch token {
            case "machine": name = lexer.nextToken() ?? ""
            case "default": name = nil
            case "macdef":
                let macro = lexer.nextToken() ?? ""
                var body: [String] = []
                while let bodyLine = lexer.readLine() {
                    let trimmed = bodyLine.trimmingASCIIWhitespace()
                    if trimmed.isEmpty { break }
                    body.append(trimmed)
                }
                macros[macro] = body
                continue
            default:
                throw NetrcError(line: lexer.line, reason: "bad toplevel token '\(token)'")
            }
            if name?.isEmpty == true { throw NetrcError(line: lexer.line, reason: "missing '\(token)' name") }
            var entry = Entry()
            fields: while true {
                let entryLine = lexer.line
                guard let field = lexer.nextToken() else { break }
                if field.hasPrefix("#") {
                    if lexer.line == entryLine { lexer.skipLine() }
                    continue
                }
                switch field {
                case "", "machine", "default", "macdef":
                    lexer.pushBack(field)
                    break fields
                case "login", "user": entry.login = lexer.nextToken() ?? ""
                case "account": entry.account = lexer.nextToken() ?? ""
                case "password": entry.password = lexer.nextToken() ?? ""
                default: throw NetrcError(line: lexer.line, reason: "bad follower token '\(field)'")
                }
            }
            if let name { machines[name] = entry } else { defaultEntry = entry }
        }
        self.machines = machines
        self.defaultEntry = defaultEntry
        self.macros = macros
    }

    /// The netrc file uv would read: `$NETRC` when that file exists, else `~/.netrc`; `nil`
    /// when neither exists. A file that cannot be read or parsed is reported as a warning.
    public static func load(from environment: SettingsEnvironment) -> (netrc: NetrcFile?, path: String?, warning: String?) {
        var candidates: [String] = []
        if let variable = environment.nonEmpty("NETRC") { candidates.append(environment.absolutePath(variable)) }
        if let home = environment.homeDirectory { candidates.append(PathText.normalize(PathText.join(home, ".netrc"))) }
        for path in candidates where environment.fileSystem.isFile(atPath: path) {
            do {
                guard let text = try environment.fileSystem.readFile(atPath: path) else { continue }
                return (try NetrcFile(parsing: text), path, nil)
            } catch let error as NetrcError {
                return (nil, path, "Error reading netrc file: \(error.message) in the file '\(path)'")
            } catch {
                return (nil, path, "Error reading netrc file: \((error as? FileReadError)?.reason ?? "\(error)")")
            }
        }
        return (nil, nil, nil)
    }
}

/// A netrc file that Python's `netrc` module would reject.
public struct NetrcError: SuvError, Equatable {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var message: String { "parsing error: \(reason) (line \(line))" }
}

/// Python's `netrc` tokenizer: whitespace-separated tokens, double quotes, backslash escapes.
struct NetrcLexer {
    private let characters: [Character]
    private var position = 0
    private var pushedBack: [String] = []
    /// The current line number (1-based), advanced as newlines are consumed.
    private(set) var line = 1

    init(_ text: String) {
        characters = Array(text)
    }

    private mutating func readCharacter() -> Character? {
        guard position < characters.count else { return nil }
        let character = characters[position]
        position += 1
        if character == "\n" || character == "\r\n" { line += 1 }
        return character
    }

    /// The rest of the current line (without its newline); `nil` at the end of the text.
    mutating func readLine() -> String? {
        guard position < characters.count else { return nil }
        var result = ""
        while let character = readCharacter() {
            if character == "\n" || character == "\r\n" { return result }
            result.append(character)
        }
        return result
    }

    mutating func skipLine() { _ = readLine() }

    mutating func pushBack(_ token: String) { pushedBack.append(token) }

    /// The next token, or `nil` at the end of the text.
    mutating func nextToken() -> String? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        var token = ""
        while let character = readCharacter() {
            switch character {
            case "\n", "\r\n", "\t", "\r", " ":
                continue
            case "\"":
                while let inner = readCharacter() {
                    if inner == "\"" { return token }
                    token.append(inner == "\\" ? (readCharacter() ?? " ") : inner)
                }
                return token
            default:
                token.append(character == "\\" ? (readCharacter() ?? " ") : character)
                while let next = readCharacter() {
                    switch next {
                    case "\n", "\r\n", "\t", "\r", " ": return token
                    case "\\": token.append(readCharacter() ?? " ")
                    default: token.append(next)
                    }
                }
                return token
            }
        }
        return token.isEmpty ? nil : token
    }
}
