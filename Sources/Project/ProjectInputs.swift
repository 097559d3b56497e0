import Lockfile
import PEP440
import PEP508
import SuvBasics

/// What a project declares that a lock records: its identity and its requirement lists. A
/// project is the workspace root, a workspace member, or a path dependency.
public struct ProjectInputs: Sendable {
    public var name: PackageName
    public var version: String?
    /// Built and installed editable (has a build system and `tool.uv.package` is not false),
    /// else virtual.
    public var isPackage: Bool
    /// Where the lock says the project comes from (`editable = "."`, `virtual = "packages/a"`,
    /// `directory = "deps/b"`); paths relative to the workspace root.
    public var source: LockSource
    /// Requirements satisfied from somewhere other than an index (`tool.uv.sources` lowered:
    /// workspace members, local directories), by package name.
    public var sources: [PackageName: LockRequirement.Source] = [:]
    /// `requires-python` as declared (`>=3.10`).
    public var requiresPython: VersionSpecifiers
    public var dependencies: [Requirement]
    /// Optional dependencies per extra, in declaration order.
    public var optionalDependencies: [(extra: String, requirements: [Requirement])]
    /// Dependency groups, in declaration order (include-group already expanded).
    public var dependencyGroups: [(group: String, requirements: [Requirement])]
    public var constraints: [Requirement]
    public var overrides: [Requirement]
    /// `dependencies` or `optional-dependencies` are `dynamic`: they come from building the
    /// project (at ``sourceDirectory``), not from `pyproject.toml`.
    public var dynamicDependencies = false
    /// The project's folder (absolute), for building it when its metadata is dynamic.
    public var sourceDirectory: String?

    public init(name: PackageName, version: String?, isPackage: Bool, requiresPython: VersionSpecifiers,
                dependencies: [Requirement], optionalDependencies: [(extra: String, requirements: [Requirement])] = [],
                dependencyGroups: [(group: String, requirements: [Requirement])] = [],
                constraints: [Requirement] = [], overrides: [Requirement] = []) {
        self.name = name
        self.version = version
        self.isPackage = isPackage
        self.source = isPackage ? .editable(".") : .virtual(".")
        self.requiresPython = requiresPython
        self.dependencies = dependencies
        self.optionalDependencies = optionalDependencies
        self.dependencyGroups = dependencyGroups
        self.constraints = constraints
        self.overrides = overrides
    }

    /// Everything a resolution must satisfy: the dependencies, every extra and every group.
    public var allRequirements: [Requirement] {
        dependencies + optionalDependencies.flatMap(\.requirements) + dependencyGroups.flatMap(\.requirements)
    }

    /// The runtime requirements as core metadata lists them: the dependencies, then each
    /// extra's requirements marked `extra == '…'` (duplicates dropped).
    public var requiresDist: [Requirement] {
        var result = dependencies
        for (extra, requirements) in optionalDependencies {
            for requirement in requirements {
                var marked = requirement
                let extraMarker = "extra == '\(PackageName.normalize(extra))'"
                let combined = requirement.marker.map { "(\($0)) and \(extraMarker)" } ?? extraMarker
                marked.marker = try? MarkerTree(parsing: combined)
                if !result.contains(marked) { result.append(marked) }
            }
        }
        return result
    }

    /// The lowest Python `requires-python` allows.
    public var lowestPython: Version? {
        switch requiresPython.ranges.segments.first?.lower {
        case .included(let version)?, .excluded(let version)?: Version(version.boundText)
        default: nil
        }
    }

    /// `requires-python` as uv writes it at the top of `uv.lock`: specifiers joined with
    /// `, `, `~=3.10` written as `>=3.10, <4`.
    public var lockRequiresPython: String {
        var parts: [String] = []
        for specifier in requiresPython.specifiers {
            if specifier.op == .compatible, let version = specifier.version, version.release.count >= 2 {
                var upper = Array(version.release.dropLast())
                upper[upper.count - 1] += 1
                parts.append(">=\(specifier.versionText)")
                parts.append("<\(upper.map(String.init).joined(separator: "."))")
            } else {
                parts.append(specifier.description)
            }
        }
        return parts.joined(separator: ", ")
    }
}
