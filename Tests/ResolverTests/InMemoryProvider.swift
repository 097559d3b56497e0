import PEP440
import Resolver

/// A package universe written as a small table, one package version per line:
///
/// ```
/// a 1.0: b>=2; c          a 1.0 depends on b>=2 and on any version of c
/// a 2.0                   a 2.0 has no dependencies
/// a[x] 1.0: d             extra x of a 1.0 adds d
/// b 2.0: !was yanked      b 2.0 cannot be used; the text after `!` is the reason
/// ```
///
/// Dependencies are separated by `;` (specifiers contain commas): a name, an optional
/// `[extra]`, then PEP 440 specifiers (none means any version). Blank lines and lines starting
/// with `#` are ignored. ``requirements(_:)`` parses a root's requirements in the same syntax.
///
/// Extras are virtual packages, as suv's real provider models them: `a[x]` has exactly the
/// versions of `a`, and `a[x]==V` depends on `a==V` plus whatever its own lines add.
struct InMemoryProvider: DependencyProvider {
    private var table: [PackageID: [Version: Dependencies]] = [:]

    init(_ universe: String) {
        for rawLine in universe.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: " ")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (head, tail) = line.splitOnce(":")
            let parts = head.split(separator: " ")
            let package = Self.packageID(String(parts[0]))
            let version = Version(String(parts[1]))!
            let dependencies: Dependencies
            if let tail, tail.hasPrefix("!") {
                dependencies = .unavailable(UnavailableReason(String(tail.dropFirst())))
            } else {
                dependencies = .available(Self.requirements(tail ?? ""))
            }
            table[package, default: [:]][version] = dependencies
        }
    }

    /// Parses `a>=1; b[x]; c==2.0` into requirement ranges, in order; repeated packages are
    /// merged by intersection at their first position.
    static func requirements(_ text: String) -> [Dependency] {
        var result: [Dependency] = []
        for item in text.split(separator: ";") {
            let item = item.trimmingCharacters(in: " ")
            guard !item.isEmpty else { continue }
            let nameEnd = item.firstIndex { !($0.isLetter || $0.isNumber || "-_.[]".contains($0)) } ?? item.endIndex
            let package = packageID(String(item[..<nameEnd]))
            let specifiers = String(item[nameEnd...]).trimmingCharacters(in: " ")
            let ranges = specifiers.isEmpty ? VersionRanges.full : (try! VersionSpecifiers(parsing: specifiers)).ranges
            if let index = result.firstIndex(where: { $0.package == package }) {
                result[index] = Dependency(package, result[index].ranges.intersection(ranges))
            } else {
                result.append(Dependency(package, ranges))
            }
        }
        return result
    }

    /// `a` or `a[x]`.
    static func packageID(_ text: String) -> PackageID {
        let (name, extra) = text.splitOnce("[")
        return PackageID(name, extra: extra.map { String($0.dropLast()) })
    }

    func versions(of package: PackageID) async throws -> [Version] {
        table[package.base].map { $0.keys.sorted(by: >) } ?? []
    }

    func dependencies(of package: PackageID, version: Version) async throws -> Dependencies {
        guard package.extra != nil else { return table[package]?[version] ?? .available([]) }
        var dependencies = [Dependency(package.base, .exactly(version))]
        if case .available(let extra)? = table[package]?[version] {
            dependencies += extra
        }
        return .available(dependencies)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }

    func splitOnce(_ separator: Character) -> (String, String?) {
        guard let index = firstIndex(of: separator) else { return (self, nil) }
        return (String(self[..<index]), String(self[index...].dropFirst()).trimmingCharacters(in: " "))
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String { String(self).trimmingCharacters(in: set) }
}

/// Resolves `requirements` against `universe`; pins come back as `name==version` strings.
func resolve(_ requirements: String, in universe: String,
             preferences: [String: String] = [:]) async throws -> [String: String] {
    let provider = InMemoryProvider(universe)
    var preferred: [PackageID: Version] = [:]
    for (name, version) in preferences { preferred[PackageID(name)] = Version(version)! }
    let solver = Solver(provider: provider, preferences: preferred)
    let result = try await solver.solve(InMemoryProvider.requirements(requirements))
    var pins: [String: String] = [:]
    for (package, version) in result { pins[package.description] = version.description }
    return pins
}

/// The report for a failing resolution, or `nil` when it succeeds.
func failureReport(_ requirements: String, in universe: String,
                   wording: DerivationReport.Wording = .requirements) async throws -> String? {
    do {
        _ = try await resolve(requirements, in: universe)
        return nil
    } catch ResolverError.noSolution(let failure) {
        return DerivationReport(failure, wording: wording).text
    }
}
