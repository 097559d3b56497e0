import PEP440
import SuvBasics

/// Which undecided package the solver decides next, as uv orders them.
///
/// Each package name has a priority class; within a class, the package seen first wins. From
/// lowest to highest: a package met through an ordinary range; one whose selected versions
/// were often the *culprit* of rejecting others (decided late); one whose versions were often
/// *rejected* (decided early); one constrained to a single version (`==1.0`); the root. Virtual
/// packages (`a[x]`) share their base name's class and are ordered among themselves by when
/// they were first seen, so `a[x]` is decided before `a` when it was required first.
struct PackagePriorities: Sendable {
    enum Kind: Int, Comparable, Sendable {
        case unspecified, conflictLate, conflictEarly, singleton, root

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Priority: Comparable, Sendable {
        var kind: Kind
        /// First-seen order of the name: lower is more important.
        var index: Int

        static func < (lhs: Priority, rhs: Priority) -> Bool {
            lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.index > rhs.index
        }
    }

    private var byName: [PackageName: Priority] = [:]
    private var tiebreakers: [PackageID: Int] = [:]

    /// Registers a dependency on `package` within `ranges` (and on its base package).
    mutating func insert(_ package: PackageID, _ ranges: VersionRanges) {
        register(package, ranges)
        if package.extra != nil { register(package.base, ranges) }
    }

    private mutating func register(_ package: PackageID, _ ranges: VersionRanges) {
        if tiebreakers[package] == nil { tiebreakers[package] = tiebreakers.count }
        guard !package.isRoot, !package.isPython else { return }
        let kind: Kind = ranges.isSingletonConstraint ? .singleton : .unspecified
        guard let current = byName[package.name] else {
            byName[package.name] = Priority(kind: kind, index: byName.count)
            return
        }
        if kind == .unspecified, current.kind == .conflictEarly || current.kind == .conflictLate { return }
        let candidate = Priority(kind: kind, index: current.index)
        if candidate > current { byName[package.name] = candidate }
    }

    /// Moves `package` to the "decide early" class; `false` when it already was there.
    mutating func markConflictEarly(_ package: PackageID) -> Bool {
        let index = byName[package.name]?.index ?? byName.count
        if byName[package.name]?.kind == .conflictEarly { return false }
        byName[package.name] = Priority(kind: .conflictEarly, index: index)
        return true
    }

    /// Moves `package` to the "decide late" class; `false` when it already was in a conflict class.
    mutating func markConflictLate(_ package: PackageID) -> Bool {
        let current = byName[package.name]
        if current?.kind == .conflictEarly || current?.kind == .conflictLate { return false }
        byName[package.name] = Priority(kind: .conflictLate, index: current?.index ?? byName.count)
        return true
    }

    /// The ordering key of `package`: higher is decided first.
    func key(_ package: PackageID) -> (Priority, Int) {
        let tiebreaker = -(tiebreakers[package] ?? Int.max / 2)
        if package.isRoot { return (Priority(kind: .root, index: 0), 0) }
        if package.isPython { return (Priority(kind: .root, index: 0), -1) }
        return (byName[package.name] ?? Priority(kind: .unspecified, index: Int.max), tiebreaker)
    }
}

extension VersionRanges {
    /// Whether these ranges admit one version only, as `==1.0` does (its local variants
    /// included).
    var isSingletonConstraint: Bool {
        guard segments.count == 1, case .included(let low) = segments[0].lower,
              case .included(let high) = segments[0].upper else { return false }
        return low == high || (high.bound == .afterLocals && high.description == low.description)
    }
}
