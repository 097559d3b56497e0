import PEP440

/// What one constraint of a normalized marker is about. The order of the cases is the order
/// uv writes terms in a conjunction: version markers, string markers, list markers, `extra`.
public enum MarkerKey: Sendable, Hashable, Comparable {
    /// `implementation_version`, as a PEP 440 version.
    case implementationVersion
    /// `python_full_version`, with `python_version` comparisons rewritten onto it.
    case python
    /// A string variable compared with `==` / `!=`.
    case string(MarkerVariable)
    /// A comparison the algebra treats as an independent proposition (substring tests,
    /// ordered string comparisons, `platform_release`, list markers...).
    case atom(MarkerExpression)
    /// `extra == '<name>'`: as in uv, each extra is its own proposition (a lock file can
    /// activate several extras at once).
    case extra(String)

    /// uv's order of string variables.
    static let stringOrder: [MarkerVariable] = [
        .implementationName, .osName, .platformMachine, .platformPythonImplementation,
        .platformRelease, .platformSystem, .platformVersion, .sysPlatform,
    ]

    private var rank: (Int, Int, String) {
        switch self {
        case .implementationVersion: return (0, 0, "")
        case .python: return (1, 0, "")
        case .string(let variable): return (2, Self.stringOrder.firstIndex(of: variable) ?? 99, "")
        case .atom(let expression):
            let variable = expression.variable
            let group = variable.map { [.extras, .dependencyGroups].contains($0) } ?? false ? 3 : 2
            let order = variable.flatMap { Self.stringOrder.firstIndex(of: $0) } ?? 98
            return (group, order, expression.uvDescription)
        case .extra(let name): return (4, 0, name)
        }
    }

    public static func < (lhs: MarkerKey, rhs: MarkerKey) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// The allowed values for one ``MarkerKey``.
public enum MarkerDomain: Sendable, Hashable {
    case versions(VersionRanges)
    case strings(StringDomain)
    /// For atoms: whether the comparison must hold (`true`) or fail (`false`).
    case truth(Bool)

    var isEmpty: Bool {
        switch self {
        case .versions(let ranges): ranges.isEmpty
        case .strings(let domain): domain.isEmpty
        case .truth: false
        }
    }

    var isFull: Bool {
        switch self {
        case .versions(let ranges): ranges.isFull
        case .strings(let domain): domain.isFull
        case .truth: false
        }
    }

    /// nil when the two cannot both hold (opposite atoms).
    func intersection(_ other: MarkerDomain) -> MarkerDomain? {
        switch (self, other) {
        case (.versions(let a), .versions(let b)): return .versions(a.intersection(b))
        case (.strings(let a), .strings(let b)): return .strings(a.intersection(b))
        case (.truth(let a), .truth(let b)): return a == b ? self : nil
        default: return nil
        }
    }

    /// nil when the union is not a single domain (two different atom truths: always true).
    func union(_ other: MarkerDomain) -> MarkerDomain? {
        switch (self, other) {
        case (.versions(let a), .versions(let b)): return .versions(a.union(b))
        case (.strings(let a), .strings(let b)): return .strings(a.union(b))
        case (.truth(let a), .truth(let b)): return a == b ? self : nil
        default: return nil
        }
    }

    func isSubset(of other: MarkerDomain) -> Bool {
        switch (self, other) {
        case (.versions(let a), .versions(let b)): return a.isSubset(of: b)
        case (.strings(let a), .strings(let b)): return a.isSubset(of: b)
        case (.truth(let a), .truth(let b)): return a == b
        default: return false
        }
    }

    var complement: MarkerDomain {
        switch self {
        case .versions(let ranges): .versions(ranges.complement)
        case .strings(let domain): .strings(domain.complement)
        case .truth(let value): .truth(!value)
        }
    }
}

extension MarkerExpression {
    /// The variable compared, if exactly one side is a variable.
    var variable: MarkerVariable? {
        switch (lhs, rhs) {
        case (.variable(let variable), .literal), (.literal, .variable(let variable)): variable
        default: nil
        }
    }
}
