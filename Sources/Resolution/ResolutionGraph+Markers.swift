import PEP440
import PEP508
import Resolver
import SuvBasics

extension ResolutionGraph {
    /// For a universal resolution: under which environments each package (and each resolved
    /// extra, keyed `a[x]`) is needed: the root's requirements' markers, carried along every
    /// path (a dependency is needed where its parent is needed and its own marker holds).
    public func reachability() -> [PackageID: NormalizedMarker] {
        var reach: [PackageID: NormalizedMarker] = [:]
        var queue: [PackageID] = []
        func add(_ package: PackageID, _ marker: NormalizedMarker) {
            let current = reach[package] ?? .alwaysFalse
            let widened = current.or(marker)
            if widened != current {
                reach[package] = widened
                queue.append(package)
            }
        }
        func targets(_ requirement: Requirement) -> [PackageID] {
            let name = PackageName(requirement.name)
            return [PackageID(name)] + requirement.extras.map { PackageID(name, extra: PackageName($0)) }
        }
        for expanded in rootRequirements {
            for target in targets(expanded.requirement) { add(target, expanded.marker) }
        }
        while let package = queue.popLast() {
            guard let marker = reach[package] else { continue }
            for expanded in requirements[package] ?? [] {
                let carried = marker.and(expanded.marker)
                if carried.isAlwaysFalse { continue }
                for target in targets(expanded.requirement) { add(target, carried) }
            }
        }
        return reach
    }
}
