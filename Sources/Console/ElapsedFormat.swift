/// Formats elapsed time the way uv's summary lines do (`Resolved 8 packages in 196ms`).
///
/// | elapsed     | text     |
/// |-------------|----------|
/// | ≥ 60 s      | `1m 05s` |
/// | ≥ 1 s       | `6.71s`  |
/// | ≥ 1 ms      | `196ms`  |
/// | below 1 ms  | `0.88ms` |
///
/// Every unit is truncated, never rounded (uv's `elapsed`).
public enum ElapsedFormat {
    /// The uv text for `duration`; negative durations format as zero.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return "0.00ms" }
        let nanoseconds = attoseconds / 1_000_000_000
        if seconds >= 60 {
            return "\(seconds / 60)m \(twoDigits(seconds % 60))s"
        }
        if seconds > 0 {
            return "\(seconds).\(twoDigits(nanoseconds / 10_000_000))s"
        }
        let milliseconds = nanoseconds / 1_000_000
        if milliseconds > 0 {
            return "\(milliseconds)ms"
        }
        return "0.\(twoDigits(nanoseconds / 10_000))ms"
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
