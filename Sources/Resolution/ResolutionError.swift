import PEP440
import SuvBasics

/// Why a resolution could not run (as opposed to having no solution, which the solver reports).
public enum ResolutionError: SuvError, Equatable {
    /// A requirement points to a URL or path; only registry requirements are resolved so far.
    case unsupportedURLRequirement(name: String, url: String)
    /// A marker cannot be evaluated.
    case invalidMarker(requirement: String, reason: String)
    /// The metadata of a distribution does not describe that distribution.
    case metadataMismatch(filename: String, expected: String, found: String)

    public var message: String {
        switch self {
        case .unsupportedURLRequirement(let name, let url):
            "Direct URL requirements are not supported yet: `\(name) @ \(url)`"
        case .invalidMarker(let requirement, let reason):
            "Failed to evaluate the marker of `\(requirement)`: \(reason)"
        case .metadataMismatch(let filename, let expected, let found):
            "The metadata of `\(filename)` describes \(found), expected \(expected)"
        }
    }

    public var kind: ErrorKind { .failure }
}
