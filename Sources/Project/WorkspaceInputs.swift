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
    /// `tool.uv.environments` as declared (the lock's `supported-markers`).
    public var environments: [String] = []
    /// `tool.uv.required-environments` (the lock's `required-markers`).
    public var requiredEnvironments: [String] = []
    /// A PEP 723 script's `dependencies` (the lock's `[manifest] requirements`): a script lock
    /// has no members.
    public var scriptRequirements: [Requirement] = []
    /// A script's `requires-python`.
    public var scriptRequiresPython: VersionSpecifiers?
    /// Packages from Git repositories and direct URLs, fetched for a resolution (empty when only
    /// checking whether a lock is up to date, which needs no fetch).
    public var directDistributions: [DirectDistribution] = []

    /// `tool.uv.conflicts`, each item naming its project, each set in uv's order.
    public var conflicts: [[ConflictItem]] = [] {
        didSet { conflicts = conflicts.map { $0.sorted() } }
    }

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
        if members.isEmpty { return scriptRequiresPython ?? VersionSpecifiers([]) }
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
        if members.isEmpty, scriptRequiresPython?.isEmpty ?? true { scriptRequiresPython = specifiers }
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
            + scriptRequirements
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
        for direct in directDistributions where result[direct.name] == nil {
            result[direct.name] = LocalDistribution(
                version: Version(direct.version) ?? Version(release: [0]), requiresDist: direct.requiresDist,
                requiresPython: direct.requiresPython)
        }
        return result
    }

    /// Packages pinned to one index by `tool.uv.sources` (`{ index = "name" }`): the index URL
    /// by package.
    public var indexPins: [PackageName: String] {
        var pins: [PackageName: String] = [:]
        for sources in localProjects.map(\.sources) + [rootSources] {
            for (name, source) in sources {
                if case .index(let url, _) = source, pins[name] == nil { pins[name] = url }
            }
        }
        return pins
    }

    /// A requirement satisfied from a local tree has no version constraint (uv drops it when
    /// lowering the source).
    static func droppingLocalSpecifier(sources: [PackageName: LockRequirement.Source]) -> (Requirement) -> Requirement {
        { requirement in
            guard let source = sources[PackageName(requirement.name)] else { return requirement }
            // An index pin keeps the version constraint: the package still comes from an index.
            if case .index = source { return requirement }
            var local = requirement
            local.specifiers = VersionSpecifiers([])
            local.url = nil
            return local
        }
    }
}

// MARK: Forks

extension WorkspaceInputs {
    /// A requirement of the workspace's resolution and the extra or group that asks for it
    /// (`nil`: a member's own dependencies, or the root's groups).
    struct TaggedRequirement {
        let requirement: Requirement
        let item: ConflictItem?
    }

    /// Every requirement the lock resolves, tagged with its extra or group.
    var taggedRequirements: [TaggedRequirement] {
        var result: [TaggedRequirement] = []
        for member in members {
            let strip = Self.droppingLocalSpecifier(sources: member.sources)
            result += member.dependencies.map { TaggedRequirement(requirement: strip($0), item: nil) }
            for (extra, requirements) in member.optionalDependencies {
                let item = ConflictItem(package: member.name, kind: .extra(PackageName.normalize(extra)))
                result += requirements.map { TaggedRequirement(requirement: strip($0), item: item) }
            }
            for (group, requirements) in member.dependencyGroups {
                let item = ConflictItem(package: member.name, kind: .group(PackageName.normalize(group)))
                result += requirements.map { TaggedRequirement(requirement: strip($0), item: item) }
            }
        }
        let strip = Self.droppingLocalSpecifier(sources: rootSources)
        result += rootDependencyGroups.flatMap(\.requirements).map { TaggedRequirement(requirement: strip($0), item: nil) }
        result += scriptRequirements.map { TaggedRequirement(requirement: $0, item: nil) }
        return result
    }

    /// The ways of choosing among conflicting extras and groups, as uv forks them: for each
    /// conflict set some requirement asks for, one choice without any of its items, then one
    /// per item with the others left out. Each choice is the set of items it leaves out.
    public var conflictChoices: [Set<ConflictItem>] {
        let tagged = taggedRequirements
        var choices: [Set<ConflictItem>] = [[]]
        for set in conflicts {
            var next: [Set<ConflictItem>] = []
            for excluded in choices {
                let present = Set(tagged.compactMap(\.item).filter { !excluded.contains($0) })
                guard set.contains(where: present.contains) else {
                    next.append(excluded)
                    continue
                }
                next.append(excluded.union(set))
                for item in set where !excluded.contains(item) {
                    next.append(excluded.union(set.filter { $0 != item }))
                }
            }
            choices = next
        }
        return choices
    }

    /// The seeds of the universal resolution: each environment of `tool.uv.environments`
    /// (everything when none is declared), and in each, every conflict choice; with the
    /// choice's left-out items per seed.
    public func seeds(environments: [NormalizedMarker]) -> (seeds: [UniversalResolution.Seed], excluded: [Set<ConflictItem>]) {
        let tagged = taggedRequirements
        var seeds: [UniversalResolution.Seed] = []
        var excluded: [Set<ConflictItem>] = []
        for environment in environments.isEmpty ? [NormalizedMarker.alwaysTrue] : environments {
            for choice in conflictChoices {
                let requirements = tagged.filter { $0.item.map { !choice.contains($0) } ?? true }.map(\.requirement)
                seeds.append(UniversalResolution.Seed(marker: environment, requirements: requirements))
                excluded.append(choice)
            }
        }
        return (seeds, excluded)
    }
}
