import SuvBasics

/// What a marker is evaluated for, which decides the names it may use beyond the eleven
/// standard ones (packaging 26's `EvaluateContext`).
///
/// - ``metadata(extra:)``: core metadata (`Requires-Dist`); `extra` is always defined, as `""`
///   when no extra is being installed.
/// - ``requirement(extra:)``: any other requirement; `extra` is defined only when given, so a
///   marker that tests it fails with ``MarkerEvaluationError/undefinedName(_:)`` otherwise.
/// - ``lockFile(extras:dependencyGroups:extra:)``: lock files, where the sets `extras` and
///   `dependency_groups` are defined (tested with `in` and `not in`).
///
/// Extra and group names are PEP 503-normalized when the context is made, as packaging
/// normalizes them before comparing.
public struct MarkerEvaluationContext: Sendable, Hashable {
    /// The three contexts.
    public enum Kind: String, Sendable, Hashable {
        case metadata
        case requirement
        case lockFile = "lock_file"
    }

    public let kind: Kind
    /// The normalized value of `extra`, or `nil` when the name is undefined.
    public let extra: String?
    /// The normalized names in `extras` (lock-file context only).
    public let extras: Set<String>
    /// The normalized names in `dependency_groups` (lock-file context only).
    public let dependencyGroups: Set<String>

    private init(kind: Kind, extra: String?, extras: Set<String>, dependencyGroups: Set<String>) {
        self.kind = kind
        self.extra = extra
        self.extras = Set(extras.map(PackageName.normalize))
        self.dependencyGroups = Set(dependencyGroups.map(PackageName.normalize))
    }

    /// Core metadata: `extra` is the given extra, normalized, or `""`.
    public static func metadata(extra: String? = nil) -> MarkerEvaluationContext {
        MarkerEvaluationContext(kind: .metadata, extra: normalizedExtra(extra) ?? "", extras: [], dependencyGroups: [])
    }

    /// Any other requirement: `extra` is defined only when given.
    public static func requirement(extra: String? = nil) -> MarkerEvaluationContext {
        MarkerEvaluationContext(kind: .requirement, extra: normalizedExtra(extra), extras: [], dependencyGroups: [])
    }

    /// A lock file: the `extras` and `dependency_groups` sets, and `extra` only when given.
    public static func lockFile(
        extras: Set<String> = [], dependencyGroups: Set<String> = [], extra: String? = nil
    ) -> MarkerEvaluationContext {
        MarkerEvaluationContext(kind: .lockFile, extra: normalizedExtra(extra), extras: extras, dependencyGroups: dependencyGroups)
    }

    /// packaging: `canonicalize_name(extra) if extra else ""`.
    private static func normalizedExtra(_ extra: String?) -> String? {
        extra.map { $0.isEmpty ? "" : PackageName.normalize($0) }
    }
}
