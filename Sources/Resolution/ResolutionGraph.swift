import PEP440
import Resolver
import SuvBasics

/// A finished resolution: one version per package and who depends on whom.
public struct ResolutionGraph: Sendable {
    /// One resolved package.
    public struct Package: Sendable {
        public let name: PackageName
        public let version: Version
        /// The file chosen for the target, when the package came from an index.
        public let file: IndexedFile?
        /// Extras of the package that were requested.
        public let extras: Set<PackageName>
        /// Every file the index offers for this version (sdist and wheels), for lock files.
        public var files: [IndexedFile] = []

        public init(name: PackageName, version: Version, file: IndexedFile?, extras: Set<PackageName>, files: [IndexedFile] = []) {
            self.name = name
            self.version = version
            self.file = file
            self.extras = extras
            self.files = files
        }
    }

    /// Who requires a package.
    public enum Dependent: Sendable, Hashable, Comparable {
        /// The user's requirements.
        case root
        case package(PackageName)

        public static func < (lhs: Dependent, rhs: Dependent) -> Bool {
            switch (lhs, rhs) {
            case (.root, .package): true
            case (.package(let a), .package(let b)): a < b
            default: false
            }
        }
    }

    /// The packages, sorted by name.
    public let packages: [Package]
    /// For each package, who requires it.
    public let dependents: [PackageName: Set<Dependent>]
    /// The root's requirements that applied, with their markers.
    public let rootRequirements: [ExpandedRequirement]
    /// For each resolved package and each of its resolved extras (`a[x]`), the requirements of
    /// the chosen version that applied, with their markers (an extra: only what it adds).
    public let requirements: [PackageID: [ExpandedRequirement]]

    public init(packages: [Package], dependents: [PackageName: Set<Dependent>],
                rootRequirements: [ExpandedRequirement] = [], requirements: [PackageID: [ExpandedRequirement]] = [:]) {
        self.packages = packages.sorted { ($0.name, $0.version) < ($1.name, $1.version) }
        self.dependents = dependents
        self.rootRequirements = rootRequirements
        self.requirements = requirements
    }
}
