import Cache
import Hashing
import HTTP
import PackagingTypes
import Settings
import SuvBasics

/// What an index said about a package page.
enum PageResult: Sendable {
    case found(SimpleProjectPage)
    case notFound
    case denied(Int)
}

extension RegistryClient {
    /// A package's page from an index, served from the cache when fresh, revalidated when
    /// stale, fetched otherwise.
    func page(url: String, package: PackageName, index: ConfiguredIndex) async throws(IndexError) -> PageResult {
        do {
            return try await pages.value(for: url) {
                try await self.fetchPage(url: url, package: package, index: index)
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw .transfer(.cancelled)
        }
    }

    /// Runs off the actor: pages parse in parallel (large JSON pages take milliseconds each).
    private nonisolated func fetchPage(url: String, package: PackageName, index: ConfiguredIndex) async throws(IndexError) -> PageResult {
        let entry = HTTPCacheEntry(payload: cache.packageFile(.simple, index: IndexID(url: index.url.canonical), name: package, extension: "page"))
        let lookup: HTTPCacheLookup
        do {
            lookup = try entry.lookup(url: url, package: package, mode: mode, now: Self.now())
        } catch {
            throw .cache(error)
        }
        var headers: HTTPHeaders = ["Accept": Self.acceptHeader]
        var stored: CachedResponse?
        switch lookup {
        case .fresh:
            // A payload that no longer reads back is fetched again.
            if let bytes = try? entry.readPayload(), let page = try? storedPage(bytes, url: url, package: package) {
                if !SimplePageArchive.isArchive(bytes), let record = entry.readRecord() { keepParsed(page, in: entry, record: record) }
                return .found(page)
            }
        case .revalidate(let record, let conditions):
            stored = record
            for condition in conditions { headers[condition.name] = condition.value }
        case .miss:
            break
        }
        let requestTime = Self.now()
        let response: HTTPResponse
        do {
            response = try await http.get(request(url, headers: headers))
        } catch let error where error.statusCode == 404 {
            return .notFound
        } catch let error where error.statusCode == 401 || error.statusCode == 403 {
            return .denied(error.statusCode ?? 403)
        } catch {
            throw .transfer(error)
        }
        let policy = HTTPCachePolicy(
            url: url, requestHeaders: headers.map { ($0.name, $0.value) }, status: response.status,
            responseHeaders: response.headers.map { ($0.name, $0.value) }, requestTime: requestTime, responseTime: Self.now())
        if response.isNotModified, let stored, stored.policy.isConfirmed(by: policy),
           let bytes = try? entry.readPayload() {
            var refreshed = stored
            refreshed.policy = stored.policy.refreshed(by: policy)
            try? entry.updateRecord(refreshed)
            let page = try storedPage(bytes, url: url, package: package)
            if !SimplePageArchive.isArchive(bytes) { keepParsed(page, in: entry, record: refreshed) }
            return .found(page)
        }
        switch response.status {
        case 404, 410: return .notFound
        case 401, 403: return .denied(response.status)
        default: break
        }
        // An index that sends neither validators nor freshness (some mirrors) has every page
        // fetched again on every run, as HTTP requires; when the bytes are the ones the cached
        // page was parsed from, the parsed page is reused instead of parsing them again.
        let contentType = response.headers["Content-Type"]
        let source = Self.sourceDigest(response.body, url: response.url, contentType: contentType)
        if let stored, stored.sourceSHA256 == source, let bytes = try? entry.readPayload(), let page = SimplePageArchive.decode(bytes) {
            if policy.isStorable {
                var refreshed = stored
                refreshed.policy = policy
                try? entry.updateRecord(refreshed)
            }
            return .found(page)
        }
        let page = try parsePage(response.body, url: response.url, package: package, contentType: contentType)
        if policy.isStorable {
            try? entry.store(payload: SimplePageArchive.encode(page), response: CachedResponse(policy: policy, sourceSHA256: source))
        }
        return .found(page)
    }

    /// What a parsed page depends on: the body, the URL file links are resolved against, the
    /// content type that chose the parser, and the parser's version (bump it when parsing
    /// changes, so that pages parsed by an older suv are parsed again).
    nonisolated static func sourceDigest(_ body: [UInt8], url: String, contentType: String?) -> String {
        var hasher = DigestHasher(.sha256)
        hasher.update(Array("suv-page-1\n\(url)\n\(contentType ?? "")\n".utf8))
        hasher.update(body)
        return hasher.finalize().hex
    }

    /// Replaces a raw body kept by an older suv with the parsed form, under the same record.
    private nonisolated func keepParsed(_ page: SimpleProjectPage, in entry: HTTPCacheEntry, record: CachedResponse) {
        try? entry.store(payload: SimplePageArchive.encode(page), response: record)
    }

    /// A cached page: the parsed form suv stores (``SimplePageArchive``), or the response body
    /// itself as caches written before that form hold it.
    nonisolated func storedPage(_ bytes: [UInt8], url: String, package: PackageName) throws(IndexError) -> SimpleProjectPage {
        if SimplePageArchive.isArchive(bytes) {
            guard let page = SimplePageArchive.decode(bytes) else {
                throw .invalidPage(url: url, .invalidField(path: "", expected: "a cached page"))
            }
            return page
        }
        return try parsePage(bytes, url: url, package: package)
    }

    /// Parses a page; the content type is sniffed for cached payloads (JSON starts with `{`).
    nonisolated func parsePage(_ bytes: [UInt8], url: String, package: PackageName, contentType: String? = nil) throws(IndexError) -> SimpleProjectPage {
        let type = contentType ?? (bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "{")
            ? "application/vnd.pypi.simple.v1+json" : "text/html")
        do {
            return try SimpleProjectPage(bytes: bytes, contentType: type, url: url, name: package)
        } catch {
            throw .invalidPage(url: url, error)
        }
    }

    /// The distribution files of a find-links location: a local directory or an HTML page.
    func flatFiles(_ location: ConfiguredIndex) async throws(IndexError) -> [SimpleFile] {
        let url = location.url.string
        if location.url.scheme == "file" || url.hasPrefix("/") {
            let directory = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
            return FlatIndex.files(inDirectory: directory, filenames: LocalDirectory.names(in: directory))
        }
        do {
            let response = try await http.get(request(url))
            return FlatIndex.files(html: response.body, url: response.url)
        } catch {
            throw .transfer(error)
        }
    }
}
