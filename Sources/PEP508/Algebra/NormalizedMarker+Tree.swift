import PEP440

extension NormalizedMarker {
    /// Normalizes a parsed marker: `python_version` onto `python_full_version`,
    /// `platform_system` onto `sys_platform` where uv translates it, and everything into the
    /// canonical disjunctive form.
    public init(_ tree: MarkerTree) {
        switch tree {
        case .expression(let expression):
            self = Self.normalize(expression)
        case .group(let inner):
            self.init(inner)
        case .and(let operands):
            self = operands.reduce(.alwaysTrue) { $0.and(NormalizedMarker($1)) }
        case .or(let operands):
            self = operands.reduce(.alwaysFalse) { $0.or(NormalizedMarker($1)) }
        }
    }

    /// uv's translation of `platform_system` values with a `sys_platform` equivalent.
    static let platformSystemToSysPlatform = [
        "Windows": "win32", "Darwin": "darwin", "Linux": "linux", "AIX": "aix", "Emscripten": "emscripten", "Android": "android",
    ]

    static func normalize(_ expression: MarkerExpression) -> NormalizedMarker {
        let atom = NormalizedMarker.constraint(.atom(expression), .truth(true))
        guard let (variable, op, literal) = oriented(expression) else { return atom }
        switch variable {
        case .pythonVersion, .pythonFullVersion, .implementationVersion:
            guard op != .arbitraryEqual, op != .in, op != .notIn,
                  let specifier = try? VersionSpecifier(parsing: op.rawValue + literal),
                  let ranges = Optional(specifier.ranges) else { return atom }
            switch variable {
            case .pythonVersion: return .constraint(.python, .versions(PythonVersions.fullVersionRanges(forPythonVersion: ranges)))
            case .pythonFullVersion: return .constraint(.python, .versions(ranges))
            default: return .constraint(.implementationVersion, .versions(ranges))
            }
        case .extra:
            switch op {
            case .equal: return .constraint(.extra(literal), .truth(true))
            case .notEqual: return .constraint(.extra(literal), .truth(false))
            default: return atom
            }
        case .platformSystem where (op == .equal || op == .notEqual) && platformSystemToSysPlatform[literal] != nil:
            let value = platformSystemToSysPlatform[literal] ?? literal
            return .constraint(.string(.sysPlatform), .strings(op == .equal ? .only([value]) : .except([value])))
        case .implementationName, .osName, .platformMachine, .platformPythonImplementation, .platformSystem,
             .platformVersion, .sysPlatform:
            // A literal that is a valid version compares as a version: keep it opaque.
            guard op == .equal || op == .notEqual, Version(literal) == nil else { return atom }
            return .constraint(.string(variable), .strings(op == .equal ? .only([literal]) : .except([literal])))
        case .platformRelease, .extras, .dependencyGroups:
            return atom
        }
    }

    /// `variable op literal`, turning `literal op variable` around where that keeps the
    /// meaning (ordered comparisons flip; `in`, `~=` and `===` do not turn around).
    private static func oriented(_ expression: MarkerExpression) -> (MarkerVariable, MarkerOperator, String)? {
        switch (expression.lhs, expression.rhs) {
        case (.variable(let variable), .literal(let literal)):
            return (variable, expression.op, literal)
        case (.literal(let literal), .variable(let variable)):
            let flipped: MarkerOperator
            switch expression.op {
            case .equal, .notEqual: flipped = expression.op
            case .lessThan: flipped = .greaterThan
            case .lessThanOrEqual: flipped = .greaterThanOrEqual
            case .greaterThan: flipped = .lessThan
            case .greaterThanOrEqual: flipped = .lessThanOrEqual
            case .compatible, .arbitraryEqual, .in, .notIn: return nil
            }
            return (variable, flipped, literal)
        default:
            return nil
        }
    }
}
