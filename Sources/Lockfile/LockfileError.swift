import SuvBasics
import TOML

/// A `uv.lock` that cannot be used, worded as uv 0.13.9 words it.
public enum LockfileError: SuvError, Equatable {
    /// `version` is not `1`.
    case unsupportedVersion(file: String, version: Int64)
    /// Not valid TOML, or a key with the wrong shape; the cause has the line, column and a caret.
    case invalid(file: String, TOMLError)
    /// Well-formed TOML whose parts do not fit together (an ambiguous bare edge).
    case inconsistent(file: String, LockfileInconsistency)

    public var message: String {
        switch self {
        case .unsupportedVersion(let file, let version):
            "The lockfile at `\(file)` uses an unsupported schema version (v\(version), but only v\(Lock.supportedVersion) is supported). "
                + "Downgrade to a compatible uv version, or remove the `\(file)` prior to running `uv lock` or `uv sync`."
        case .invalid(let file, _), .inconsistent(let file, _):
            "Failed to parse `\(file)`"
        }
    }

    public var cause: (any Error)? {
        switch self {
        case .unsupportedVersion: nil
        case .invalid(_, let error): error
        case .inconsistent(_, let reason): reason
        }
    }
}

/// Why a well-formed lock does not hold together. uv prints no position for these; ``location``
/// says where the offending value is, for callers that want it.
public struct LockfileInconsistency: SuvError, Equatable {
    public let message: String
    public let location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    /// uv's wording for a bare edge whose name is locked zero or several times (uv uses the same
    /// sentence for both).
    static func ambiguousEdge(_ name: String, at location: SourceLocation?) -> LockfileInconsistency {
        LockfileInconsistency("Dependency `\(name)` has missing `source` field but has more than one matching package", at: location)
    }
}
