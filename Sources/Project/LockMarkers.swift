import Lockfile
import PEP440
import PEP508

/// The markers of a lock's edges as uv uses them once it has read the lock: the simplified
/// marker each edge records, completed again with the lock's `requires-python` and its
/// supported environments (`tool.uv.environments`), so that an interpreter outside either
/// matches no edge.
struct LockMarkers {
    /// The lock's `requires-python` as a range of Python versions.
    let requiresPython: VersionRanges
    /// `requires-python` and the supported environments: what every edge marker is within.
    let context: NormalizedMarker
    private let environments: [MarkerTree]
    private var parsed: [String: MarkerTree] = [:]
    private var completed: [String: NormalizedMarker] = [:]

    init(lock: Lock) throws(LockGraphError) {
        let ranges: VersionRanges
        if lock.requiresPython.isEmpty {
            ranges = .full
        } else {
            do {
                ranges = try VersionSpecifiers(parsing: lock.requiresPython).ranges
            } catch {
                throw .invalidRequiresPython(lock.requiresPython)
            }
        }
        requiresPython = ranges
        var environments: [MarkerTree] = []
        var supported = NormalizedMarker.alwaysFalse
        for text in lock.supportedMarkers {
            let tree = try Self.parse(text)
            environments.append(tree)
            supported = supported.or(NormalizedMarker(tree).withPythonReleasesOnly)
        }
        self.environments = environments
        let python = NormalizedMarker.pythonVersions(ranges)
        context = environments.isEmpty ? python : python.and(supported)
    }

    /// An edge's marker made complete (`nil` is always true): within `requires-python` and the
    /// supported environments.
    mutating func complete(_ text: String?) throws(LockGraphError) -> NormalizedMarker {
        guard let text else { return context }
        if let known = completed[text] { return known }
        let marker = NormalizedMarker(try tree(text)).withPythonReleasesOnly.and(context)
        completed[text] = marker
        return marker
    }

    /// Whether an edge applies to an interpreter: its marker (`extra` comparisons false), the
    /// lock's `requires-python` and one of its supported environments all hold.
    mutating func holds(_ text: String?, in environment: MarkerEnvironment) throws(LockGraphError) -> Bool {
        guard let version = Version(environment.pythonFullVersion), requiresPython.contains(version) else { return false }
        if !environments.isEmpty && !environments.contains(where: { Self.evaluate($0, environment) }) { return false }
        guard let text else { return true }
        return Self.evaluate(try tree(text), environment)
    }

    /// A complete marker as uv prints it after `;` (`nil` when always true): Python versions
    /// seen as uv sees them (final releases only), simplified within `requires-python`.
    func display(_ marker: NormalizedMarker) -> String? {
        marker.withPythonReleasesOnly.canonical.simplified(requiresPython: requiresPython).uvDescription
    }

    private mutating func tree(_ text: String) throws(LockGraphError) -> MarkerTree {
        if let known = parsed[text] { return known }
        let tree = try Self.parse(text)
        parsed[text] = tree
        return tree
    }

    private static func parse(_ text: String) throws(LockGraphError) -> MarkerTree {
        do {
            return try MarkerTree(parsing: text)
        } catch {
            throw .invalidMarker(text)
        }
    }

    private static func evaluate(_ tree: MarkerTree, _ environment: MarkerEnvironment) -> Bool {
        (try? tree.evaluate(environment)) ?? false
    }
}
