import SuvBasics
import TOML

/// Fills in the target of bare edges: an edge without `source` names the unique package of
/// its name, else the lock is inconsistent (uv: "has missing `source` field but has more than
/// one matching package").
struct EdgeResolver {
    /// What a bare edge to a name becomes: the source and version of the one package of that
    /// name, or nil when several packages share it.
    private let targets: [PackageName: Target?]

    private struct Target {
        let source: LockSource
        let version: String?
    }

    init(packages: [LockedPackage]) {
        var targets: [PackageName: Target?] = [:]
        targets.reserveCapacity(packages.count)
        for package in packages {
            if targets[package.name] != nil {
                targets[package.name] = .some(nil)
            } else {
                targets[package.name] = Target(source: package.source, version: package.version)
            }
        }
        self.targets = targets
    }

    /// Resolves every edge in place; `offsets` holds each package's edge positions in reading
    /// order (main edges, extras, groups), turned into a line and column by `locate` only for
    /// the message of an inconsistent edge.
    func resolve(
        _ packages: inout [LockedPackage], offsets: [[Int]], locate: (Int) -> SourceLocation
    ) throws(LockfileInconsistency) {
        for index in packages.indices {
            let positions = index < offsets.count ? offsets[index] : []
            var cursor = 0
            let location = { (edge: Int) -> SourceLocation? in
                edge < positions.count ? locate(positions[edge]) : nil
            }
            try resolve(&packages[index].dependencies, &cursor, location)
            for list in packages[index].optionalDependencies.indices {
                try resolve(&packages[index].optionalDependencies[list].edges, &cursor, location)
            }
            for list in packages[index].devDependencies.indices {
                try resolve(&packages[index].devDependencies[list].edges, &cursor, location)
            }
        }
    }

    /// Fills the bare edges of one list; `cursor` numbers the package's edges in reading order.
    private func resolve(
        _ edges: inout [LockEdge], _ cursor: inout Int, _ location: (Int) -> SourceLocation?
    ) throws(LockfileInconsistency) {
        for position in edges.indices {
            defer { cursor += 1 }
            guard edges[position].source == nil else { continue }
            guard let candidate = targets[edges[position].name], let target = candidate else {
                throw .ambiguousEdge(edges[position].name.normalized, at: location(cursor))
            }
            edges[position].source = target.source
            if edges[position].version == nil { edges[position].version = target.version }
        }
    }
}
