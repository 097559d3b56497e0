import PEP440
import PEP508
import Resolver
import SuvBasics

/// Turns requirements (the root's, or a version's `Requires-Dist`) into the solver's
/// dependency edges for one target environment: markers evaluated, extras turned into virtual
/// packages, a package's references to its own extras flattened, overrides substituted and
/// constraints intersected.
public struct RequirementExpander: Sendable {
    public let markers: MarkerEnvironment
    /// Constraint ranges per package (already limited to those whose markers hold).
    public let constraints: [PackageName: VersionRanges]
    /// Override requirements per package: they replace every requirement on that package.
    public let overrides: [PackageName: [Requirement]]

    public init(markers: MarkerEnvironment, constraints: [Requirement] = [], overrides: [Requirement] = []) throws(ResolutionError) {
        self.markers = markers
        var ranges: [PackageName: VersionRanges] = [:]
        for constraint in constraints where try Self.holds(constraint, markers, extra: nil) {
            let name = PackageName(constraint.name)
            ranges[name] = (ranges[name] ?? .full).intersection(constraint.specifiers.ranges)
        }
        self.constraints = ranges
        var grouped: [PackageName: [Requirement]] = [:]
        for override in overrides { grouped[PackageName(override.name), default: []].append(override) }
        self.overrides = grouped
    }

    /// The edges of the root: `requirements` whose markers hold.
    public func rootDependencies(_ requirements: [Requirement]) throws(ResolutionError) -> [Dependency] {
        var active: [Requirement] = []
        for requirement in requirements where try Self.holds(requirement, markers, extra: nil) {
            active.append(requirement)
        }
        return try edges(for: active)
    }

    /// The edges of `package` (or one of its extras) from its `Requires-Dist`. For an extra,
    /// only what the extra adds; the provider adds the pin to the base package.
    public func dependencies(of package: PackageID, requiresDist: [Requirement]) throws(ResolutionError) -> [Dependency] {
        var active: [Requirement] = []
        var visitedExtras: Set<PackageName> = []
        try collect(package.extra, of: package.name, from: requiresDist, into: &active, visited: &visitedExtras)
        return try edges(for: active)
    }

    /// The requirements that `extra` (or the base, for `nil`) activates, with references to the
    /// package's own extras replaced by those extras' requirements.
    private func collect(_ extra: PackageName?, of name: PackageName, from requiresDist: [Requirement],
                         into active: inout [Requirement], visited: inout Set<PackageName>) throws(ResolutionError) {
        for requirement in requiresDist {
            let applies: Bool
            if let extra {
                let withExtra = try Self.holds(requirement, markers, extra: extra.description)
                let withoutExtra = try Self.holds(requirement, markers, extra: nil)
                applies = withExtra && !withoutExtra
            } else {
                applies = try Self.holds(requirement, markers, extra: nil)
            }
            guard applies else { continue }
            if PackageName(requirement.name) == name {
                for selfExtra in requirement.extras.map(PackageName.init) where visited.insert(selfExtra).inserted {
                    try collect(selfExtra, of: name, from: requiresDist, into: &active, visited: &visited)
                }
                continue
            }
            active.append(requirement)
        }
    }

    private func edges(for requirements: [Requirement]) throws(ResolutionError) -> [Dependency] {
        // Repeated requirements on one package stay separate edges (as in uv), so an explanation
        // can name each: "you require a==1.0 and a==2.0".
        var result: [Dependency] = []
        func append(_ package: PackageID, _ ranges: VersionRanges) {
            result.append(Dependency(package, ranges))
        }
        for original in requirements {
            let name = PackageName(original.name)
            var substituted = [original]
            if let replacements = overrides[name] {
                substituted = []
                for replacement in replacements where try Self.holds(replacement, markers, extra: nil) {
                    substituted.append(replacement)
                }
            }
            for requirement in substituted {
                if let url = requirement.url {
                    throw .unsupportedURLRequirement(name: requirement.name, url: url)
                }
                var ranges = requirement.specifiers.ranges
                if let constraint = constraints[name] { ranges = ranges.intersection(constraint) }
                if requirement.extras.isEmpty {
                    append(PackageID(name), ranges)
                } else {
                    for extra in requirement.extras { append(PackageID(name, extra: PackageName(extra)), ranges) }
                }
            }
        }
        return result
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
