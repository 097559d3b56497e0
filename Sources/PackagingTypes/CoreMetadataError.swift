import PEP440
import PEP508
import SuvBasics

/// Why a `METADATA` or `PKG-INFO` file could not be read.
public enum CoreMetadataError: SuvError, Equatable {
    /// The file is not UTF-8; `offset` is the first bad byte.
    case invalidUTF8(offset: Int)
    /// A required field (`Name`, `Version`) is missing.
    case missingField(String)
    /// `Name` is not a valid distribution name.
    case invalidName(String)
    /// `Version` is not a PEP 440 version.
    case invalidVersion(package: String, version: String)
    /// A `Requires-Dist` line is not a PEP 508 requirement; the parse error is the cause.
    case invalidRequiresDist(package: String, line: String, error: RequirementParseError)
    /// `Requires-Python` is not a specifier set.
    case invalidRequiresPython(package: String, value: String, error: VersionSpecifierParseError)
    /// `Metadata-Version` is not `major.minor`.
    case invalidMetadataVersion(String)
    /// A `PKG-INFO` older than Metadata 2.2, whose fields may not be trusted.
    case unsupportedMetadataVersion(String)
    /// A `PKG-INFO` marks a field needed for resolution as dynamic.
    case dynamicField(String)

    public var message: String {
        switch self {
        case .invalidUTF8(let offset):
            "The metadata is not valid UTF-8 (invalid byte at offset \(offset))"
        case .missingField(let field):
            "metadata field \(field) not found"
        case .invalidName(let name):
            "The metadata has an invalid package name: `\(name)`"
        case .invalidVersion(let package, let version):
            "The metadata of `\(package)` has an invalid version: `\(version)`"
        case .invalidRequiresDist(let package, let line, _):
            "The metadata of `\(package)` has an invalid `Requires-Dist` entry: `\(line)`"
        case .invalidRequiresPython(let package, let value, _):
            "The metadata of `\(package)` has an invalid `Requires-Python`: `\(value)`"
        case .invalidMetadataVersion(let version):
            "Invalid `Metadata-Version` field: \(version)"
        case .unsupportedMetadataVersion(let version):
            "Reading metadata from `PKG-INFO` requires Metadata 2.2 or later (found: \(version))"
        case .dynamicField(let field):
            "The following field was marked as dynamic: \(field)"
        }
    }

    public var cause: (any Error)? {
        switch self {
        case .invalidRequiresDist(_, _, let error): error
        case .invalidRequiresPython(_, _, let error): error
        default: nil
        }
    }
}
