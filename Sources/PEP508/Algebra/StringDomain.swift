/// The values a string marker variable may take: a finite set (`sys_platform == 'linux'`) or
/// everything but a finite set (`sys_platform != 'win32'`). Closed under union, intersection
/// and complement.
public enum StringDomain: Sendable, Hashable {
    case only(Set<String>)
    case except(Set<String>)

    public static let all = StringDomain.except([])
    public static let none = StringDomain.only([])

    public var isEmpty: Bool { self == .none }
    public var isFull: Bool { self == .all }

    public func contains(_ value: String) -> Bool {
        switch self {
        case .only(let values): values.contains(value)
        case .except(let values): !values.contains(value)
        }
    }

    public var complement: StringDomain {
        switch self {
        case .only(let values): .except(values)
        case .except(let values): .only(values)
        }
    }

    public func intersection(_ other: StringDomain) -> StringDomain {
        switch (self, other) {
        case (.only(let a), .only(let b)): .only(a.intersection(b))
        case (.only(let a), .except(let b)), (.except(let b), .only(let a)): .only(a.subtracting(b))
        case (.except(let a), .except(let b)): .except(a.union(b))
        }
    }

    public func union(_ other: StringDomain) -> StringDomain {
        complement.intersection(other.complement).complement
    }

    public func isSubset(of other: StringDomain) -> Bool {
        intersection(other.complement).isEmpty
    }
}
