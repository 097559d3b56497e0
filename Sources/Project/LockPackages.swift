import Lockfile
import PEP440
import SuvBasics

/// A lock's packages by position, in uv's package order (name, version, source), with the
/// targets of edges resolved: what `suv tree` and `suv export` walk.
struct LockPackages {
    /// Sorted as uv sorts package ids.
    let packages: [LockedPackage]
    private let byName: [PackageName: [Int]]

    init(_ lock: Lock) {
        packages = lock.packages.sorted(by: Self.precedes)
        var byName: [PackageName: [Int]] = [:]
        for (index, package) in packages.enumerated() { byName[package.name, default: []].append(index) }
        self.byName = byName
    }

    /// The positions of the packages locked under `name`.
    func positions(named name: PackageName) -> [Int] {
        byName[name] ?? []
    }

    /// The package an edge points to: the one with its name, version and source, else the only
    /// package of that name.
    func target(of edge: LockEdge) throws(LockGraphError) -> Int {
        let candidates = positions(named: edge.name)
        let matching = candidates.filter { index in
            (edge.version == nil || packages[index].version == edge.version)
                && (edge.source == nil || packages[index].source == edge.source)
        }
        guard let index = matching.first ?? (candidates.count == 1 ? candidates.first : nil) else {
            throw .missingPackage(edge.name.description)
        }
        return index
    }

    /// The workspace root's own package (an editable or virtual source at `.`), as uv's
    /// `Lock::root` finds it.
    var root: Int? {
        packages.firstIndex { package in
            switch package.source {
            case .editable(let path), .virtual(let path): path == "." || path.isEmpty
            default: false
            }
        }
    }

    /// The workspace members: those the lock lists, else the root project alone.
    func members(of lock: Lock) -> [Int] {
        if lock.manifest.members.isEmpty { return root.map { [$0] } ?? [] }
        let names = Set(lock.manifest.members)
        return packages.indices.filter { names.contains(packages[$0].name) }
    }

    /// uv's order of package ids.
    static func precedes(_ lhs: LockedPackage, _ rhs: LockedPackage) -> Bool {
        if lhs.name != rhs.name { return lhs.name.normalized.utf8Precedes(rhs.name.normalized) }
        switch (lhs.version, rhs.version) {
        case (nil, _?): return true
        case (_?, nil): return false
        case (let left?, let right?) where left != right:
            switch (Version(left), Version(right)) {
            case (let a?, let b?) where a != b: return a < b
            case (_?, nil): return true
            case (nil, _?): return false
            default: return left.utf8.lexicographicallyPrecedes(right.utf8)
            }
        default:
            break
        }
        let (left, right) = (rank(lhs.source), rank(rhs.source))
        if left != right { return left < right }
        return lhs.source.value.utf8.lexicographicallyPrecedes(rhs.source.value.utf8)
    }

    /// The position of a source kind in uv's order.
    private static func rank(_ source: LockSource) -> Int {
        switch source {
        case .registry: 0
        case .git: 1
        case .url: 2
        case .path: 3
        case .directory: 4
        case .editable: 5
        case .virtual: 6
        }
    }
}

/// A lock that cannot be walked.
public enum LockGraphError: SuvError, Equatable {
    /// An edge names a package the lock does not hold.
    case missingPackage(String)
    /// A marker in the lock does not parse.
    case invalidMarker(String)
    /// The lock's `requires-python` does not parse.
    case invalidRequiresPython(String)
    /// A project asked for is not in the lock.
    case missingRoot(String)

    public var message: String {
        switch self {
        case .missingPackage(let name): "The lockfile is missing `\(name)`, which an edge points to; run `suv lock`"
        case .invalidMarker(let marker): "Invalid marker in the lockfile: `\(marker)`"
        case .invalidRequiresPython(let text): "Invalid `requires-python` in the lockfile: `\(text)`"
        case .missingRoot(let name): "Could not find root package `\(name)`"
        }
    }

    public var kind: ErrorKind { .failure }
}
