import Cache
import Installer
import Lockfile
import PackagingTypes
import PEP440
import PEP508
import SuvBasics

/// One installed distribution as the `suv pip` commands see it: what
/// ``InstalledDistributions`` found, with its `direct_url.json` read.
struct PipInstalledPackage: Sendable {
    let distribution: InstalledDistribution
    /// The URL it was installed from (`direct_url.json`), if any.
    let directURL: String?
    /// Whether `direct_url.json` says the install is editable.
    let isEditable: Bool

    var name: PackageName { distribution.name }
    var version: String { distribution.version }

    /// The version as uv prints it: normalized when it is a valid version.
    var displayVersion: String { PEP440.Version(version)?.description ?? version }

    /// By version (valid versions by PEP 440), then by path.
    static func versionOrder(_ lhs: PipInstalledPackage, _ rhs: PipInstalledPackage) -> Bool {
        let left = PEP440.Version(lhs.version), right = PEP440.Version(rhs.version)
        if let left, let right, left != right { return left < right }
        return lhs.distribution.path < rhs.distribution.path
    }

    init(_ distribution: InstalledDistribution) {
        self.distribution = distribution
        var url: String?
        var editable = false
        if let text = distribution.directURL, let json = try? JSONValue.parse(Array(text.utf8)) {
            url = json["url"]?.stringValue
            editable = json["dir_info"]?["editable"]?.boolValue ?? false
            // A checkout reads back as the requirement that reinstalls it: `git+<url>@<commit>`.
            if let base = url, let vcs = json["vcs_info"]?["vcs"]?.stringValue {
                url = vcs + "+" + base + (json["vcs_info"]?["commit_id"]?.stringValue.map { "@" + $0 } ?? "")
                if let subdirectory = json["subdirectory"]?.stringValue { url = (url ?? "") + "#subdirectory=" + subdirectory }
            }
        }
        directURL = url
        isEditable = editable
    }

    /// The folder of an editable install, from its `file://` URL.
    var editableLocation: String? {
        guard isEditable, let url = directURL, url.hasPrefix("file://") else { return nil }
        return PercentEncoding.decode(String(url.dropFirst("file://".count)))
    }

    /// `==1.0`, or `==0.1.0 (from file:///…)` for a distribution installed from a URL, as uv's
    /// change lists show an installed distribution.
    var changeSuffix: String {
        if let url = directURL { return "==\(displayVersion) (from \(url))" }
        return "==\(displayVersion)"
    }

    /// The requirements and `Requires-Python` its metadata declares; `nil` when the metadata
    /// cannot be read.
    func metadata() -> InstalledMetadata? {
        let path = distribution.path
        switch distribution.kind {
        case .distInfo:
            guard let bytes = try? FileContents.contents(of: path + "/METADATA") else { return nil }
            return InstalledMetadata(headers: String(decoding: bytes, as: UTF8.self), requiresTxt: nil)
        case .eggInfo:
            if let bytes = try? FileContents.contents(of: path + "/PKG-INFO") {
                let requires = (try? FileContents.contents(of: path + "/requires.txt")).flatMap { $0 }
                return InstalledMetadata(headers: String(decoding: bytes, as: UTF8.self),
                                         requiresTxt: requires.map { String(decoding: $0, as: UTF8.self) })
            }
            guard let bytes = try? FileContents.contents(of: path) else { return nil }
            return InstalledMetadata(headers: String(decoding: bytes, as: UTF8.self), requiresTxt: nil)
        }
    }
}

/// The dependency facts of an installed distribution's core metadata.
struct InstalledMetadata: Sendable {
    var requiresDist: [Requirement] = []
    var requiresPython: VersionSpecifiers?

    /// From `METADATA`/`PKG-INFO` headers and, for egg-info, `requires.txt`.
    init?(headers text: String, requiresTxt: String?) {
        let headers = MetadataHeaders(parsing: text)
        guard headers.fields.contains(where: { $0.name.lowercased() == "name" }) else { return nil }
        for field in headers.fields {
            switch field.name.lowercased() {
            case "requires-dist":
                if let requirement = try? Requirement(parsing: field.value) { requiresDist.append(requirement) }
            case "requires-python":
                requiresPython = try? VersionSpecifiers(parsing: field.value)
            default:
                break
            }
        }
        if let requiresTxt { requiresDist += Self.requirements(requiresTxt: requiresTxt) }
    }

    /// setuptools' `requires.txt`: plain lines, then `[extra]`, `[:marker]` or
    /// `[extra:marker]` sections.
    static func requirements(requiresTxt text: String) -> [Requirement] {
        var result: [Requirement] = []
        var condition: String?
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimming(" \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let section = String(line.dropFirst().dropLast())
                let parts = section.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                let extra = parts.first.map(String.init) ?? ""
                let marker = parts.count > 1 ? String(parts[1]) : ""
                var clauses: [String] = []
                if !extra.isEmpty { clauses.append("extra == \"\(extra)\"") }
                if !marker.isEmpty { clauses.append("(\(marker))") }
                condition = clauses.isEmpty ? nil : clauses.joined(separator: " and ")
                continue
            }
            let text = condition.map { "\(line); \($0)" } ?? line
            if let requirement = try? Requirement(parsing: text) { result.append(requirement) }
        }
        return result
    }
}

/// Every distribution installed in an environment's site-packages folders, by name.
struct PipSitePackages: Sendable {
    /// Sorted by name, then version.
    let packages: [PipInstalledPackage]
    private let byName: [PackageName: [Int]]

    init(packages: [PipInstalledPackage]) {
        self.packages = packages
        var byName: [PackageName: [Int]] = [:]
        for (index, package) in packages.enumerated() { byName[package.name, default: []].append(index) }
        self.byName = byName
    }

    /// Scans the environment's purelib and platlib folders.
    static func scan(_ environment: PipEnvironment) throws -> PipSitePackages {
        try scan(folders: environment.sitePackages)
    }

    /// Scans site-packages folders.
    static func scan(folders: [String]) throws -> PipSitePackages {
        var found: [PipInstalledPackage] = []
        for folder in folders { found += try InstalledDistributions.scan(folder).map(PipInstalledPackage.init) }
        let sorted = found.sorted { lhs, rhs in
            lhs.name != rhs.name ? lhs.name < rhs.name : PipInstalledPackage.versionOrder(lhs, rhs)
        }
        return PipSitePackages(packages: sorted)
    }

    /// The installed distributions named `name` (usually one).
    func named(_ name: PackageName) -> [PipInstalledPackage] {
        (byName[name] ?? []).map { packages[$0] }
    }

    /// Whether `requirements` (with `constraints` and `overrides`) already hold, following the
    /// installed distributions' own requirements for `markers`, as uv checks before resolving:
    /// each package installed once, at a version every requirement and constraint on it allows.
    func satisfies(_ requirements: [Requirement], constraints: [Requirement], overrides: [Requirement],
                   markers: MarkerEnvironment) -> Bool {
        var constraintsByName: [PackageName: [Requirement]] = [:]
        for constraint in constraints { constraintsByName[constraint.packageName, default: []].append(constraint) }
        var overridesByName: [PackageName: [Requirement]] = [:]
        for override in overrides { overridesByName[override.packageName, default: []].append(override) }

        var stack: [Requirement] = []
        var seen: Set<String> = []
        func push(_ requirement: Requirement, extras: [String]) {
            let replaced = overridesByName[requirement.packageName] ?? [requirement]
            for candidate in replaced where Self.applies(candidate, markers: markers, extras: extras) {
                if seen.insert(candidate.description).inserted { stack.append(candidate) }
            }
        }
        for requirement in requirements { push(requirement, extras: []) }
        while let requirement = stack.popLast() {
            guard requirement.url == nil else { return false }
            let installed = named(requirement.packageName)
            guard installed.count == 1, let package = installed.first, !package.distribution.isBroken else { return false }
            let version = package.version
            guard requirement.specifiers.satisfied(byText: version) else { return false }
            for constraint in constraintsByName[package.name] ?? [] where Self.applies(constraint, markers: markers, extras: []) {
                guard constraint.specifiers.satisfied(byText: version) else { return false }
            }
            guard let metadata = package.metadata() else { return false }
            for dependency in metadata.requiresDist {
                push(dependency, extras: requirement.extras)
            }
        }
        return true
    }

    /// Whether a requirement's marker holds for `markers` with none or any of `extras` active.
    static func applies(_ requirement: Requirement, markers: MarkerEnvironment, extras: [String]) -> Bool {
        if (try? requirement.evaluateMarker(markers)) == true { return true }
        return extras.contains { (try? requirement.evaluateMarker(markers, context: .metadata(extra: $0))) == true }
    }

    /// What is wrong with the environment, as `uv pip check` words it: duplicate installs,
    /// unreadable metadata, an unsupported Python, missing or mismatched dependencies.
    func diagnostics(markers: MarkerEnvironment, pythonVersion: String) -> [PipDiagnostic] {
        var result: [PipDiagnostic] = []
        for name in byName.keys.sorted() {
            let installed = named(name)
            guard let package = installed.first else { continue }
            if installed.count > 1 {
                result.append(.duplicate(package: name, paths: installed.map(\.distribution.path).sorted()))
                continue
            }
            guard let metadata = package.metadata() else {
                result.append(.incomplete(package: name, path: package.distribution.path))
                continue
            }
            if let requiresPython = metadata.requiresPython, !requiresPython.satisfied(byText: markers.pythonFullVersion) {
                result.append(.incompatiblePython(package: name, requiresPython: requiresPython, version: pythonVersion))
            }
            for dependency in metadata.requiresDist where (try? dependency.evaluateMarker(markers)) == true {
                let candidates = named(dependency.packageName)
                if candidates.isEmpty {
                    result.append(.missing(package: name, requirement: dependency))
                } else if candidates.count == 1, let installedDependency = candidates.first, dependency.url == nil,
                          !dependency.specifiers.satisfied(byText: installedDependency.version) {
                    result.append(.incompatible(package: name, requirement: dependency, version: installedDependency.version))
                }
            }
        }
        return result
    }
}

/// A problem `uv pip check` reports, in uv's words.
enum PipDiagnostic: Sendable {
    case incomplete(package: PackageName, path: String)
    case incompatiblePython(package: PackageName, requiresPython: VersionSpecifiers, version: String)
    case missing(package: PackageName, requirement: Requirement)
    case incompatible(package: PackageName, requirement: Requirement, version: String)
    case duplicate(package: PackageName, paths: [String])

    var message: String {
        switch self {
        case .incomplete(let package, let path):
            "The package `\(package)` is broken or incomplete (unable to read `METADATA`). Consider recreating the virtualenv, or removing the package directory at: \(path)."
        case .incompatiblePython(let package, let requiresPython, let version):
            "The package `\(package)` requires Python \(requiresPython), but `\(version)` is installed"
        case .missing(let package, let requirement):
            "The package `\(package)` requires `\(Self.display(requirement))`, but it's not installed"
        case .incompatible(let package, let requirement, let version):
            "The package `\(package)` requires `\(Self.display(requirement))`, but `\(version)` is installed"
        case .duplicate(let package, let paths):
            "The package `\(package)` has multiple installed distributions:" + paths.map { "\n  - \($0)" }.joined()
        }
    }

    /// Whether the diagnostic is about `name` (as the package or the dependency at fault).
    func involves(_ name: PackageName) -> Bool {
        switch self {
        case .incomplete(let package, _), .incompatiblePython(let package, _, _), .missing(let package, _),
             .duplicate(let package, _):
            package == name
        case .incompatible(let package, let requirement, _):
            package == name || requirement.packageName == name
        }
    }

    /// A requirement as uv prints it: name, extras, specifiers in uv's order, then the marker.
    static func display(_ requirement: Requirement) -> String {
        var text = requirement.packageName.description
        if !requirement.extras.isEmpty {
            text += "[\(requirement.extras.map(PackageName.normalize).joined(separator: ","))]"
        }
        if let url = requirement.url {
            text += " @ \(url)"
        } else if let specifier = LockRequirement.lockSpecifier(requirement.specifiers) {
            text += specifier
        }
        if let marker = requirement.marker.flatMap({ NormalizedMarker($0).uvDescription }) { text += " ; \(marker)" }
        return text
    }
}
