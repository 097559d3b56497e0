import Lockfile
import PEP440
import PEP508
import Resolution
import SuvBasics

/// Everything one `uv.lock` records: the workspace's members (the root project among them when
/// it has a `[project]` table), the local projects they depend on by path, and the root's
/// workspace-wide declarations.
public struct WorkspaceInputs: Sendable {
    /// The members, sorted by name.
    public var members: [ProjectInputs]
    /// Local source trees the members depend on through `tool.uv.sources` paths that are not
    /// members themselves.
    public var pathDependencies: [ProjectInputs]
    /// Dependency groups of a root without `[project]` (a virtual workspace root), in
    /// declaration order.
    public var rootDependencyGroups: [(group: String, requirements: [Requirement])]
    /// Lowered sources of the root's own requirements (for `rootDependencyGroups`).
    public var rootSources: [PackageName: LockRequirement.Source]
    public var constraints: [Requirement]
    public var overrides: [Requirement]
    /// Whether `[manifest] members` is written: a workspace of several members, or a root that
    /// is not a project.
    public var recordsMembers: Bool

    public init(members: [ProjectInputs], pathDependencies: [ProjectInputs] = [],
                rootDependencyGroups: [(group: String, requirements: [Requirement])] = [],
                rootSources: [PackageName: LockRequirement.Source] = [:],
                constraints: [Requirement] = [], overrides: [Requirement] = [], recordsMembers: Bool? = nil) {
        self.members = members.sorted { $0.name < $1.name }
        self.pathDependencies = pathDependencies
        self.rootDependencyGroups = rootDependencyGroups
        self.rootSources = rootSources
        self.constraints = constraints
        self.overrides = overrides
        self.recordsMembers = recordsMembers ?? (members.count > 1)
    }

    /// A single project that is its own workspace.
    public init(project: ProjectInputs, constraints: [Requirement] = [], overrides: [Requirement] = []) {
        self.init(members: [project], constraints: constraints, overrides: overrides)
    }

    /// The members and path dependencies.
    public var localProjects: [ProjectInputs] { members + pathDependencies }

    /// `requires-python` of the whole workspace: what every member allows.
    public var requiresPython: VersionSpecifiers {
        let declared = members.map(\.requiresPython).filter { !$0.isEmpty }
        guard let first = declared.first else { return VersionSpecifiers([]) }
        let ranges = declared.dropFirst().reduce(first.ranges) { $0.intersection($1.ranges) }
        // The narrowest member's own spelling when it is the intersection (uv prints ranges,
        // which read the same for the usual `>=X.Y`).
        if let exact = declared.first(where: { $0.ranges == ranges }) { return exact }
        return Self.specifiers(for: ranges) ?? first
    }

    /// `>=a, <b` for a single range of versions; `nil` for anything else.
    private static func specifiers(for ranges: VersionRanges) -> VersionSpecifiers? {
        guard ranges.segments.count == 1, let segment = ranges.segments.first else { return nil }
        var parts: [String] = []
        switch segment.lower {
        case .included(let version): parts.append(">=\(version.boundText)")
        case .excluded(let version): parts.append(">\(version.boundText)")
        case .unbounded: break
        }
        switch segment.upper {
        case .included(let version): parts.append("<=\(version.boundText)")
        case .excluded(let version): parts.append("<\(version.boundText)")
        case .unbounded: break
        }
        return try? VersionSpecifiers(parsing: parts.joined(separator: ", "))
    }

    /// Sets `requires-python` on members that declare none (uv's default from the interpreter).
    public mutating func defaultRequiresPython(_ specifiers: VersionSpecifiers) {
        for index in members.indices where members[index].requiresPython.isEmpty {
            members[index].requiresPython = specifiers
        }
    }

    /// `requires-python` as written at the top of `uv.lock`.
    public var lockRequiresPython: String {
        var probe = members.first ?? ProjectInputs(name: PackageName("workspace"), version: nil, isPackage: false,
                                                    requiresPython: requiresPython, dependencies: [])
        probe.requiresPython = requiresPython
        return probe.lockRequiresPython
    }

    /// The lowest Python the workspace allows.
    public var lowestPython: Version? {
        var probe = members.first ?? ProjectInputs(name: PackageName("workspace"), version: nil, isPackage: false,
                                                    requiresPython: requiresPython, dependencies: [])
        probe.requiresPython = requiresPython
        return probe.lowestPython
    }

    /// What a universal resolution must satisfy: every member's dependencies, extras and
    /// groups (members by name), then the root's own groups.
    public var allRequirements: [Requirement] {
        members.flatMap { member in member.allRequirements.map(Self.droppingLocalSpecifier(sources: member.sources)) }
            + rootDependencyGroups.flatMap(\.requirements).map(Self.droppingLocalSpecifier(sources: rootSources))
    }

    /// The local projects the resolver takes from source trees instead of an index.
    public var localPackages: [PackageName: LocalDistribution] {
        var result: [PackageName: LocalDistribution] = [:]
        for project in localProjects {
            let version = project.version.flatMap(Version.init) ?? Version(release: [0])
            result[project.name] = LocalDistribution(
                version: version,
                requiresDist: project.requiresDist.map(Self.droppingLocalSpecifier(sources: project.sources)),
                requiresPython: project.requiresPython.isEmpty ? nil : project.requiresPython)
        }
        return result
    }

    /// A requirement satisfied from a local tree has no version constraint (uv drops it when
    /// lowering the source).
    private static func droppingLocalSpecifier(sources: [PackageName: LockRequirement.Source]) -> (Requirement) -> Requirement {
        { requirement in
            guard sources[PackageName(requirement.name)] != nil else { return requirement }
            var local = requirement
            local.specifiers = VersionSpecifiers([])
            return local
        }
    }
}
