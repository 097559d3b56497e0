import PackagingTypes
import PEP440
import Resolver
import SuvBasics

/// uv's hints after an unsatisfiable resolution: pre-releases that were not considered, wheels
/// that exist for other interpreters or platforms, disabled builds or wheels, and a target
/// Python older than a dependency needs.
struct ResolutionHints {
    let options: ResolutionOptions
    let selector: CandidateSelector
    let maps: [PackageName: VersionMap]

    func hints(for failure: ResolutionFailure) -> [String] {
        var hints: [String] = []
        func add(_ hint: String) { if !hints.contains(hint) { hints.append(hint) } }
        var pythonNeeds: (package: PackageID, ranges: VersionRanges, python: VersionRanges)?
        for fact in failure.externalFacts {
            switch fact.cause {
            case .noVersions:
                guard let term = fact.terms.first, !term.package.isPython, !term.package.isRoot,
                      let map = maps[term.package.name] else { continue }
                if let hint = prereleaseHint(term.package.name, term.ranges, map) { add(hint) }
            case .unavailable:
                guard let term = fact.terms.first, !term.package.isRoot, let map = maps[term.package.name] else { continue }
                for hint in distributionHints(term.package.name, term.ranges, map) { add(hint) }
            case .dependency:
                guard fact.terms.count == 2, fact.terms[1].package.isPython else { continue }
                let python = fact.terms[1].ranges
                let current = pythonNeeds.flatMap { Self.lowerBound($0.python) }
                if pythonNeeds == nil || (Self.lowerBound(python).map { bound in current.map { bound > $0 } ?? true } ?? false) {
                    pythonNeeds = (fact.terms[0].package, fact.terms[0].ranges, python)
                }
            case .root, .conflict:
                continue
            }
        }
        if let needs = pythonNeeds {
            let depender = describe(needs.package, needs.ranges)
            let supports = Self.lowerBound(needs.python).map { ">=\($0.boundText)" } ?? "other Python versions"
            add("The `--python-version` value (\(options.pythonRequirementText)) includes Python versions that are not "
                + "supported by your dependencies (e.g., \(depender) only supports \(supports)). "
                + "Consider using a higher `--python-version` value.")
        }
        return hints
    }

    private func prereleaseHint(_ name: PackageName, _ ranges: VersionRanges, _ map: VersionMap) -> String? {
        guard selector.prereleaseSelection(for: name) == .disallow,
              let example = map.versions.first(where: { $0.isPrerelease && ranges.contains($0) }) else { return nil }
        return "Pre-releases are available for `\(name)` in the requested range (e.g., \(example)), "
            + "but pre-releases weren't enabled (try: `--prerelease=allow`)"
    }

    private func distributionHints(_ name: PackageName, _ ranges: VersionRanges, _ map: VersionMap) -> [String] {
        var hints: [String] = []
        for version in map.versions where ranges.contains(version) {
            guard case .incompatible(let reason)? = map.distribution(for: version) else { continue }
            let wheels = map.files(for: version).compactMap { $0.file.distribution?.wheel }
            switch reason {
            case .noMatchingPythonTag:
                let found = Set(wheels.flatMap { $0.tags.map(\.interpreter) }).sorted()
                hints.append("You require \(targetDescription) (`\(options.tags?.tags.first?.interpreter ?? "")`), but we only found wheels for `\(name)` (v\(version)) with the following Python implementation \(found.count == 1 ? "tag" : "tags"): \(found.map { "`\($0)`" }.joined(separator: ", "))")
            case .noMatchingABITag:
                let found = Set(wheels.flatMap { $0.tags.map(\.abi) }).sorted()
                hints.append("You require \(targetDescription) (`\(options.tags?.tags.first?.abi ?? "")`), but we only found wheels for `\(name)` (v\(version)) with the following Python ABI \(found.count == 1 ? "tag" : "tags"): \(found.map { "`\($0)`" }.joined(separator: ", "))")
            case .noMatchingPlatformTag:
                let found = Set(wheels.flatMap { $0.tags.map(\.platform) }).sorted()
                hints.append("Wheels are available for `\(name)` (v\(version)) on the following \(found.count == 1 ? "platform" : "platforms"): \(found.map { "`\($0)`" }.joined(separator: ", "))")
            case .noUsableWheels:
                let flag = options.noBuild == .all ? "--no-build" : "--no-build-package \(name)"
                hints.append("Wheels are required for `\(name)` because building from source is disabled for `\(name)` (i.e., with `\(flag)`)")
            case .noSourceDistribution:
                let flag = options.noBinary == .all ? "--no-binary" : "--no-binary-package \(name)"
                hints.append("A source distribution is required for `\(name)` because using pre-built wheels is disabled for `\(name)` (i.e., with `\(flag)`)")
            case .yanked, .requiresPython:
                continue
            }
            break
        }
        return hints
    }

    /// `CPython 3.12` for the target.
    private var targetDescription: String {
        let release = options.pythonVersion.release.prefix(2).map(String.init).joined(separator: ".")
        return "\(options.markers.implementationName == "cpython" ? "CPython" : options.markers.implementationName) \(release)"
    }

    private func describe(_ package: PackageID, _ ranges: VersionRanges) -> String {
        if let map = maps[package.name] {
            let inside = map.versions.filter(ranges.contains)
            if inside.count == 1, let only = inside.first { return "\(package)==\(only)" }
        }
        return "\(package)"
    }

    private static func lowerBound(_ ranges: VersionRanges) -> Version? {
        switch ranges.segments.first?.lower {
        case .included(let version)?, .excluded(let version)?: version
        default: nil
        }
    }
}
