import Cache
import HTTP
import PackagingTypes
import SuvBasics
import Zip

/// Why a package's files or metadata could not be had from the configured indexes.
public enum IndexError: SuvError {
    /// No index (nor find-links location) knows the package.
    case packageNotFound(PackageName)
    /// The index answered 401/403: uv stops searching later indexes for that package.
    case accessDenied(PackageName, index: String, status: Int)
    /// A transfer failed (the cause says how; URLs are redacted).
    case transfer(HTTPError)
    /// The cache could not be read or written, or it has no copy while offline.
    case cache(CacheError)
    /// An index page could not be read.
    case invalidPage(url: String, SimpleAPIError)
    /// A distribution's metadata is not valid core metadata.
    case invalidMetadata(filename: String, CoreMetadataError)
    /// A wheel's archive could not be read for its metadata.
    case invalidWheel(filename: String, reason: String)
    /// The metadata of a source distribution needs a build (arrives with the installer issue).
    case metadataNeedsBuild(filename: String)
    /// A downloaded file's digest differs from the index's.
    case hashMismatch(filename: String, algorithm: String, expected: String, actual: String)

    public var message: String {
        switch self {
        case .packageNotFound(let name):
            "Package `\(name)` was not found in the package registry"
        case .accessDenied(let name, let index, let status):
            "Failed to fetch `\(name)` from \(index): access denied (HTTP \(status))"
        case .transfer(let error):
            error.message
        case .cache(let error):
            error.message
        case .invalidPage(let url, _):
            "Failed to read the index page at \(redacted(url))"
        case .invalidMetadata(let filename, _):
            "Failed to read metadata from `\(filename)`"
        case .invalidWheel(let filename, let reason):
            "Failed to read metadata from `\(filename)`: \(reason)"
        case .metadataNeedsBuild(let filename):
            "The metadata of `\(filename)` can only be had by building it, which suv cannot do yet"
        case .hashMismatch(let filename, let algorithm, let expected, let actual):
            "Hash mismatch for `\(filename)`\n\nExpected:\n  \(algorithm):\(expected)\n\nComputed:\n  \(algorithm):\(actual)"
        }
    }

    public var hints: [String] {
        switch self {
        case .transfer(let error): error.hints
        case .cache(let error): error.hints
        default: []
        }
    }

    public var cause: (any Error)? {
        switch self {
        // The transfer error's own chain (`Request failed after 3 retries` → the last attempt,
        // which names the URL); it was dropped here, leaving a bare first line.
        case .transfer(let error): error.cause
        case .invalidPage(_, let error): error
        case .invalidMetadata(_, let error): error
        default: nil
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .packageNotFound: .failure
        default: .error
        }
    }
}
