import SuvBasics

/// Why a source distribution file name was rejected; each case carries the file name as given.
public enum SdistFilenameError: SuvError, Equatable {
    /// The file name does not end in a known source distribution extension.
    case invalidExtension(filename: String)
    /// No `-` separates a valid name from a valid version.
    case missingVersion(filename: String)
    /// The file name does not start with the expected package name.
    case nameMismatch(filename: String, expected: PackageName)
    /// The version part is not a PEP 440 version.
    case invalidVersion(filename: String, version: String)

    public var message: String {
        switch self {
        case .invalidExtension(let filename):
            "Failed to parse source distribution filename `\(filename)`: the extension must be `.tar.gz`, `.zip`, `.tar.bz2`, `.tar.lz`, `.tar.lzma`, `.tar.xz`, `.tar.zst`, `.tar`, `.tbz`, `.tgz`, `.tlz` or `.txz`"
        case .missingVersion(let filename):
            "Failed to parse source distribution filename `\(filename)`: no `-` separates the name from a valid version"
        case .nameMismatch(let filename, let expected):
            "Failed to parse source distribution filename `\(filename)`: the name does not start with the package name `\(expected)`"
        case .invalidVersion(let filename, let version):
            "Failed to parse source distribution filename `\(filename)`: invalid version `\(version)`"
        }
    }
}
