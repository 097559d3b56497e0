import SuvBasics

/// What can go wrong in the cache: locating it, reading and writing its files, locking, and
/// serving an HTTP response from it while offline.
public enum CacheError: SuvError, Equatable {
    /// No cache directory could be derived: no flag, no `SUV_CACHE_DIR`, no usable
    /// `XDG_CACHE_HOME`, no `HOME`.
    case noCacheDirectory
    /// A filesystem call failed. `operation` is a short verb phrase (`create directory`,
    /// `write`, `rename`, ...), `reason` the system's description of `errno`.
    case io(operation: String, path: String, reason: String)
    /// A lock on `path` could not be taken for a reason other than contention.
    case lockFailed(path: String, reason: String)
    /// `--offline` is set and nothing is cached for `url`.
    case offlineMiss(url: String)

    public var message: String {
        switch self {
        case .noCacheDirectory:
            "Failed to determine the cache directory: neither `SUV_CACHE_DIR`, `XDG_CACHE_HOME` nor `HOME` is set"
        case let .io(operation, path, reason):
            "Failed to \(operation) `\(path)`: \(reason)"
        case let .lockFailed(path, reason):
            "Failed to acquire lock on `\(path)`: \(reason)"
        case let .offlineMiss(url):
            // uv 0.13.9's wording (`uv-client`'s `Offline` error).
            "Network connectivity is disabled, but the requested data wasn't found in the cache for: `\(url)`"
        }
    }

    public var hints: [String] {
        switch self {
        case .noCacheDirectory:
            ["Pass `--cache-dir` or set `SUV_CACHE_DIR` to choose a cache directory"]
        case .offlineMiss:
            ["Run the command again without `--offline` to fetch it"]
        case .io, .lockFailed:
            []
        }
    }
}
