import PEP440
import PEP508
import Resolver
import SuvBasics

/// Which environments a resolution covers: one (`pip compile`), or every environment a
/// marker allows (universal resolution for `uv.lock`).
public enum MarkerScope: Sendable {
    case environment(MarkerEnvironment)
    case universal(NormalizedMarker)
}

/// A requirement that applies, with the marker under which it does (always true for a
/// single environment; the requirement's own marker, extras decided, in universal mode).
public struct ExpandedRequirement: Sendable, Hashable {
    public let requirement: Requirement
    public let marker: NormalizedMarker
}

/// Turns requirements (the root's, or a version's `Requires-Dist`) into the solver's
/// dependency edges: markers evaluated for the target (or kept, in universal mode), extras
/// turned into virtual packages, a package's references to its own extras flattened,
/// overrides substituted and constraints intersected.
public struct RequirementExpander: Sendable {
    public let scope: MarkerScope
    /// Constraint ranges per package (already limited to those whose markers hold).
    public let constraints: [PackageName: VersionRanges]
    /// Override requirements per package: they replace every requirement on that package.
    public let overrides: [PackageName: [Requirement]]

    public init(markers: MarkerEnvironment, constraints: [Requirement] = [], overrides: [Requirement] = []) throws(ResolutionError) {
        try self.init(scope: .environment(markers), constraints: constraints, overrides: overrides)
    }

    public init(scope: MarkerScope, constraints: [Requirement] = [], overrides: [Requirement] = []) throws(ResolutionError) {
        self.scope = scope
        var ranges: [PackageName: VersionRanges] = [:]
        for constraint in constraints where try Self.applies(constraint, scope, extra: nil) != nil {
            let name = PackageName(constraint.name)
            ranges[name] = (ranges[name] ?? .full).intersection(constraint.specifiers.ranges)
        }
        self.constraints = ranges
        var grouped: [PackageName: [Requirement]] = [:]
        for override in overrides { grouped[PackageName(override.name), default: []].append(override) }
        self.overrides = grouped
    }

    /// The requirements of the root that apply, overrides substituted.
    public func rootRequirements(_ requirements: [Requirement]) throws(ResolutionError) -> [ExpandedRequirement] {
        var active: [ExpandedRequirement] = []
        for requirement in requirements {
            if let marker = try Self.applies(requirement, scope, extra: nil) {
                active.append(ExpandedRequirement(requirement: requirement, marker: marker))
            }
        }
        return try substituted(active)
    }

    /// The edges of the root: `requirements` whose markers hold.
    public func rootDependencies(_ requirements: [Requirement]) throws(ResolutionError) -> [Dependency] {
        try edges(for: rootRequirements(requirements))
    }

    /// The requirements of `package` (or what one of its extras adds) that apply, overrides
    /// substituted.
    public func requirements(of package: PackageID, requiresDist: [Requirement]) throws(ResolutionError) -> [ExpandedRequirement] {
        var active: [ExpandedRequirement] = []
        var visitedExtras: Set<PackageName> = []
        try collect(package.extra, of: package.name, from: requiresDist, into: &active, visited: &visitedExtras)
        return try substituted(active)
    }

    /// The edges of `package` (or one of its extras) from its `Requires-Dist`. For an extra,
    /// only what the extra adds; the provider adds the pin to the base package.
    public func dependencies(of package: PackageID, requiresDist: [Requirement]) throws(ResolutionError) -> [Dependency] {
        try edges(for: requirements(of: package, requiresDist: requiresDist))
    }

    /// The requirements that `extra` (or the base, for `nil`) activates, with references to the
    /// package's own extras replaced by those extras' requirements.
    private func collect(_ extra: PackageName?, of name: PackageName, from requiresDist: [Requirement],
                         into active: inout [ExpandedRequirement], visited: inout Set<PackageName>) throws(ResolutionError) {
        for requirement in requiresDist {
            let marker: NormalizedMarker?
            if let extra {
                let withExtra = try applies(requirement, extra: extra.description)
                let withoutExtra = try applies(requirement, extra: nil)
                marker = withoutExtra == nil ? withExtra : nil
            } else {
                marker = try applies(requirement, extra: nil)
            }
            guard let marker else { continue }
            if PackageName(requirement.name) == name {
                for selfExtra in requirement.extras.map(PackageName.init) where visited.insert(selfExtra).inserted {
                    try collect(selfExtra, of: name, from: requiresDist, into: &active, visited: &visited)
                }
                continue
            }
            active.append(ExpandedRequirement(requirement: requirement, marker: marker))
        }
    }

    /// Overrides put in place of the requirements they name.
    private func substituted(_ requirements: [ExpandedRequirement]) throws(ResolutionError) -> [ExpandedRequirement] {
        var result: [ExpandedRequirement] = []
        for original in requirements {
            guard let replacements = overrides[PackageName(original.requirement.name)] else {
                result.append(original)
                continue
            }
            for replacement in replacements {
                if let marker = try applies(replacement, extra: nil) {
                    result.append(ExpandedRequirement(requirement: replacement, marker: marker))
                }
            }
        }
        return result
    }

    /// Solver edges for requirements already expanded by ``requirements(of:requiresDist:)``.
    /// Repeated requirements on one package stay separate edges (as in uv), so an explanation
    /// can name each: "you require a==1.0 and a==2.0".
    public func edges(for requirements: [ExpandedRequirement]) throws(ResolutionError) -> [Dependency] {
        var result: [Dependency] = []
        for expanded in requirements {
            let requirement = expanded.requirement
            let name = PackageName(requirement.name)
            if let url = requirement.url {
                throw .unsupportedURLRequirement(name: requirement.name, url: url)
            }
            var ranges = requirement.specifiers.ranges
            if let constraint = constraints[name] { ranges = ranges.intersection(constraint) }
            if requirement.extras.isEmpty {
                result.append(Dependency(PackageID(name), ranges))
            } else {
                for extra in requirement.extras { result.append(Dependency(PackageID(name, extra: PackageName(extra)), ranges)) }
            }
        }
        return result
    }

    /// ``applies(_:_:extra:)`` in this expander's scope.
    func applies(_ requirement: Requirement, extra: String?) throws(ResolutionError) -> NormalizedMarker? {
        try Self.applies(requirement, scope, extra: extra)
    }

    /// The marker under which `requirement` applies with `extra` active (or none), or `nil`
    /// when it cannot apply in the scope.
    static func applies(_ requirement: Requirement, _ scope: MarkerScope, extra: String?) throws(ResolutionError) -> NormalizedMarker? {
        switch scope {
        case .environment(let markers):
            return try holds(requirement, markers, extra: extra) ? .alwaysTrue : nil
        case .universal(let universe):
            guard let tree = requirement.marker else { return .alwaysTrue }
            let marker = NormalizedMarker(tree).assigningExtras(extra.map { [PackageName.normalize($0)] } ?? [])
            // Python as uv sees it: only releases exist.
            return marker.and(universe).withPythonReleasesOnly.isAlwaysFalse ? nil : marker
        }
    }

    /// Whether `requirement`'s marker holds for the target, with `extra` set (or empty).
    static func holds(_ requirement: Requirement, _ markers: MarkerEnvironment, extra: String?) throws(ResolutionError) -> Bool {
        guard let marker = requirement.marker else { return true }
        do {
            return try marker.evaluate(markers, context: .metadata(extra: extra))
        } catch {
            throw .invalidMarker(requirement: requirement.description, reason: error.message)
        }
    }
}

