import PEP508

extension StatementParser {
    /// A requirement (or `-e` target) and the options after it, as uv's
    /// `parse_requirement_and_hashes`.
    ///
    /// The requirement ends at a line break, at whitespace followed by `#` (a comment), at
    /// whitespace followed by `--` (its options) or at the end of the file. Backslash
    /// continuations inside it are removed. The options are `--hash` (kept) and
    /// `--config-settings` (read and ignored).
    mutating func requirementLine(editable: Bool) throws(RequirementsTxtError) -> RequirementEntry {
        let start = scanner.cursor
        var end = start
        var hasOptions = false
        while true {
            end = scanner.cursor
            if scanner.eat("\n") { break }
            if scanner.eat("\r") {
                _ = scanner.eat("\n")
                break
            }
            if !scanner.eatWrappableWhitespace().isEmpty {
                if scanner.at("--") {
                    hasOptions = true
                    break
                }
                if scanner.eat("#") {
                    scanner.eat { $0 != "\r" && $0 != "\n" }
                    break
                }
                continue
            }
            if scanner.next() == nil { break }
        }
        let text = Self.removingContinuations(scanner.text(start..<end))
        let requirement = try classify(text, editable: editable, start: start)
        let hashes = hasOptions ? try trailingOptions() : []
        return RequirementEntry(requirement: requirement, hashes: hashes, origin: origin(of: start))
    }

    /// A PEP 508 requirement, or an unnamed one when the text is a URL or path (uv tries
    /// PEP 508 first, then falls back). Under `-e`, a bare name is a directory (`-e foo` is
    /// `./foo`), as in uv.
    private func classify(_ text: String, editable: Bool, start: Int) throws(RequirementsTxtError) -> RequirementsTxtRequirement {
        let unnamed = RequirementsTxtRequirement.unnamed(UnnamedRequirement(given: text, expanded: expansion.expand(text)))
        do {
            var requirement = try Requirement(parsing: text)
            let nameOnly = requirement.url == nil && requirement.specifiers.isEmpty
            if nameOnly && (editable || UnnamedRequirementDetection.looksLikeArchive(requirement.name)) {
                return unnamed
            }
            requirement.url = requirement.url.map(expansion.expand)
            return .named(requirement)
        } catch {
            if UnnamedRequirementDetection.looksUnnamed(text, expansion: expansion) { return unnamed }
            throw RequirementsTxtError(
                file: file, line: scanner.lineColumn(of: start).line,
                reason: .invalidRequirement(error, position: scanner.byteOffset(of: start)))
        }
    }

    /// `--hash=…` (one or more) and `--config-settings=…` after a requirement.
    private mutating func trailingOptions() throws(RequirementsTxtError) -> [String] {
        var hashes: [String] = []
        var first = true
        while true {
            if scanner.eat("--hash") {
                hashes.append(try value(of: "--hash", while: { !TextScanner.isWhitespace($0) }))
            } else if scanner.eat("--config-settings") {
                _ = try value(of: "--config-settings", while: { !TextScanner.isWhitespace($0) })
            } else if first {
                let index = scanner.cursor
                let found = scanner.eat { !TextScanner.isWhitespace($0) }
                throw syntaxError("Expected `--hash`, found `\(RustDebug.string(found))`", at: index)
            } else {
                return hashes
            }
            first = false
            scanner.eatWrappableWhitespace()
        }
    }

    /// The text with `\` + line break sequences removed (pip joins continued lines).
    static func removingContinuations(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == "\n" || scalars[index + 1] == "\r" {
                index += 2
                if scalars[index - 1] == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        scalars = Array(result)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
