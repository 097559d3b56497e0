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
    /// The normalized package name (empty for the root).
    public let name: PackageName
    /// The extra this virtual package stands for, if any.
    public let extra: PackageName?
    /// Whether this is the root of the resolution.
    public let isRoot: Bool

    public init(_ name: PackageName, extra: PackageName? = nil) {
        self.name = name
        self.extra = extra
        self.isRoot = false
    }

    /// Shorthand for `PackageID(PackageName(name), extra: extra.map(PackageName.init))`.
    public init(_ name: String, extra: String? = nil) {
        self.init(PackageName(name), extra: extra.map { PackageName($0) })
    }

    private init(root: Void) {
        self.name = PackageName("")
        self.extra = nil
        self.isRoot = true
    }

    /// The root package: the requirements being resolved.
    public static let root = PackageID(root: ())

    /// The package this one is a virtual part of (itself when it has no extra).
    public var base: PackageID { extra == nil ? self : PackageID(name) }

    /// `name` or `name[extra]`; `root` for the root.
    public var description: String {
        if isRoot { return "root" }
        if let extra { return "\(name)[\(extra)]" }
        return name.description
    }

    public static func < (lhs: PackageID, rhs: PackageID) -> Bool {
        if lhs.isRoot != rhs.isRoot { return lhs.isRoot }
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
