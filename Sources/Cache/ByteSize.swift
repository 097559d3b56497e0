/// Byte counts as uv prints them.
public enum ByteSize {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]

    /// uv's `human_readable_bytes` printed with one decimal (`{:.1}`): plain bytes below 1 KiB
    /// (`0B`, `1000B`), otherwise binary units with one decimal (`4.0KiB`, `1.4MiB`, `2.0GiB`).
    /// A value that would round up to `1024.0` of a unit is shown in the next unit (`1.0MiB`).
    public static func humanReadable(_ bytes: UInt64) -> String {
        if bytes < 1024 { return "\(bytes)B" }
        let roundingMargin = 0.05
        var quantity = Double(bytes)
        var unit = 0
        while unit + 1 < units.count && !(1024.0 - quantity > roundingMargin) {
            quantity /= 1024.0
            unit += 1
        }
        return oneDecimal(quantity) + units[unit]
    }

    /// `value` with exactly one decimal, rounding half to even as Rust's formatter does for
    /// exactly representable ties.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = (value * 10).rounded(.toNearestOrEven)
        let whole = UInt64(tenths / 10)
        let fraction = UInt64(tenths) - whole * 10
        return "\(whole).\(fraction)"
    }
}
