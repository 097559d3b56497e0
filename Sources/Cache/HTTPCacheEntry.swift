#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SuvBasics

/// One cached HTTP response on disk: the payload file and, beside it, its ``CachedResponse``
/// record (`<payload>.http.json`) and lock file (`<payload>.lock`).
///
/// The payload is always written before the record, each atomically, so a record never
/// describes a payload that is not there. Name payloads after the package
/// (``CacheStore/packageFile(_:index:name:extension:)``) so that `suv cache clean <name>` finds
/// all three files.
public struct HTTPCacheEntry: Sendable, Equatable {
    /// The payload file.
    public let payload: String

    /// An entry whose payload lives at `payload`.
    public init(payload: String) {
        self.payload = payload
    }

    /// The record file.
    public var record: String { payload + ".http.json" }
    /// The lock file guarding writes to this entry.
    public var lockFile: String { payload + ".lock" }

    /// The stored record, or `nil` when there is none or it is unreadable (a miss).
    public func readRecord() -> CachedResponse? {
        guard let bytes = try? FileContents.contents(of: record) else { return nil }
        return CachedResponse.decode(bytes)
    }

    /// The stored payload, or `nil` when there is none.
    public func readPayload() throws(CacheError) -> [UInt8]? {
        try FileContents.contents(of: payload)
    }

    /// Stores `bytes` as the payload, then `response` as its record.
    public func store(payload bytes: [UInt8], response: CachedResponse) throws(CacheError) {
        try AtomicFile.write(bytes, to: payload, durable: false)
        try AtomicFile.write(response.encoded(), to: record, durable: false)
    }

    /// Moves an already written file (a download in a temporary file on the same filesystem)
    /// into place as the payload, then stores `response` as its record.
    public func store(payloadFile temporary: String, response: CachedResponse) throws(CacheError) {
        try POSIX.createDirectories(Path.parent(payload))
        try POSIX.rename(temporary, payload)
        try AtomicFile.write(response.encoded(), to: record, durable: false)
    }

    /// Replaces the record only (after a 304 confirmed the payload).
    public func updateRecord(_ response: CachedResponse) throws(CacheError) {
        try AtomicFile.write(response.encoded(), to: record, durable: false)
    }

    /// Removes the payload and its record (not the lock file).
    public func remove() {
        unlink(record)
        unlink(payload)
    }

    /// What to do for a request to `url`, given what is stored (see
    /// ``HTTPCacheLookup/decide(record:url:package:mode:now:)``). A record whose payload is
    /// missing counts as nothing stored.
    public func lookup(url: String, package: PackageName? = nil, mode: HTTPCacheMode, now: Int64) throws(CacheError) -> HTTPCacheLookup {
        let stored = POSIX.exists(payload) ? readRecord() : nil
        return try HTTPCacheLookup.decide(record: stored, url: url, package: package, mode: mode, now: now)
    }
}

/// What to do with a request, given what the cache holds for it.
public enum HTTPCacheLookup: Sendable, Equatable {
    /// Nothing usable is stored: send the request as is.
    case miss
    /// The stored response can be used without asking the server.
    case fresh(CachedResponse)
    /// The stored response must be revalidated: send the request with these conditional
    /// headers; a 304 that ``HTTPCachePolicy/isConfirmed(by:)`` the stored response means it
    /// can be used (store ``HTTPCachePolicy/refreshed(by:)``).
    case revalidate(CachedResponse, headers: [ConditionalHeader])

    /// Decides how to serve a request for `url`.
    ///
    /// - Parameters:
    ///   - record: the stored record, if any.
    ///   - url: the URL being requested; a record for another URL is ignored.
    ///   - package: the package the entry belongs to, for `--refresh-package`.
    ///   - mode: refresh and offline settings.
    ///   - now: the current time (Unix seconds).
    /// - Throws: ``CacheError/offlineMiss(url:)`` when offline and nothing usable is stored.
    public static func decide(
        record: CachedResponse?,
        url: String,
        package: PackageName? = nil,
        mode: HTTPCacheMode,
        now: Int64
    ) throws(CacheError) -> HTTPCacheLookup {
        guard let record, record.policy.url == url else {
            if mode.offline { throw .offlineMiss(url: url) }
            return .miss
        }
        if mode.offline { return .fresh(record) }
        guard record.policy.isStorable else { return .miss }
        var request = CacheControl()
        request.noCache = mode.refresh.requiresRevalidation(package: package, storedAt: record.policy.responseTime)
        switch record.policy.freshness(at: now, request: request) {
        case .fresh:
            return .fresh(record)
        case .stale:
            return .revalidate(record, headers: record.policy.conditionalHeaders)
        }
    }
}
