import Lockfile
import PEP508
import SuvBasics

/// The graph uv's export builds from a lock: a synthetic root (node 0) with edges to the target
/// projects and to their selected groups' dependencies, then everything reachable through
/// dependencies and the extras edges activate; each package's marker is the union, over every
/// path to it, of the conjunction of the markers along the path.
struct ExportGraph {
    enum Kind: Equatable {
        case production
        case optional(String)
        case group(String)
    }

    struct Edge {
        var source: Int
        var target: Int
        var kind: Kind
        var marker: NormalizedMarker
    }

    let lock: Lock
    let options: RequirementsExport.Options
    let packages: LockPackages
    private var markers: LockMarkers
    /// The package of each node; `nil` for the synthetic root (node 0).
    private var nodePackage: [Int?] = [nil]
    private var nodeOfPackage: [Int: Int] = [:]
    private var edges: [Edge] = []
    /// Conflict items (uv's encoded `extra` names) the selection activates somewhere.
    private var activated: Set<String> = []

    init(lock: Lock, options: RequirementsExport.Options) throws(LockGraphError) {
        self.lock = lock
        self.options = options
        packages = LockPackages(lock)
        markers = try LockMarkers(lock: lock)
        try build()
    }

    // MARK: Building

    private mutating func node(for package: Int) -> Int {
        if let known = nodeOfPackage[package] { return known }
        nodePackage.append(package)
        nodeOfPackage[package] = nodePackage.count - 1
        return nodePackage.count - 1
    }

    /// The names of the target's projects (uv's `Installable::roots`).
    private var rootNames: [PackageName] {
        switch options.target {
        case .project(let name): [name]
        case .projects(let names): names
        case .workspace: packages.members(of: lock).map { packages.packages[$0].name }
        case .nonProjectWorkspace: lock.manifest.members
        }
    }

    /// The project `--no-emit-project` leaves out.
    var projectName: PackageName? {
        switch options.target {
        case .project(let name): name
        case .workspace: lock.manifest.members.isEmpty ? packages.root.map { packages.packages[$0].name } : nil
        case .projects, .nonProjectWorkspace: nil
        }
    }

    /// The groups a package declares (locked with dependencies, or declared empty).
    private func declaredGroups(_ package: LockedPackage) -> Set<String> {
        Set(package.devDependencies.map(\.name)).union(package.metadata?.requiresDev.map(\.name) ?? [])
    }

    /// uv's `includes_group`: a selected group of the target project; a workspace root's
    /// group (`package` the root, or `nil` for a root without `[project]`) only when named on
    /// the command line and not also a group of the selected member.
    private func includesGroup(_ package: PackageName?, _ group: String) -> Bool {
        guard options.groups.contains(group) else { return false }
        guard case .project(let name) = options.target else { return true }
        if package == name { return true }
        if !options.allGroups && !options.requestedGroups.contains(group) { return false }
        guard let member = packages.positions(named: name).first else { return true }
        return !declaredGroups(packages.packages[member]).contains(group)
    }

    /// A workspace root whose groups join a member's export (uv's `group_root`).
    private var groupRoot: PackageName? {
        guard case .project(let name) = options.target, let root = packages.root else { return nil }
        let package = packages.packages[root]
        guard package.name != name else { return nil }
        return declaredGroups(package).contains { includesGroup(package.name, $0) } ? package.name : nil
    }

    private func selectedExtras(_ package: LockedPackage) -> [String] {
        let names = package.optionalDependencies.map(\.name).sorted()
        switch options.extras {
        case .all: return names
        case .allExcept(let excluded): return names.filter { !excluded.contains($0) }
        case .some(let chosen): return names.filter { chosen.contains($0) }
        }
    }

    private mutating func build() throws(LockGraphError) {
        struct Pending: Hashable {
            var package: Int
            var extra: String?
        }
        var queue: [Pending] = []
        var head = 0
        var seen: Set<Pending> = []
        func enqueue(_ package: Int, _ extras: [String]) {
            for item in [Pending(package: package, extra: nil)] + extras.map({ Pending(package: package, extra: $0) })
            where seen.insert(item).inserted {
                queue.append(item)
            }
        }

        let roots = rootNames.map { ($0, true) } + (groupRoot.map { [($0, false)] } ?? [])
        for (name, production) in roots {
            if options.prune.contains(name) { continue }
            guard let position = packages.positions(named: name).first else { throw .missingRoot(name.description) }
            let package = packages.packages[position]
            if production {
                activated.insert(Self.encodedProject(name))
            }
            if production && options.production {
                let index = node(for: position)
                edges.append(Edge(source: 0, target: index, kind: .production, marker: .alwaysTrue))
                // The roots are queued whether or not they were seen, as uv does.
                queue.append(Pending(package: position, extra: nil))
                for extra in selectedExtras(package) {
                    queue.append(Pending(package: position, extra: extra))
                    activated.insert(Self.encodedExtra(name, extra))
                }
            }
            for group in package.devDependencies.sorted(by: { $0.name < $1.name }) where includesGroup(name, group.name) {
                activated.insert(Self.encodedGroup(name, group.name))
                for dependency in group.edges {
                    if options.prune.contains(dependency.name) { continue }
                    let target = try packages.target(of: dependency)
                    let targetNode = node(for: target)
                    edges.append(Edge(source: 0, target: targetNode, kind: .group(group.name), marker: try markers.complete(dependency.marker)))
                    activate(dependency)
                    enqueue(target, dependency.extras)
                }
            }
        }

        // What the workspace itself requires: a script's dependencies, a virtual root's groups.
        var requirements = lock.manifest.requirements
        for group in lock.manifest.dependencyGroups.sorted(by: { $0.name < $1.name }) where includesGroup(nil, group.name) {
            requirements += group.requirements
        }
        for requirement in requirements where !options.prune.contains(requirement.name) {
            for position in packages.positions(named: requirement.name) {
                let package = packages.packages[position]
                var marker = try requirement.marker.map { text throws(LockGraphError) in try Self.marker(text).withPythonReleasesOnly } ?? .alwaysTrue
                if !package.resolutionMarkers.isEmpty {
                    var forks = NormalizedMarker.alwaysFalse
                    for fork in package.resolutionMarkers { forks = forks.or(try Self.marker(fork).withPythonReleasesOnly) }
                    marker = forks.and(marker)
                }
                marker = marker.and(.pythonVersions(markers.requiresPython))
                if marker.isAlwaysFalse { continue }
                let targetNode = node(for: position)
                edges.append(Edge(source: 0, target: targetNode, kind: .production, marker: marker))
                for extra in requirement.extras { activated.insert(Self.encodedExtra(requirement.name, extra)) }
                enqueue(position, requirement.extras)
            }
        }

        while head < queue.count {
            let item = queue[head]
            head += 1
            let package = packages.packages[item.package]
            let dependencies = item.extra.map { extra in package.optionalDependencies.first { $0.name == extra }?.edges ?? [] }
                ?? package.dependencies
            let source = node(for: item.package)
            for dependency in dependencies {
                if options.prune.contains(dependency.name) { continue }
                let target = try packages.target(of: dependency)
                let targetNode = node(for: target)
                edges.append(Edge(source: source, target: targetNode, kind: item.extra.map { .optional($0) } ?? .production,
                                  marker: try markers.complete(dependency.marker)))
                activate(dependency)
                enqueue(target, dependency.extras)
            }
        }

        // Conflict markers (`extra == 'extra-3-pkg-x'`) decided by what the selection activates.
        if !lock.conflicts.isEmpty {
            for index in edges.indices { edges[index].marker = edges[index].marker.assigningExtras(activated) }
        }
    }

    private mutating func activate(_ dependency: LockEdge) {
        for extra in dependency.extras { activated.insert(Self.encodedExtra(dependency.name, extra)) }
    }

    static func encodedExtra(_ package: PackageName, _ extra: String) -> String {
        "extra-\(package.normalized.utf8.count)-\(package.normalized)-\(extra)"
    }

    static func encodedGroup(_ package: PackageName, _ group: String) -> String {
        "group-\(package.normalized.utf8.count)-\(package.normalized)-\(group)"
    }

    static func encodedProject(_ package: PackageName) -> String {
        "project-\(package.normalized.utf8.count)-\(package.normalized)"
    }

    private static func marker(_ text: String) throws(LockGraphError) -> NormalizedMarker {
        do {
            return NormalizedMarker(try MarkerTree(parsing: text))
        } catch {
            throw .invalidMarker(text)
        }
    }

    // MARK: Reachability

    /// Each node's marker: the union over the paths from the root of the conjunction of their
    /// edges' markers, propagated until nothing changes.
    private func reachability() -> [NormalizedMarker?] {
        var outgoing = Array(repeating: [Int](), count: nodePackage.count)
        for (index, edge) in edges.enumerated() { outgoing[edge.source].append(index) }
        var reach: [NormalizedMarker?] = Array(repeating: nil, count: nodePackage.count)
        reach[0] = .alwaysTrue
        var stack = [0]
        while let parent = stack.popLast() {
            guard let parentMarker = reach[parent] else { continue }
            for index in outgoing[parent] {
                let edge = edges[index]
                let marker = parentMarker.and(edge.marker)
                if marker.isAlwaysFalse { continue }
                if let existing = reach[edge.target] {
                    if marker.and(existing.negated).isAlwaysFalse { continue }
                    reach[edge.target] = existing.or(marker)
                } else {
                    reach[edge.target] = marker
                }
                stack.append(edge.target)
            }
        }
        return reach
    }

    /// The exported packages with their markers and dependents, in node order.
    func entries() throws(LockGraphError) -> [RequirementsExport.Entry] {
        let reach = reachability()
        var dependents = Array(repeating: Set<PackageName>(), count: nodePackage.count)
        if options.annotate {
            for edge in edges {
                if let source = nodePackage[edge.source] { dependents[edge.target].insert(packages.packages[source].name) }
            }
        }
        let members = Set(lock.manifest.members)
        var result: [RequirementsExport.Entry] = []
        for (node, position) in nodePackage.enumerated() {
            guard let position, let marker = reach[node] else { continue }
            let package = packages.packages[position]
            guard includes(package, members: members) else { continue }
            let display = markers.display(marker)
            if marker.isAlwaysFalse { continue }
            result.append(RequirementsExport.Entry(package: package, marker: display, dependents: dependents[node].sorted()))
        }
        return result
    }

    /// uv's `InstallOptions::include_package` for `--no-emit-*`.
    private func includes(_ package: LockedPackage, members: Set<PackageName>) -> Bool {
        let isProject = projectName == package.name
        if options.noEmitProject && isProject { return false }
        if options.noEmitWorkspace && (isProject || members.contains(package.name)) { return false }
        if options.noEmitLocal {
            switch package.source {
            case .path, .directory, .editable, .virtual: return false
            default: break
            }
        }
        return !options.noEmitPackages.contains(package.name)
    }
}
