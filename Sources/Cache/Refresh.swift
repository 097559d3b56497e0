import SuvBasics

/// `--refresh` and `--refresh-package`: which stored entries must be revalidated before use.
///
/// As in uv, refreshing is bounded by the moment the command started: an entry stored before
/// `since` is revalidated (treated as stale), one stored during this run is used as it is, so a
/// page fetched once is not fetched again by the same command.
public enum Refresh: Sendable, Equatable {
    /// Use stored entries per their HTTP freshness.
    case none
    /// `--refresh`: revalidate everything stored before `since`.
    case all(since: Int64)
    /// `--refresh-package`: revalidate those packages' entries stored before `since`.
    case packages(Set<PackageName>, since: Int64)

    /// Whether an entry for `package` (if it belongs to one) stored at `storedAt` must be
    /// revalidated.
    public func requiresRevalidation(package: PackageName?, storedAt: Int64) -> Bool {
        switch self {
        case .none:
            false
        case let .all(since):
            storedAt < since
        case let .packages(names, since):
            storedAt < since && package.map(names.contains) == true
        }
    }
}

/// How the HTTP cache is consulted for one command.
public struct HTTPCacheMode: Sendable, Equatable {
    /// `--refresh` / `--refresh-package`.
    public var refresh: Refresh
    /// `--offline`: never touch the network; serve whatever is stored, however stale, and
    /// fail with ``CacheError/offlineMiss(url:)`` when nothing is.
    public var offline: Bool

    /// A mode; by default online and without refreshing.
    public init(refresh: Refresh = .none, offline: Bool = false) {
        self.refresh = refresh
        self.offline = offline
    }
}
