/// The variables a PEP 508 marker can test, plus the lock-file context's `extras` and
/// `dependency_groups` sets.
public enum MarkerVariable: String, Sendable, Hashable, CaseIterable, Comparable {
    case implementationName = "implementation_name"
    case implementationVersion = "implementation_version"
    case osName = "os_name"
    case platformMachine = "platform_machine"
    case platformPythonImplementation = "platform_python_implementation"
    case platformRelease = "platform_release"
    case platformSystem = "platform_system"
    case platformVersion = "platform_version"
    case pythonFullVersion = "python_full_version"
    case pythonVersion = "python_version"
    case sysPlatform = "sys_platform"
    case extra
    case extras
    case dependencyGroups = "dependency_groups"

    /// Whether values of this variable compare as PEP 440 versions when they can.
    public var isVersionLike: Bool {
        switch self {
        case .pythonVersion, .pythonFullVersion, .implementationVersion, .platformRelease: true
        default: false
        }
    }

    public static func < (lhs: MarkerVariable, rhs: MarkerVariable) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A marker comparison operator.
public enum MarkerOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case compatible = "~="
    case arbitraryEqual = "==="
    case `in` = "in"
    case notIn = "not in"
}

/// One side of a marker comparison.
public enum MarkerValue: Sendable, Hashable {
    case variable(MarkerVariable)
    /// A quoted string, as written (for `extra`, canonicalized at parse time as packaging does).
    case literal(String)
}

/// One comparison, such as `python_version >= "3.8"` or `"linux" in sys_platform`.
public struct MarkerExpression: Sendable, Hashable {
    public var lhs: MarkerValue
    public var op: MarkerOperator
    public var rhs: MarkerValue

    public init(_ lhs: MarkerValue, _ op: MarkerOperator, _ rhs: MarkerValue) {
        self.lhs = lhs
        self.op = op
        self.rhs = rhs
    }
}

/// A parsed marker as written: comparisons joined by `and`/`or`, with the parentheses the
/// input used (``group``), so that it prints as `packaging` prints it.
///
/// The marker algebra (`NormalizedMarker`) turns a tree into a canonical form for
/// simplification, comparison, and uv's lock-file spelling.
public indirect enum MarkerTree: Sendable, Hashable {
    case expression(MarkerExpression)
    /// Two or more operands joined by `and`.
    case and([MarkerTree])
    /// Two or more operands joined by `or`.
    case or([MarkerTree])
    /// A parenthesized sub-marker.
    case group(MarkerTree)
}
