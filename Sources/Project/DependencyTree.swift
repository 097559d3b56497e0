import Lockfile
import PEP440
import PEP508
import SuvBasics

/// What `uv tree` shows of a lock: the workspace members (and what the workspace itself
/// requires) with their dependencies, optional dependencies and selected dependency groups,
/// walked depth-first in uv's order, repeated subtrees and cycles marked `(*)`, optionally
/// inverted (dependents instead of dependencies), limited to some packages, pruned, cut at a
/// depth, and filtered for one interpreter's markers unless universal.
///
/// ```swift
/// var options = DependencyTree.Options()
/// options.environment = interpreter.markers   // nil: every fork (`--universal`)
/// let tree = try DependencyTree(lock: lock, options: options)
/// print(tree.text(), terminator: "")
/// ```
public struct DependencyTree: Sendable, Equatable {
    /// How a node was reached from its parent.
    public enum EdgeKind: Sendable, Hashable, Comparable {
        /// A dependency of the parent.
        case production
        /// A dependency of one of the parent's extras: ` (extra: name)`.
        case extra(String)
        /// A dependency of one of the parent's dependency groups: ` (group: name)`.
        case group(String)
    }

    /// What to show.
    public struct Options: Sendable {
        /// The interpreter's markers to filter edges with; `nil` shows every fork (`--universal`).
        public var environment: MarkerEnvironment?
        /// The deepest level shown; the roots are level 0 (`--depth`).
        public var depth: Int
        /// Packages hidden with everything below them (`--prune`).
        public var prune: Set<PackageName>
        /// Packages to show as roots instead of the workspace (`--package`).
        public var packages: Set<PackageName>
        /// Dependency groups to include (normalized names).
        public var groups: Set<String>
        /// Whether the projects' own dependencies and extras are included (not for
        /// `--only-group`/`--only-dev`).
        public var production: Bool
        /// Show repeated subtrees again instead of `(*)` (`--no-dedupe`).
        public var noDedupe: Bool
        /// Show dependents instead of dependencies (`--invert`).
        public var invert: Bool
        /// The newest version each package could have (`--outdated`); shown where it is newer.
        public var latest: [PackageName: Version]
        /// Record each package's first wheel size (`--show-sizes`).
        public var showSizes: Bool

        public init(environment: MarkerEnvironment? = nil, depth: Int = 255, prune: Set<PackageName> = [],
                    packages: Set<PackageName> = [], groups: Set<String> = ["dev"], production: Bool = true,
                    noDedupe: Bool = false, invert: Bool = false, latest: [PackageName: Version] = [:], showSizes: Bool = false) {
            self.environment = environment
            self.depth = depth
            self.prune = prune
            self.packages = packages
            self.groups = groups
            self.production = production
            self.noDedupe = noDedupe
            self.invert = invert
            self.latest = latest
            self.showSizes = showSizes
        }
    }

    /// One line of the tree and what hangs below it.
    public struct Node: Sendable, Equatable {
        /// Why a node's children are not shown again.
        public enum Mark: Sendable, Equatable {
            /// The node is one of its own ancestors.
            case cycle
            /// The node's children were shown before (`--no-dedupe` not given).
            case repeated
        }

        public var name: PackageName
        /// `nil` for a project with a dynamic version.
        public var version: String?
        /// The extras the edge to this node asks for (`name[a, b]`).
        public var extras: [String]
        /// How the parent reached this node; `nil` for a root shown on its own.
        public var edge: EdgeKind?
        /// The size of the package's first wheel with a size (`--show-sizes`).
        public var size: UInt64?
        /// A newer version the index offers (`--outdated`), on a node's first full showing.
        public var latest: String?
        /// Set when the node is shown with `(*)`.
        public var mark: Mark?
        public var children: [Node]

        public init(name: PackageName, version: String?, extras: [String] = [], edge: EdgeKind? = nil, size: UInt64? = nil,
                    latest: String? = nil, mark: Mark? = nil, children: [Node] = []) {
            self.name = name
            self.version = version
            self.extras = extras
            self.edge = edge
            self.size = size
            self.latest = latest
            self.mark = mark
            self.children = children
        }
    }

    /// The top-level nodes, in uv's order.
    public let roots: [Node]
    /// Whether children are dependents (`--invert`).
    public let inverted: Bool
    /// Whether repeated subtrees were shown again (`--no-dedupe`).
    public let noDedupe: Bool

    public init(roots: [Node], inverted: Bool = false, noDedupe: Bool = false) {
        self.roots = roots
        self.inverted = inverted
        self.noDedupe = noDedupe
    }

    /// Walks `lock` as uv's `TreeDisplay` does.
    public init(lock: Lock, options: Options) throws(LockGraphError) {
        let graph = try TreeGraph(lock: lock, options: options)
        roots = graph.render()
        inverted = options.invert
        noDedupe = options.noDedupe
    }

    /// Whether any node is shown with `(*)`.
    public var hasMarks: Bool {
        func marked(_ node: Node) -> Bool { node.mark != nil || node.children.contains(where: marked) }
        return roots.contains(where: marked)
    }
}

/// The graph uv's `TreeDisplay::new` builds from a lock: a synthetic root (node 0) with edges
/// to the workspace members and to what the workspace itself requires, then every edge
/// reachable from them, filtered by markers; inverted and restricted to `--package` on demand.
private struct TreeGraph {
    struct Edge {
        var source: Int
        var target: Int
        var kind: DependencyTree.EdgeKind
        /// `nil` on the root's edges to members (every extra of the member is expanded).
        var extras: [String]?
        var marker: NormalizedMarker
    }

    struct VisitKey: Hashable {
        var node: Int
        var extras: [String]
        var marker: NormalizedMarker?
    }

    let packages: LockPackages
    let options: DependencyTree.Options
    /// The package shown by each node; `nil` for the synthetic root (node 0).
    private(set) var nodePackage: [Int?] = [nil]
    private var nodeOfPackage: [Int: Int] = [:]
    private(set) var edges: [Edge] = []
    private var alive: [Bool] = [true]
    /// Per node, the edges leaving it (after inversion), newest first as petgraph lists them.
    private var outgoing: [[Int]] = []
    private var roots: [Int] = []

    init(lock: Lock, options: DependencyTree.Options) throws(LockGraphError) {
        packages = LockPackages(lock)
        self.options = options
        var markers = try LockMarkers(lock: lock)
        try build(lock: lock, markers: &markers)
        if options.invert {
            for index in edges.indices {
                let edge = edges[index]
                edges[index].source = edge.target
                edges[index].target = edge.source
            }
        }
        if !options.packages.isEmpty { keepReachable(from: packageNodes(named: options.packages)) }
        outgoing = Array(repeating: [], count: nodePackage.count)
        for index in edges.indices.reversed() where alive[edges[index].source] && alive[edges[index].target] {
            outgoing[edges[index].source].append(index)
        }
        if !options.packages.isEmpty {
            roots = packageNodes(named: options.packages)
        } else if options.invert {
            var incoming = Array(repeating: false, count: nodePackage.count)
            for edge in edges where alive[edge.source] && alive[edge.target] { incoming[edge.target] = true }
            roots = nodePackage.indices.filter { alive[$0] && !incoming[$0] }.sorted(by: nodePrecedes)
        } else {
            roots = [0]
        }
    }

    private mutating func node(for package: Int) -> Int {
        if let known = nodeOfPackage[package] { return known }
        nodePackage.append(package)
        alive.append(true)
        nodeOfPackage[package] = nodePackage.count - 1
        return nodePackage.count - 1
    }

    private func packageNodes(named names: Set<PackageName>) -> [Int] {
        nodePackage.indices.filter { node in
            guard alive[node], let package = nodePackage[node] else { return false }
            return names.contains(packages.packages[package].name)
        }.sorted(by: nodePrecedes)
    }

    /// uv's node order: the root first, then packages in package order.
    private func nodePrecedes(_ lhs: Int, _ rhs: Int) -> Bool {
        switch (nodePackage[lhs], nodePackage[rhs]) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case (let left?, let right?): left < right
        }
    }

    private mutating func build(lock: Lock, markers: inout LockMarkers) throws(LockGraphError) {
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
        let environment = options.environment

        for member in packages.members(of: lock) {
            let package = packages.packages[member]
            if options.prune.contains(package.name) { continue }
            let index = node(for: member)
            edges.append(Edge(source: 0, target: index, kind: .production, extras: nil, marker: .alwaysTrue))
            if options.production {
                enqueue(member, package.optionalDependencies.map(\.name).sorted())
            }
            for group in package.devDependencies.sorted(by: { $0.name < $1.name }) where options.groups.contains(group.name) {
                for dependency in group.edges {
                    if options.prune.contains(dependency.name) { continue }
                    if let environment, try !markers.holds(dependency.marker, in: environment) { continue }
                    let target = try packages.target(of: dependency)
                    let targetNode = node(for: target)
                    edges.append(Edge(source: index, target: targetNode, kind: .group(group.name),
                                      extras: dependency.extras.sorted(), marker: try markers.complete(dependency.marker)))
                    enqueue(target, dependency.extras.sorted())
                }
            }
        }

        // What the workspace itself requires: a script's dependencies, a virtual root's groups.
        let groups = lock.manifest.dependencyGroups.sorted { $0.name < $1.name }.filter { options.groups.contains($0.name) }
        let requirements = lock.manifest.requirements.map { (DependencyTree.EdgeKind.production, $0) }
            + groups.flatMap { group in group.requirements.map { (DependencyTree.EdgeKind.group(group.name), $0) } }
        for (kind, requirement) in requirements {
            for position in packages.positions(named: requirement.name) {
                let package = packages.packages[position]
                var marker = try requirement.marker.map { text throws(LockGraphError) in NormalizedMarker(try Self.parse(text)) } ?? .alwaysTrue
                if !package.resolutionMarkers.isEmpty {
                    var forks = NormalizedMarker.alwaysFalse
                    for fork in package.resolutionMarkers { forks = forks.or(NormalizedMarker(try Self.parse(fork))) }
                    marker = forks.and(marker)
                }
                if marker.isAlwaysFalse { continue }
                if let environment, !(try Self.holds(requirement.marker, forks: package.resolutionMarkers, in: environment)) { continue }
                let targetNode = node(for: position)
                edges.append(Edge(source: 0, target: targetNode, kind: kind, extras: requirement.extras, marker: marker))
                enqueue(position, requirement.extras)
            }
        }

        while head < queue.count {
            let item = queue[head]
            head += 1
            let package = packages.packages[item.package]
            let dependencies: [LockEdge]
            if let extra = item.extra {
                dependencies = package.optionalDependencies.first { $0.name == extra }?.edges ?? []
            } else {
                dependencies = package.dependencies
            }
            let source = node(for: item.package)
            for dependency in dependencies {
                if options.prune.contains(dependency.name) { continue }
                if let environment, try !markers.holds(dependency.marker, in: environment) { continue }
                let target = try packages.target(of: dependency)
                let targetNode = node(for: target)
                edges.append(Edge(source: source, target: targetNode, kind: item.extra.map { .extra($0) } ?? .production,
                                  extras: dependency.extras.sorted(), marker: try markers.complete(dependency.marker)))
                enqueue(target, dependency.extras.sorted())
            }
        }
    }

    /// Keeps only the nodes reachable from `starts` (uv's `--package` filter).
    private mutating func keepReachable(from starts: [Int]) {
        var reachable = Set(starts)
        var stack = starts
        var adjacency = Array(repeating: [Int](), count: nodePackage.count)
        for edge in edges { adjacency[edge.source].append(edge.target) }
        while let node = stack.popLast() {
            for target in adjacency[node] where reachable.insert(target).inserted { stack.append(target) }
        }
        alive = nodePackage.indices.map { reachable.contains($0) }
    }

    // MARK: Traversal

    func render() -> [DependencyTree.Node] {
        var visited: [VisitKey: Bool] = [:]
        var path: [VisitKey] = []
        var result: [DependencyTree.Node] = []
        for root in roots {
            if nodePackage[root] == nil {
                for edge in outgoing[root] {
                    path.removeAll()
                    if let node = visit(edges[edge].target, via: edge, marker: .alwaysTrue, visited: &visited, path: &path) {
                        result.append(node)
                    }
                }
            } else {
                path.removeAll()
                if let node = visit(root, via: nil, marker: .alwaysTrue, visited: &visited, path: &path) { result.append(node) }
            }
        }
        return result
    }

    private func visit(_ node: Int, via edgeIndex: Int?, marker: NormalizedMarker,
                       visited: inout [VisitKey: Bool], path: inout [VisitKey]) -> DependencyTree.Node? {
        if path.count > options.depth { return nil }
        guard let position = nodePackage[node] else { return nil }
        let package = packages.packages[position]
        let edge = edgeIndex.map { edges[$0] }
        let expanded = expandedExtras(package, edge)
        let key = VisitKey(node: node, extras: expanded, marker: options.invert ? marker.canonical : nil)

        var result = DependencyTree.Node(name: package.name, version: package.version, extras: edge?.extras ?? [], edge: edge?.kind)
        if options.showSizes { result.size = package.wheels.lazy.compactMap(\.size).first }
        if path.contains(key) {
            result.mark = .cycle
            return result
        }
        if !options.noDedupe, let hadChildren = visited[key] {
            if hadChildren { result.mark = .repeated }
            return result
        }
        if let latest = options.latest[package.name], let current = package.version.flatMap(Version.init), latest > current {
            result.latest = latest.description
        }

        var children: [(node: Int, edge: Int, marker: NormalizedMarker)] = []
        if options.invert, case .group? = edge?.kind {
            // A member's group belongs to the member as a root, not to it as a dependency.
        } else {
            for index in outgoing[node] {
                let candidate = edges[index]
                guard nodePackage[candidate.target] != nil else { continue }
                if options.invert {
                    if !expanded.isEmpty, !expanded.allSatisfy({ candidate.extras?.contains($0) ?? false }) { continue }
                    let combined = marker.and(candidate.marker)
                    if combined.isAlwaysFalse { continue }
                    children.append((candidate.target, index, combined))
                } else {
                    if case .extra(let extra) = candidate.kind, !expanded.contains(extra) { continue }
                    children.append((candidate.target, index, .alwaysTrue))
                }
            }
        }
        children = children.enumerated().sorted { lhs, rhs in
            let (left, right) = (edges[lhs.element.edge].kind, edges[rhs.element.edge].kind)
            if left != right { return left < right }
            if lhs.element.node != rhs.element.node { return nodePrecedes(lhs.element.node, rhs.element.node) }
            return lhs.offset < rhs.offset
        }.map(\.element)

        if path.count < options.depth { visited[key] = !children.isEmpty }
        path.append(key)
        for child in children {
            if let shown = visit(child.node, via: child.edge, marker: child.marker, visited: &visited, path: &path) {
                result.children.append(shown)
            }
        }
        path.removeLast()
        return result
    }

    /// The extras whose dependencies a node shows: for an inverted tree, the extra the edge
    /// needs; at a root, every extra; otherwise those the edge asks for that the package has.
    private func expandedExtras(_ package: LockedPackage, _ edge: Edge?) -> [String] {
        let declared = package.optionalDependencies.map(\.name)
        if options.invert {
            if case .extra(let extra)? = edge?.kind { return [extra] }
            return []
        }
        guard let requested = edge?.extras else { return declared.sorted() }
        return Set(requested.filter { declared.contains($0) }).sorted()
    }

    // MARK: Markers of the workspace's own requirements

    private static func parse(_ text: String) throws(LockGraphError) -> MarkerTree {
        do {
            return try MarkerTree(parsing: text)
        } catch {
            throw .invalidMarker(text)
        }
    }

    private static func holds(_ marker: String?, forks: [String], in environment: MarkerEnvironment) throws(LockGraphError) -> Bool {
        if !forks.isEmpty {
            var any = false
            for fork in forks where (try? parse(fork).evaluate(environment)) ?? false { any = true }
            if !any { return false }
        }
        guard let marker else { return true }
        return (try? parse(marker).evaluate(environment)) ?? false
    }
}
