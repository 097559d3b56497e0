import SuvBasics

/// A marker as packaging's parser returns it: atoms (comparisons or parenthesized lists) joined
/// left to right by `and`/`or`, before precedence is applied.
struct MarkerList {
    var atoms: [MarkerTree]
    /// `joinedByAnd[i]` joins `atoms[i]` and `atoms[i + 1]`.
    var joinedByAnd: [Bool]

    /// The tree with `and` binding tighter than `or`.
    var tree: MarkerTree {
        var alternatives: [MarkerTree] = []
        var conjunction: [MarkerTree] = []
        for (index, atom) in atoms.enumerated() {
            conjunction.append(atom)
            if index == atoms.count - 1 || !joinedByAnd[index] {
                alternatives.append(conjunction.count == 1 ? conjunction[0] : .and(conjunction))
                conjunction = []
            }
        }
        return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
    }

    /// packaging's `_normalize_extra_values`: canonicalizes the literal compared with `extra`,
    /// but only in the comparisons of this list itself, not inside parentheses.
    mutating func normalizeExtraLiterals() {
        for index in atoms.indices {
            guard case .expression(let expression) = atoms[index] else { continue }
            atoms[index] = .expression(expression.withCanonicalExtraLiteral)
        }
    }
}

extension MarkerExpression {
    /// The comparison with the other side of an `extra` comparison PEP 503-normalized
    /// (`extra == "Foo_Bar"` becomes `extra == "foo-bar"`). A variable on the other side is
    /// turned into the normalized text of its name, as packaging does.
    var withCanonicalExtraLiteral: MarkerExpression {
        if lhs == .variable(.extra) {
            return MarkerExpression(lhs, op, .literal(PackageName.normalize(rhs.text)))
        }
        if rhs == .variable(.extra) {
            return MarkerExpression(.literal(PackageName.normalize(lhs.text)), op, rhs)
        }
        return self
    }
}

extension MarkerValue {
    /// The literal's value, or the variable's (new-style) name.
    var text: String {
        switch self {
        case .variable(let variable): variable.rawValue
        case .literal(let literal): literal
        }
    }
}

extension PEP508Scanner {
    /// `marker = marker_atom (BOOLOP marker_atom)*`, with extra literals of the outer list
    /// normalized.
    mutating func parseMarker() throws(PEP508SyntaxError) -> MarkerTree {
        var list = try parseMarkerList()
        list.normalizeExtraLiterals()
        return list.tree
    }

    /// A whole marker string: a marker, then `END`.
    mutating func parseFullMarker() throws(PEP508SyntaxError) -> MarkerTree {
        let tree = try parseMarker()
        guard isAtEnd else { throw failure("Expected end of marker expression") }
        return tree
    }

    private mutating func parseMarkerList() throws(PEP508SyntaxError) -> MarkerList {
        var list = MarkerList(atoms: [try parseMarkerAtom()], joinedByAnd: [])
        while let (end, isAnd) = matchBooleanOperator() {
            advance(to: end)
            list.joinedByAnd.append(isAnd)
            list.atoms.append(try parseMarkerAtom())
        }
        return list
    }

    /// `marker_atom = WS? '(' WS? marker WS? ')' WS? | WS? marker_item WS?`.
    private mutating func parseMarkerAtom() throws(PEP508SyntaxError) -> MarkerTree {
        skipWhitespace()
        let atom: MarkerTree
        if let afterOpen = match("(") {
            let open = position
            advance(to: afterOpen)
            skipWhitespace()
            let inner = try parseMarkerList().tree
            skipWhitespace()
            guard let afterClose = match(")") else {
                throw failure("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression", start: open)
            }
            advance(to: afterClose)
            atom = .group(inner)
        } else {
            atom = .expression(try parseMarkerItem())
        }
        skipWhitespace()
        return atom
    }

    /// `marker_item = WS? marker_var WS? marker_op WS? marker_var WS?`.
    private mutating func parseMarkerItem() throws(PEP508SyntaxError) -> MarkerExpression {
        skipWhitespace()
        let lhs = try parseMarkerValue()
        skipWhitespace()
        let op = try parseMarkerOperator()
        skipWhitespace()
        let rhs = try parseMarkerValue()
        skipWhitespace()
        return MarkerExpression(lhs, op, rhs)
    }

    /// `marker_var = VARIABLE | QUOTED_STRING`.
    private mutating func parseMarkerValue() throws(PEP508SyntaxError) -> MarkerValue {
        if let (end, variable) = matchVariable() {
            advance(to: end)
            return .variable(variable)
        }
        if let end = matchQuotedString() {
            guard let value = PythonStringLiteral.decode(scalars[position..<end]) else {
                throw failure("Invalid string literal", start: position, end: end)
            }
            advance(to: end)
            return .literal(value)
        }
        throw failure("Expected a marker variable or quoted string")
    }

    /// `marker_op = IN | NOT WS IN | OP`.
    private mutating func parseMarkerOperator() throws(PEP508SyntaxError) -> MarkerOperator {
        if let end = matchKeyword("in") {
            advance(to: end)
            return .in
        }
        if let end = matchKeyword("not") {
            advance(to: end)
            guard let afterSpace = matchWhitespace() else { throw failure("Expected whitespace after 'not'") }
            advance(to: afterSpace)
            guard let afterIn = matchKeyword("in") else { throw failure("Expected 'in' after 'not'") }
            advance(to: afterIn)
            return .notIn
        }
        if let (end, op) = matchComparisonOperator() {
            advance(to: end)
            return op
        }
        throw failure("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in")
    }
}
