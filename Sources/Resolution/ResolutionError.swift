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
    /// A universal resolution asked to split a fork along markers that do not divide it (a
    /// bug in suv).
    case forkDidNotSplit(String)

    public var message: String {
        switch self {
        case .unsupportedURLRequirement(let name, let url):
            "Direct URL requirements are not supported yet: `\(name) @ \(url)`"
        case .invalidMarker(let requirement, let reason):
            "Failed to evaluate the marker of `\(requirement)`: \(reason)"
        case .metadataMismatch(let filename, let expected, let found):
            "The metadata of `\(filename)` describes \(found), expected \(expected)"
        case .forkDidNotSplit(let marker):
            "Resolution fork `\(marker)` was asked to split along markers that do not divide it"
        }
    }

    public var kind: ErrorKind {
        if case .forkDidNotSplit = self { return .internal }
        return .failure
    }
}

/// Requirements that cannot be satisfied: uv's "No solution found when resolving
/// dependencies", the derivation report as its cause, and hints.
public struct NoSolutionFound: SuvError {
    /// The derivation report (several lines).
    public let report: String
    public let hints: [String]

    public var message: String { "No solution found when resolving dependencies" }
    public var cause: (any Error)? { ReportText(text: report) }
    public var kind: ErrorKind { .failure }
}

/// Text printed as it is, as the cause of an error.
struct ReportText: SuvError {
    let text: String
    var message: String { text }
    var kind: ErrorKind { .failure }
}
