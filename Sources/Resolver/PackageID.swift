import PEP440
import SuvBasics

/// What the solver decides a version for: a package, one of its extras, or the root.
///
/// The solver knows nothing about extras. A provider models `a[x]` as a *virtual package*: it
/// has the same versions as `a`, and `a[x]==V` depends on `a==V` (exactly) plus the extra's own
/// requirements. Selecting `a[x]` therefore pins `a` to the same version, and the extra's
/// dependencies join the graph only when someone asked for the extra.
///
/// The root stands for the user's requirements (a project or a `pip` command line); it has one
/// version, ``Version/root``, and its dependencies are the requirements given to the solver.
public struct PackageID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// What kind of node of the resolution this is.
    enum Kind: Int, Hashable, Sendable {
        case root, python, package
    }

    /// The normalized package name (empty for the root and for Python).
    public let name: PackageName
    /// The extra this virtual package stands for, if any.
    public let extra: PackageName?
    let kind: Kind

    /// Whether this is the root of the resolution.
    public var isRoot: Bool { kind == .root }
    /// Whether this is the target Python: a package with one version (the target's), which
    /// versions depend on with their `Requires-Python`.
    public var isPython: Bool { kind == .python }

    public init(_ name: PackageName, extra: PackageName? = nil) {
        self.name = name
        self.extra = extra
        self.kind = .package
    }

    /// Shorthand for `PackageID(PackageName(name), extra: extra.map(PackageName.init))`.
    public init(_ name: String, extra: String? = nil) {
        self.init(PackageName(name), extra: extra.map { PackageName($0) })
    }

    private init(kind: Kind) {
        self.name = PackageName("")
        self.extra = nil
        self.kind = kind
    }

    /// The root package: the requirements being resolved.
    public static let root = PackageID(kind: .root)
    /// The target Python.
    public static let python = PackageID(kind: .python)

    /// The package this one is a virtual part of (itself when it has no extra).
    public var base: PackageID { extra == nil ? self : PackageID(name) }

    /// `name` or `name[extra]`; `root` for the root, `Python` for Python.
    public var description: String {
        switch kind {
        case .root: return "root"
        case .python: return "Python"
        case .package: break
        }
        if let extra { return "\(name)[\(extra)]" }
        return name.description
    }

    /// The root first, then Python, then packages by name, a base package before its extras.
    public static func < (lhs: PackageID, rhs: PackageID) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        switch (lhs.extra, rhs.extra) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let a?, let b?): return a < b
        }
    }
}

extension Version {
    /// The single version of ``PackageID/root``.
    public static let root = Version(release: [0])
}
