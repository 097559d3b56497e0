/// What suv remembers about one HTTP exchange to decide, later, whether the stored response can
/// be used as is, must be revalidated, or could not be stored at all.
///
/// This is the subset of RFC 9111 that uv implements for its private client cache
/// (`uv-client/src/httpcache`), with the RFC's own heuristic:
///
/// - **Storable** (§3): `GET`/`HEAD`, final status other than 206/304, no `no-store` on request
///   or response, and one of: `public`, `private`, `Expires`, `max-age`, or a heuristically
///   cacheable status (200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501).
/// - **Freshness lifetime** (§4.2.1): `max-age`; else `Expires − Date`; else, for a heuristically
///   cacheable status with `Last-Modified`, 10% of `Date − Last-Modified` (§4.2.2); else 0.
///   `s-maxage` is for shared caches and ignored. An invalid `Expires` means already expired.
/// - **Age** (§4.2.3): corrected initial age from `Date`, `Age` and the request/response times,
///   plus the time since the response was received.
/// - **Fresh** while age < lifetime. `no-cache` on the response forces revalidation;
///   `must-revalidate` forbids using it stale even if the request allows `max-stale`;
///   `immutable` keeps a fresh response fresh even when the request says `no-cache` (which is
///   how `--refresh` is expressed).
/// - **Revalidation** (§4.3.1): `If-None-Match` with the `ETag`, `If-Modified-Since` with the
///   `Last-Modified` value.
///
/// `Vary` is not considered: suv sends the same headers to a URL every time.
/// Times are Unix timestamps in seconds.
public struct HTTPCachePolicy: Codable, Sendable, Equatable {
    /// The request URL.
    public var url: String
    /// The request method, `GET` or `HEAD` for a storable response.
    public var method: String
    /// The response status.
    public var status: Int
    /// When the request was sent.
    public var requestTime: Int64
    /// When the response was received (also when the entry was stored).
    public var responseTime: Int64
    /// The request's `Cache-Control`.
    public var requestCacheControl: CacheControl
    /// The response's `Cache-Control`.
    public var responseCacheControl: CacheControl
    /// The response's `Date`.
    public var date: Int64?
    /// The response's `Age`, in seconds.
    public var age: Int64?
    /// The response's `Expires` (0 when present but invalid: already expired).
    public var expires: Int64?
    /// The response's `Last-Modified`, parsed.
    public var lastModified: Int64?
    /// The response's `Last-Modified` as sent, for `If-Modified-Since`.
    public var lastModifiedHeader: String?
    /// The response's `ETag`.
    public var entityTag: EntityTag?

    /// The statuses a cache may store and give a heuristic lifetime without explicit freshness
    /// information (RFC 9110 §15.1).
    public static let heuristicallyCacheableStatuses: Set<Int> = [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501]
    /// The share of `Date − Last-Modified` used as a heuristic lifetime.
    public static let heuristicFraction = 0.1

    /// A policy from an exchange's headers.
    ///
    /// - Parameters:
    ///   - url: the request URL.
    ///   - method: the request method.
    ///   - requestHeaders: the request's headers (names are case-insensitive).
    ///   - status: the response status.
    ///   - responseHeaders: the response's headers.
    ///   - requestTime: when the request was sent.
    ///   - responseTime: when the response arrived.
    public init(
        url: String,
        method: String = "GET",
        requestHeaders: [(name: String, value: String)] = [],
        status: Int,
        responseHeaders: [(name: String, value: String)],
        requestTime: Int64,
        responseTime: Int64
    ) {
        func values(_ headers: [(name: String, value: String)], _ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name }.map(\.value)
        }
        func first(_ name: String) -> String? { values(responseHeaders, name).first?.trimmingWhitespace() }

        self.url = url
        self.method = method.uppercased()
        self.status = status
        self.requestTime = requestTime
        self.responseTime = responseTime
        self.requestCacheControl = CacheControl(headerValues: values(requestHeaders, "cache-control"))
        self.responseCacheControl = CacheControl(headerValues: values(responseHeaders, "cache-control"))
        self.date = first("date").flatMap(HTTPDate.parse)
        self.age = first("age").flatMap { Int64($0) }.map { max(0, $0) }
        self.expires = first("expires").map { HTTPDate.parse($0) ?? 0 }
        self.lastModifiedHeader = first("last-modified")
        self.lastModified = lastModifiedHeader.flatMap(HTTPDate.parse)
        self.entityTag = first("etag").flatMap(EntityTag.init(header:))
    }

    /// Whether the response may be stored at all.
    public var isStorable: Bool {
        guard method == "GET" || method == "HEAD" else { return false }
        guard status >= 200, status != 206, status != 304 else { return false }
        guard !requestCacheControl.noStore, !responseCacheControl.noStore else { return false }
        return responseCacheControl.isPublic
            || responseCacheControl.isPrivate
            || expires != nil
            || responseCacheControl.maxAge != nil
            || Self.heuristicallyCacheableStatuses.contains(status)
    }

    /// Whether the server gave an explicit lifetime (`max-age` or `Expires`).
    public var hasExplicitLifetime: Bool {
        responseCacheControl.maxAge != nil || expires != nil
    }

    /// The response's `Date`, or when it arrived if it had none.
    private var dateValue: Int64 { date ?? responseTime }

    /// How long the response stays fresh after it was generated, in seconds.
    public var freshnessLifetime: Int64 {
        if let maxAge = responseCacheControl.maxAge { return maxAge }
        if let expires { return max(0, expires - dateValue) }
        if let lastModified, Self.heuristicallyCacheableStatuses.contains(status) {
            let sinceModified = max(0, dateValue - lastModified)
            return Int64(Double(sinceModified) * Self.heuristicFraction)
        }
        return 0
    }

    /// The response's age at `now`, in seconds.
    public func currentAge(at now: Int64) -> Int64 {
        let apparentAge = max(0, responseTime - dateValue)
        let responseDelay = max(0, responseTime - requestTime)
        let correctedAgeValue = (age ?? 0).addingReportingOverflow(responseDelay).partialValue
        let correctedInitialAge = max(apparentAge, correctedAgeValue)
        let residentTime = max(0, now - responseTime)
        return correctedInitialAge + residentTime
    }

    /// Whether the stored response may be used without asking the server, at `now`, for a
    /// request carrying `request` cache directives (`no-cache` for `--refresh`).
    public func freshness(at now: Int64, request: CacheControl = CacheControl()) -> CacheFreshness {
        if responseCacheControl.noCache { return .stale }
        let lifetime = freshnessLifetime
        let age = currentAge(at: now)
        if !responseCacheControl.immutable {
            if request.noCache { return .stale }
            if let maxAge = request.maxAge, age > maxAge { return .stale }
            if let minFresh = request.minFresh, lifetime - age < minFresh { return .stale }
        }
        if age < lifetime { return .fresh }
        if !responseCacheControl.mustRevalidate, let maxStale = request.maxStale,
           age - lifetime <= maxStale {
            return .fresh
        }
        return .stale
    }

    /// The headers that turn a request for this URL into a conditional one: `If-None-Match`
    /// with the `ETag`, `If-Modified-Since` with the `Last-Modified` value.
    public var conditionalHeaders: [ConditionalHeader] {
        var headers: [ConditionalHeader] = []
        if let entityTag { headers.append(ConditionalHeader(name: "If-None-Match", value: entityTag.value)) }
        if let lastModifiedHeader {
            headers.append(ConditionalHeader(name: "If-Modified-Since", value: lastModifiedHeader))
        }
        return headers
    }

    /// Whether a response to a conditional request confirms the stored one (RFC 9111 §4.3.3).
    ///
    /// Only a 304 can. Its validators must then match the stored ones: the `ETag`s compared
    /// weakly, else the `Last-Modified` dates; a 304 without validators is taken at its word.
    public func isConfirmed(by revalidation: HTTPCachePolicy) -> Bool {
        guard revalidation.status == 304 else { return false }
        if let old = entityTag, let new = revalidation.entityTag {
            return old.weaklyMatches(new)
        }
        if let old = lastModified, let new = revalidation.lastModified {
            return old == new
        }
        return revalidation.entityTag == nil && revalidation.lastModified == nil
    }

    /// The policy to store after a 304 that ``isConfirmed(by:)`` this one: the stored status
    /// and validators, updated by whatever the 304 sent (RFC 9111 §4.3.4), with the new times.
    public func refreshed(by revalidation: HTTPCachePolicy) -> HTTPCachePolicy {
        var updated = self
        updated.requestTime = revalidation.requestTime
        updated.responseTime = revalidation.responseTime
        updated.date = revalidation.date
        updated.age = revalidation.age
        if revalidation.responseCacheControl != CacheControl() {
            updated.responseCacheControl = revalidation.responseCacheControl
        }
        if let expires = revalidation.expires { updated.expires = expires }
        if let entityTag = revalidation.entityTag { updated.entityTag = entityTag }
        if let header = revalidation.lastModifiedHeader {
            updated.lastModifiedHeader = header
            updated.lastModified = revalidation.lastModified
        }
        return updated
    }
}

/// Whether a stored response can be used without asking the server.
public enum CacheFreshness: Sendable, Equatable {
    /// Use it as is.
    case fresh
    /// Revalidate it first (a conditional request).
    case stale
}

/// A request header that makes a request conditional (`If-None-Match`, `If-Modified-Since`).
public struct ConditionalHeader: Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The header value.
    public var value: String

    /// A header `name: value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
