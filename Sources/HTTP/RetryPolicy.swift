#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When to try a failed request again and how long to wait first. Pure.
struct RetryPolicy: Sendable, Equatable {
    var maxRetries: Int
    var baseDelay: Duration
    var maxDelay: Duration
    var maxRetryAfter: Duration

    /// The wait before retry number `retry` (0 for the first retry).
    ///
    /// Exponential backoff (`base * 2^retry`, capped at `maxDelay`) scaled by `jitter` in
    /// [0.5, 1]; a server's `Retry-After` raises it (capped at `maxRetryAfter`).
    func delay(beforeRetry retry: Int, retryAfter: Duration?, jitter: Double) -> Duration {
        let exponent = min(retry, 30)
        var backoff = baseDelay * (1 << exponent)
        if backoff > maxDelay { backoff = maxDelay }
        backoff = backoff * min(1, max(0.5, jitter))
        guard let retryAfter else { return backoff }
        return max(backoff, min(retryAfter, maxRetryAfter))
    }

    /// Whether a final status is worth retrying: 408, 429 and every 5xx.
    static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 429 || (500..<600).contains(status)
    }

    /// Parses `Retry-After`: delay seconds, or an HTTP date (relative to `now`, seconds since
    /// the epoch). `nil` when malformed.
    static func parseRetryAfter(_ value: String, now: Int64) -> Duration? {
        let text = value.trimmingASCIIWhitespace()
        if let seconds = Int64(text), seconds >= 0 { return .seconds(seconds) }
        guard let date = parseHTTPDate(text) else { return nil }
        return .seconds(max(0, date - now))
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to seconds since the epoch.
    static func parseHTTPDate(_ text: Substring) -> Int64? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT",
              let day = Int32(fields[1]), let year = Int32(fields[3]),
              let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                .firstIndex(of: String(fields[2]))
        else { return nil }
        let clock = fields[4].split(separator: ":")
        guard clock.count == 3, let hour = Int32(clock[0]), let minute = Int32(clock[1]), let second = Int32(clock[2])
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Int64(timegm(&parts))
    }
}
