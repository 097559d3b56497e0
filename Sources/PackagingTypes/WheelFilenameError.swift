import SuvBasics

/// Why a wheel file name was rejected; each case carries the file name as given.
public enum WheelFilenameError: SuvError, Equatable {
    /// The name does not end in `.whl`.
    case missingExtension(filename: String)
    /// The stem has neither 4 nor 5 `-` separators.
    case wrongNumberOfParts(filename: String)
    /// The distribution name contains `__` or a character other than a word character or `.`.
    case invalidName(filename: String)
    /// The version part is not a PEP 440 version.
    case invalidVersion(filename: String, version: String)
    /// The build tag does not start with a digit.
    case invalidBuildTag(filename: String, buildTag: String)
    /// A compressed tag set lists its alternatives out of order (only with `validateOrder`).
    case unsortedTags(filename: String)

    public var message: String {
        switch self {
        case .missingExtension(let filename):
            "The wheel filename `\(filename)` is invalid: the extension must be `.whl`"
        case .wrongNumberOfParts(let filename):
            "The wheel filename `\(filename)` is invalid: it must have 5 or 6 `-`-separated parts"
        case .invalidName(let filename):
            "The wheel filename `\(filename)` has an invalid package name"
        case .invalidVersion(let filename, let version):
            "The wheel filename `\(filename)` has an invalid version: `\(version)`"
        case .invalidBuildTag(let filename, let buildTag):
            "The wheel filename `\(filename)` has an invalid build tag: `\(buildTag)` must start with a digit"
        case .unsortedTags(let filename):
            "The wheel filename `\(filename)` is invalid: compressed tag set components must be in sorted order"
        }
    }
}
