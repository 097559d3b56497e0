import SuvBasics

/// Why a marker cannot be evaluated, with packaging's three failures.
public enum MarkerEvaluationError: SuvError, Equatable {
    /// packaging's `UndefinedComparison`: `~=` or `===` on values that do not form a version
    /// specifier, such as `os_name ~= "posix"`.
    case undefinedComparison(lhs: String, op: MarkerOperator, rhs: String)
    /// packaging's `KeyError`: a name the environment does not define, such as `extra` outside
    /// the metadata context, `extras` outside a lock file, or the right-hand literal of a
    /// comparison between two literals (`"a" == "a"` looks up `a`).
    case undefinedName(String)
    /// packaging's `AssertionError`: a set-valued name (`extras`, `dependency_groups`) on the
    /// left of a comparison, as in `extras == "test"`.
    case setOnLeftSide(MarkerVariable)

    public var message: String {
        switch self {
        case .undefinedComparison(let lhs, let op, let rhs):
            "Undefined comparison `\(op.rawValue)` between `\(lhs)` and `\(rhs)`"
        case .undefinedName(let name):
            "The marker environment has no value for `\(name)`"
        case .setOnLeftSide(let variable):
            "`\(variable.rawValue)` is a set and can only appear on the right of `in` or `not in`"
        }
    }
}
