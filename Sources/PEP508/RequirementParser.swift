/// The parts of a requirement as packaging's `parse_requirement` returns them.
struct ParsedRequirement {
    var name: String
    var extras: [String]
    /// The specifier tokens and commas, concatenated as written.
    var specifier: String
    var url: String?
    var marker: MarkerTree?
}

extension PEP508Scanner {
    /// `requirement = WS? IDENTIFIER WS? extras WS? requirement_details END`.
    mutating func parseRequirement() throws(PEP508SyntaxError) -> ParsedRequirement {
        skipWhitespace()
        guard let nameEnd = matchIdentifier() else {
            throw failure("Expected package name at the start of dependency specifier")
        }
        let name = text(position..<nameEnd)
        advance(to: nameEnd)
        skipWhitespace()
        let extras = try parseExtras()
        skipWhitespace()
        var requirement = ParsedRequirement(name: name, extras: extras, specifier: "", url: nil, marker: nil)
        try parseRequirementDetails(into: &requirement)
        guard isAtEnd else { throw failure("Expected end of dependency specifier") }
        return requirement
    }

    /// `requirement_details = AT URL (WS requirement_marker?)? | specifier WS? requirement_marker?`.
    private mutating func parseRequirementDetails(into requirement: inout ParsedRequirement) throws(PEP508SyntaxError) {
        if let afterAt = match("@") {
            advance(to: afterAt)
            skipWhitespace()
            let urlStart = position
            guard let urlEnd = matchURL() else { throw failure("Expected URL after @") }
            requirement.url = text(position..<urlEnd)
            advance(to: urlEnd)
            if isAtEnd { return }
            guard let afterSpace = matchWhitespace() else { throw failure("Expected whitespace after URL") }
            advance(to: afterSpace)
            if isAtEnd { return }
            requirement.marker = try parseRequirementMarker(spanStart: urlStart, expected: "semicolon (after URL and whitespace)")
        } else {
            let specifierStart = position
            requirement.specifier = try parseSpecifier()
            skipWhitespace()
            if isAtEnd { return }
            let expected = requirement.specifier.isEmpty
                ? "semicolon (after name with no version specifier)"
                : "comma (within version specifier), semicolon (after version specifier)"
            requirement.marker = try parseRequirementMarker(spanStart: specifierStart, expected: expected)
        }
    }

    /// `requirement_marker = SEMICOLON marker WS?`.
    private mutating func parseRequirementMarker(spanStart: Int, expected: String) throws(PEP508SyntaxError) -> MarkerTree {
        guard let afterSemicolon = match(";") else { throw failure("Expected \(expected) or end", start: spanStart) }
        advance(to: afterSemicolon)
        let marker = try parseMarker()
        skipWhitespace()
        return marker
    }

    /// `extras = (LEFT_BRACKET WS? extras_list? WS? RIGHT_BRACKET)?`.
    private mutating func parseExtras() throws(PEP508SyntaxError) -> [String] {
        guard let afterOpen = match("[") else { return [] }
        let open = position
        advance(to: afterOpen)
        skipWhitespace()
        let extras = try parseExtrasList()
        skipWhitespace()
        guard let afterClose = match("]") else {
            throw failure("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", start: open)
        }
        advance(to: afterClose)
        return extras
    }

    /// `extras_list = IDENTIFIER (WS? COMMA WS? IDENTIFIER)*`.
    private mutating func parseExtrasList() throws(PEP508SyntaxError) -> [String] {
        guard let firstEnd = matchIdentifier() else { return [] }
        var extras = [text(position..<firstEnd)]
        advance(to: firstEnd)
        while true {
            skipWhitespace()
            if matchIdentifier() != nil { throw failure("Expected comma between extra names") }
            guard let afterComma = match(",") else { break }
            advance(to: afterComma)
            skipWhitespace()
            guard let extraEnd = matchIdentifier() else { throw failure("Expected extra name after comma") }
            extras.append(text(position..<extraEnd))
            advance(to: extraEnd)
        }
        return extras
    }

    /// `specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS | WS? version_many WS?`.
    private mutating func parseSpecifier() throws(PEP508SyntaxError) -> String {
        let open = position
        let afterOpen = match("(")
        if let afterOpen { advance(to: afterOpen) }
        skipWhitespace()
        let specifier = try parseVersionMany()
        skipWhitespace()
        if afterOpen != nil {
            guard let afterClose = match(")") else {
                throw failure("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier", start: open)
            }
            advance(to: afterClose)
        }
        return specifier
    }

    /// `version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)?`, rejecting a `.*` or local label
    /// after an operator that does not allow it.
    private mutating func parseVersionMany() throws(PEP508SyntaxError) -> String {
        var specifier = ""
        while let end = matchSpecifier() {
            let start = position
            specifier += text(position..<end)
            advance(to: end)
            if matchVersionPrefixTrail() {
                throw failure(".* suffix can only be used with `==` or `!=` operators", start: start, end: position + 1)
            }
            if matchVersionLocalLabelTrail() {
                throw failure("Local version label can only be used with `==` or `!=` operators", start: start)
            }
            skipWhitespace()
            guard let afterComma = match(",") else { break }
            specifier += ","
            advance(to: afterComma)
            skipWhitespace()
        }
        return specifier
    }
}
