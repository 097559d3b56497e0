import Glibc
import Cache
import HTTP
import PackagingTypes
import Settings
import SuvBasics

/// The files one index (or find-links location) offers for a package.
public struct IndexListing: Sendable {
    public let index: ConfiguredIndex
    public let files: [SimpleFile]
}

/// Reads package indexes: simple-API pages (PEP 691 JSON preferred, PEP 503 HTML otherwise),
/// find-links pages and directories, core metadata (PEP 658 files, else `METADATA` read out of
/// the remote wheel with HTTP range requests, else the whole wheel), and distribution files —
/// all through the cache with HTTP caching semantics, every file verified against the index's
/// hash.
///
/// Concurrent requests for the same page or metadata share one transfer.
public actor RegistryClient {
    let locations: IndexLocations
    let http: any HTTPClient
    let cache: CacheStore
    let mode: HTTPCacheMode
    let credentials: IndexCredentialStore?
    /// Indexes (canonical URLs) whose servers answered a range request with the whole file.
    var rangeUnsupported: Set<String> = []
    /// Cache folders already created by this client.
    var createdDirectories: Set<String> = []
    let pages = OnceMap<String, PageResult>()
    let metadataRequests = OnceMap<String, CoreMetadata>()
    let downloads = OnceMap<String, String>()

    public init(locations: IndexLocations, http: any HTTPClient, cache: CacheStore, mode: HTTPCacheMode = HTTPCacheMode(),
                credentials: IndexCredentialStore? = nil) {
        self.locations = locations
        self.http = http
        self.cache = cache
        self.mode = mode
        self.credentials = credentials
    }

    /// The `Accept` header of simple-API requests: JSON preferred, HTML accepted.
    static let acceptHeader = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01"

    /// The files offered for `package`, per index in search order.
    ///
    /// Under the `first-index` strategy (the default) only the first index that knows the
    /// package is used — protection against dependency confusion; a 401 or 403 stops the
    /// search. The unsafe strategies collect every index. Find-links locations always add
    /// their matching files.
    public func files(for package: PackageName, pinnedTo pinned: ConfiguredIndex? = nil) async throws(IndexError) -> [IndexListing] {
        var listings: [IndexListing] = []
        if let pinned {
            // `tool.uv.sources` pins the package to one index: only that one is asked.
            if pinned.format == .flat {
                let files = try await flatFiles(pinned).filter { $0.distribution?.name == package }
                if !files.isEmpty { listings.append(IndexListing(index: pinned, files: files)) }
            } else if case .found(let page) = try await page(url: pinned.url.packageURL(package.normalized), package: package, index: pinned) {
                listings.append(IndexListing(index: pinned, files: page.files))
            }
            guard !listings.isEmpty else { throw .packageNotFound(package) }
            return listings
        }
        for index in locations.searchOrder where index.format == .simple {
            let url = index.url.packageURL(package.normalized)
            switch try await page(url: url, package: package, index: index) {
            case .found(let page):
                listings.append(IndexListing(index: index, files: page.files))
            case .notFound:
                continue
            case .denied(let status):
                if let ignored = index.ignoreErrorCodes, ignored.contains(status) { continue }
                throw .accessDenied(package, index: index.url.string, status: status)
            }
            if locations.strategy == .firstIndex { break }
        }
        for location in locations.findLinks + locations.searchOrder.filter({ $0.format == .flat }) {
            let files = try await flatFiles(location).filter { $0.distribution?.name == package }
            if !files.isEmpty { listings.append(IndexListing(index: location, files: files)) }
        }
        guard !listings.isEmpty else { throw .packageNotFound(package) }
        return listings
    }

    /// The request for `url`, with the credentials known for it.
    nonisolated func request(_ url: String, headers: HTTPHeaders = [:]) -> HTTPRequest {
        var request = HTTPRequest(url: url, headers: headers)
        if let found = credentials?.credentials(for: url), let username = found.username ?? (found.password != nil ? "" : nil) {
            request.credentials = HTTPCredentials(username: username, password: found.password)
        }
        return request
    }

    static func now() -> Int64 { Int64(time(nil)) }
}
