/// HTTP dates (RFC 9110 §5.6.7) as Unix timestamps in seconds.
///
/// Parsing accepts the three forms a recipient must accept: IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and ANSI C's `asctime` (`Sun Nov  6 08:49:37 1994`).
/// Formatting always produces IMF-fixdate.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let dayNames = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// The timestamp `text` denotes, or `nil` when it is not an HTTP date.
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.count == 6, trimmed[0].hasSuffix(","), trimmed[5] == "GMT" {
            // IMF-fixdate: day-name "," SP day SP month SP year SP time SP "GMT".
            guard let day = Int(trimmed[1]), let month = month(trimmed[2]), let year = Int(trimmed[3]),
                  trimmed[3].count == 4 else { return nil }
            return timestamp(year: year, month: month, day: day, time: trimmed[4])
        }
        if trimmed.count == 4, trimmed[0].hasSuffix(","), trimmed[3] == "GMT" {
            // RFC 850: day-name "," SP dd-mon-yy SP time SP "GMT".
            let parts = trimmed[1].split(separator: "-").map(String.init)
            guard parts.count == 3, let day = Int(parts[0]), let month = month(parts[1]),
                  parts[2].count == 2, let shortYear = Int(parts[2]) else { return nil }
            // Two-digit years: 70-99 are 19xx, 00-69 are 20xx (RFC 9110 asks for the most
            // recent past year with those digits; this window is what common parsers use).
            let year = shortYear >= 70 ? 1900 + shortYear : 2000 + shortYear
            return timestamp(year: year, month: month, day: day, time: trimmed[2])
        }
        if trimmed.count == 5, !trimmed[0].hasSuffix(",") {
            // asctime: day-name SP month SP day SP time SP year.
            guard let month = month(trimmed[1]), let day = Int(trimmed[2]), let year = Int(trimmed[4]),
                  trimmed[4].count == 4 else { return nil }
            return timestamp(year: year, month: month, day: day, time: trimmed[3])
        }
        return nil
    }

    /// `timestamp` as an IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    public static func format(_ timestamp: Int64) -> String {
        let days = floorDivide(timestamp, 86_400)
        let seconds = timestamp - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = dayNames[Int(((days % 7) + 7) % 7)]
        return "\(weekday), \(pad(day)) \(monthNames[month - 1]) \(year) "
            + "\(pad(Int(seconds / 3600))):\(pad(Int(seconds % 3600 / 60))):\(pad(Int(seconds % 60))) GMT"
    }

    private static func month(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    private static func timestamp(year: Int, month: Int, day: Int, time: String) -> Int64? {
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1...31).contains(day) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
