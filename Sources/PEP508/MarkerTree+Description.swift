extension MarkerTree: CustomStringConvertible {
    /// packaging's `str(Marker)`: new variable names, double-quoted literals, single spaces, and
    /// parentheses where the input had them, with packaging's quirks: a parenthesized single
    /// comparison loses its parentheses (`(a) and b` prints as `a and b`), and so does a marker
    /// wrapped in two or more pairs (`((a or b))` prints as `a or b`, also inside a larger marker).
    public var description: String {
        Self.format(list: self, outermost: true)
    }

    /// `_format_marker` applied to a list, where `tree` is that list's contents.
    private static func format(list tree: MarkerTree, outermost: Bool) -> String {
        switch tree {
        case .expression(let expression):
            return expression.description
        case .group(let inner):
            // A list whose only item is a list: formatted as an outermost list.
            return format(list: inner, outermost: true)
        case .and, .or:
            let joined = format(sequence: tree)
            return outermost ? joined : "(" + joined + ")"
        }
    }

    /// The items of a list joined by their operators.
    private static func format(sequence tree: MarkerTree) -> String {
        switch tree {
        case .and(let operands):
            // An `or` directly under an `and` cannot come from parsing; parenthesize it so a
            // tree built in code still prints with its meaning.
            return operands.map { operand in
                if case .or = operand { return "(" + format(sequence: operand) + ")" }
                return format(sequence: operand)
            }.joined(separator: " and ")
        case .or(let operands):
            return operands.map(format(sequence:)).joined(separator: " or ")
        case .expression(let expression):
            return expression.description
        case .group(let inner):
            return format(list: inner, outermost: false)
        }
    }
}

extension MarkerExpression: CustomStringConvertible {
    /// `lhs op rhs`, with literals in double quotes, as packaging prints a comparison.
    public var description: String {
        lhs.description + " " + op.rawValue + " " + rhs.description
    }
}

extension MarkerValue: CustomStringConvertible {
    /// The variable's name, or the literal in double quotes (not escaped, as packaging does), or
    /// in single quotes when it holds a double quote: packaging would print `"a"b"`, which does
    /// not parse (found by `scripts/fuzz pep508`). A parsed literal never holds both kinds.
    public var description: String {
        switch self {
        case .variable(let variable): variable.rawValue
        case .literal(let literal): literal.contains("\"") ? "'" + literal + "'" : "\"" + literal + "\""
        }
    }
}
