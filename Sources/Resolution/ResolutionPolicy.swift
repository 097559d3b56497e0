import PackagingTypes
@_exported import enum PyProject.PrereleaseMode
@_exported import enum PyProject.ResolutionMode
import PEP440
import Resolver
import PEP508
import SuvBasics

/// A per-package switch such as `--no-binary` or `--only-binary`: nobody, everybody, or the
/// named packages.
public enum PackageSelection: Sendable, Hashable {
    case none
    case all
    case packages(Set<PackageName>)

    public func contains(_ name: PackageName) -> Bool {
        switch self {
        case .none: false
        case .all: true
        case .packages(let names): names.contains(name)
        }
    }
}

/// The environment a resolution targets and the rules for choosing versions and files.
public struct ResolutionOptions: Sendable {
    /// Marker values of the target (python_version already set to the target version).
    public var markers: MarkerEnvironment
    /// The target Python version, checked against `Requires-Python`.
    public var pythonVersion: Version
    /// Wheel tags of the target, best first; `nil` accepts every wheel.
    public var tags: SupportedTags?
    public var prerelease: PrereleaseMode
    public var resolution: ResolutionMode
    /// Packages whose wheels must not be used (`--no-binary`).
    public var noBinary: PackageSelection
    /// Packages whose source distributions must not be used (`--only-binary`, `--no-build`).
    public var noBuild: PackageSelection
    /// Only the root requirements: do not follow dependencies (`--no-deps`).
    public var noDependencies: Bool
    /// The target Python as explanations name it (`>=3.12` for `--python-version 3.12`).
    public var pythonRequirementText: String
    /// The project whose requirements are resolved, when there is exactly one, for
    /// explanations ("myproject depends on flask>=3").
    public var requirer: String?
    /// For a universal resolution, the environments it covers (from `requires-python` and
    /// `tool.uv.environments`); `markers` then only serve for messages. `nil`: one environment.
    public var universe: NormalizedMarker?

    /// For a universal resolution, the exclusive upper Python bound of the current fork
    /// (`nil`: none). A candidate needing a Python above the fork's lower bound but below this
    /// one splits the fork (uv's requires-python forks).
    public var pythonUpperBound: Version?

    /// Packages taken from local source trees (workspace members, path dependencies), by name;
    /// no index is asked about them.
    public var localPackages: [PackageName: LocalDistribution] = [:]
    /// How a failure report names the root: "you require" (`uv pip`) or "your project depends
    /// on" (project commands).
    public var reportWording: DerivationReport.Wording = .requirements

    /// How requirement markers are judged.
    public var markerScope: MarkerScope {
        universe.map { .universal($0) } ?? .environment(markers)
    }

    public init(markers: MarkerEnvironment, pythonVersion: Version, tags: SupportedTags?,
                prerelease: PrereleaseMode = .ifNecessary, resolution: ResolutionMode = .highest,
                noBinary: PackageSelection = .none, noBuild: PackageSelection = .none, noDependencies: Bool = false,
                pythonRequirementText: String? = nil) {
        self.markers = markers
        self.pythonVersion = pythonVersion
        self.tags = tags
        self.prerelease = prerelease
        self.resolution = resolution
        self.noBinary = noBinary
        self.noBuild = noBuild
        self.noDependencies = noDependencies
        self.pythonRequirementText = pythonRequirementText
            ?? ">=" + pythonVersion.release.prefix(2).map(String.init).joined(separator: ".")
    }
}
