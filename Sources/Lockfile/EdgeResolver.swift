import SuvBasics
import TOML

/// Fills in the target of bare edges: an edge without `source` names the unique package of
/// its name, else the lock is inconsistent (uv: "has missing `source` field but has more than
/// one matching package").
struct EdgeResolver {
    let byName: [PackageName: [LockedPackage]]

    init(packages: [LockedPackage]) {
        byName = Dictionary(grouping: packages, by: \.name)
    }

    /// Resolves every edge in place; `locations` holds each package's edge positions in
    /// reading order (main edges, extras, groups).
    func resolve(_ packages: inout [LockedPackage], locations: [[SourceLocation?]]) throws(LockfileInconsistency) {
        for index in packages.indices {
            var cursor = 0
            let positions = index < locations.count ? locations[index] : []
            func next() -> SourceLocation? {
                defer { cursor += 1 }
                return cursor < positions.count ? positions[cursor] : nil
            }
            packages[index].dependencies = try resolved(packages[index].dependencies, next)
            for list in packages[index].optionalDependencies.indices {
                packages[index].optionalDependencies[list].edges = try resolved(packages[index].optionalDependencies[list].edges, next)
            }
            for list in packages[index].devDependencies.indices {
                packages[index].devDependencies[list].edges = try resolved(packages[index].devDependencies[list].edges, next)
            }
        }
    }

    private func resolved(_ edges: [LockEdge], _ next: () -> SourceLocation?) throws(LockfileInconsistency) -> [LockEdge] {
        var result: [LockEdge] = []
        for var edge in edges {
            let location = next()
            if edge.source == nil {
                guard let candidates = byName[edge.name], candidates.count == 1, let target = candidates.first else {
                    throw .ambiguousEdge(edge.name.normalized, at: location)
                }
                edge.source = target.source
                if edge.version == nil { edge.version = target.version }
            }
            result.append(edge)
        }
        return result
    }
}
