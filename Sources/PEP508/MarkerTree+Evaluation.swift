import PEP440
import SuvBasics

extension MarkerTree {
    /// Evaluates the marker as packaging 26's `Marker.evaluate(environment, context)` does.
    ///
    /// Every comparison is evaluated, left to right, even when the result is already known, so
    /// an error anywhere in the marker is reported, as packaging reports it. See
    /// ``MarkerExpression/evaluate(_:context:)`` for the comparison rules.
    public func evaluate(
        _ environment: MarkerEnvironment, context: MarkerEvaluationContext = .metadata()
    ) throws(MarkerEvaluationError) -> Bool {
        switch self {
        case .expression(let expression):
            return try expression.evaluate(environment, context: context)
        case .group(let inner):
            return try inner.evaluate(environment, context: context)
        case .and(let operands):
            var result = true
            for operand in operands {
                if try !operand.evaluate(environment, context: context) { result = false }
            }
            return result
        case .or(let operands):
            var result = false
            for operand in operands {
                if try operand.evaluate(environment, context: context) { result = true }
            }
            return result
        }
    }
}

extension MarkerExpression {
    /// Evaluates one comparison as packaging 26 does.
    ///
    /// - The side that is a variable is looked up; when the left side is a literal, the right
    ///   side's text is the name looked up (so `"a" == "a"` fails: `a` is undefined), and when
    ///   both sides are variables the right one stands for its own name.
    /// - For `python_version`, `python_full_version`, `implementation_version` and
    ///   `platform_release`, `op rhs` is tried as a PEP 440 specifier and applied to the left
    ///   value with pre-releases allowed; a left value that is not a version then gives `false`
    ///   for every operator but `===`, which compares the text case-insensitively.
    /// - Otherwise (any other variable, or no valid specifier): `==` and `!=` compare strings,
    ///   `<=` and `>=` act as `==`, `<` and `>` are `false`, `in` and `not in` test for a
    ///   substring (or membership in `extras` and `dependency_groups`), and `~=` and `===`
    ///   throw ``MarkerEvaluationError/undefinedComparison(lhs:op:rhs:)``.
    public func evaluate(
        _ environment: MarkerEnvironment, context: MarkerEvaluationContext = .metadata()
    ) throws(MarkerEvaluationError) -> Bool {
        let key: MarkerVariable
        var left: String
        var leftVersion: Version??
        let right: Operand
        switch lhs {
        case .variable(let variable):
            key = variable
            guard case .text(let text, let version) = try Self.lookup(variable, environment, context) else {
                throw .setOnLeftSide(variable)
            }
            left = text
            leftVersion = variable.isVersionLike ? .some(version) : nil
            right = .text(rhs.text, nil)
        case .literal(let literal):
            guard let variable = MarkerVariable(rawValue: rhs.text) else { throw .undefinedName(rhs.text) }
            key = variable
            left = literal
            leftVersion = nil
            right = try Self.lookup(variable, environment, context)
        }
        if key == .extras || key == .dependencyGroups {
            left = PackageName.normalize(left)
        }
        if key.isVersionLike, op != .in, op != .notIn, case .text(let rightText, _) = right,
           let specifier = try? VersionSpecifier(parsing: op.rawValue + rightText) {
            if specifier.op == .arbitraryEqual {
                return left.pythonLowercased.utf8.elementsEqual(specifier.versionText.pythonLowercased.utf8)
            }
            guard let version = leftVersion ?? Version(left) else { return false }
            return specifier.contains(version)
        }
        switch op {
        case .in, .notIn:
            let found = switch right {
            case .text(let text, _): Self.contains(text, left)
            case .set(let names): names.contains(left)
            }
            return found == (op == .in)
        case .lessThan, .greaterThan:
            return false
        case .equal, .lessThanOrEqual, .greaterThanOrEqual, .notEqual:
            let equal = switch right {
            case .text(let text, _): left.utf8.elementsEqual(text.utf8)
            case .set: false
            }
            return equal == (op != .notEqual)
        case .compatible, .arbitraryEqual:
            let rightDescription = switch right {
            case .text(let text, _): text
            case .set(let names): "{" + names.sorted().joined(separator: ", ") + "}"
            }
            throw .undefinedComparison(lhs: left, op: op, rhs: rightDescription)
        }
    }

    /// A value a name stands for: a string (with its version for version-like variables) or a
    /// set of normalized names.
    private enum Operand {
        case text(String, Version?)
        case set(Set<String>)
    }

    private static func lookup(
        _ variable: MarkerVariable, _ environment: MarkerEnvironment, _ context: MarkerEvaluationContext
    ) throws(MarkerEvaluationError) -> Operand {
        switch variable {
        case .extra:
            guard let extra = context.extra else { throw .undefinedName(variable.rawValue) }
            return .text(extra, nil)
        case .extras:
            guard context.kind == .lockFile else { throw .undefinedName(variable.rawValue) }
            return .set(context.extras)
        case .dependencyGroups:
            guard context.kind == .lockFile else { throw .undefinedName(variable.rawValue) }
            return .set(context.dependencyGroups)
        default:
            guard let (text, version) = environment.markerValue(variable) else { throw .undefinedName(variable.rawValue) }
            return .text(text, version)
        }
    }

    /// Python's `needle in haystack` for strings: a code-point substring test.
    private static func contains(_ haystack: String, _ needle: String) -> Bool {
        let hay = haystack.utf8
        let pin = needle.utf8
        guard !pin.isEmpty else { return true }
        guard pin.count <= hay.count else { return false }
        var start = hay.startIndex
        let last = hay.index(hay.endIndex, offsetBy: -pin.count)
        while true {
            if hay[start...].starts(with: pin) { return true }
            if start == last { return false }
            start = hay.index(after: start)
        }
    }
}
