import PackagingTypes
import PEP440
import Resolver
import SuvBasics

/// Picks the version to try next for a package, as uv's candidate selector does: within the
/// allowed range, in the resolution strategy's order, stable versions first and pre-releases
/// only when the policy allows them or, under `if-necessary`, no stable version is left. The
/// first version met is returned even when none of its files fits (the solver then records
/// why and asks again with that version excluded).
public struct CandidateSelector: Sendable {
    public let prerelease: PrereleaseMode
    public let resolution: ResolutionMode
    /// Packages named by first-party requirements (for `lowest-direct`).
    public let directPackages: Set<PackageName>
    /// Packages a first-party requirement names with a pre-release specifier (for `explicit`).
    public let explicitPrereleases: Set<PackageName>

    public init(prerelease: PrereleaseMode, resolution: ResolutionMode,
                directPackages: Set<PackageName>, explicitPrereleases: Set<PackageName>) {
        self.prerelease = prerelease
        self.resolution = resolution
        self.directPackages = directPackages
        self.explicitPrereleases = explicitPrereleases
    }

    enum PrereleaseSelection {
        case disallow, allow, preferStable
    }

    func prereleaseSelection(for package: PackageName) -> PrereleaseSelection {
        switch prerelease {
        case .disallow: .disallow
        case .allow: .allow
        case .ifNecessary, .ifNecessaryOrExplicit: .preferStable
        case .explicit: explicitPrereleases.contains(package) ? .preferStable : .disallow
        }
    }

    /// Whether the highest version is tried first for `package`.
    public func prefersHighest(_ package: PackageName) -> Bool {
        switch resolution {
        case .highest: true
        case .lowest: false
        case .lowestDirect: !directPackages.contains(package)
        }
    }

    /// The next version to try for `package` within `ranges`.
    public func select(_ package: PackageName, in ranges: VersionRanges, from map: VersionMap,
                       tags: SupportedTags? = nil) -> VersionChoice {
        switch prereleaseSelection(for: package) {
        case .allow:
            return select(package, ranges, map, tags) { _ in true }
        case .disallow:
            return select(package, ranges, map, tags) { !$0.isPrerelease }
        case .preferStable:
            let stable = select(package, ranges, map, tags) { !$0.isPrerelease }
            if stable != .none { return stable }
            return select(package, ranges, map, tags) { $0.isPrerelease }
        }
    }

    private func select(_ package: PackageName, _ ranges: VersionRanges, _ map: VersionMap, _ tags: SupportedTags?,
                        accepting accepts: (Version) -> Bool) -> VersionChoice {
        let ordered = prefersHighest(package) ? AnySequence(map.versions) : AnySequence(map.versions.reversed())
        for version in ordered where accepts(version) && ranges.contains(version) {
            switch map.distribution(for: version) {
            case .wheel?, .source?, .incompatible(.requiresPython)?:
                return .candidate(version)
            case .incompatible(let incompatibility)?:
                return .unavailable(version, incompatibility.reason(tags: tags))
            case nil:
                continue
            }
        }
        return .none
    }
}
