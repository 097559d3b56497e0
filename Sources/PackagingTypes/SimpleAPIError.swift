import SuvBasics

/// Why a simple-API page could not be read.
public enum SimpleAPIError: SuvError, Equatable {
    /// The JSON text is malformed.
    case invalidJSON(reason: String, offset: Int)
    /// A required field is missing or has the wrong type (`files`, `files[3].url`…).
    case invalidField(path: String, expected: String)
    /// The API version is not `major.minor`.
    case invalidAPIVersion(String)
    /// The page's major API version is newer than this client supports (PEP 629).
    case unsupportedAPIVersion(String)

    public var message: String {
        switch self {
        case .invalidJSON(let reason, let offset):
            "Invalid JSON in the simple API response: \(reason) at byte \(offset)"
        case .invalidField(let path, let expected):
            "Invalid simple API response: `\(path)` must be \(expected)"
        case .invalidAPIVersion(let version):
            "Invalid simple API version `\(version)`"
        case .unsupportedAPIVersion(let version):
            "Unsupported simple API version `\(version)`: only version 1 is supported"
        }
    }
}
