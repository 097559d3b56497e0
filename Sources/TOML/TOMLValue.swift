/// An owned TOML value, detached from any source text.
///
/// Use it to build new documents (see ``TOMLSerializer``) and as the decoded form of a
/// ``TOMLDocument``. Tables keep their keys in insertion order.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case datetime(TOMLDateTime)
    case array([TOMLValue])
    case table(TOMLTable)

    /// The TOML type name used in messages: `a string`, `an integer`, `a table`...
    public var typeDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .datetime(let value): value.typeDescription
        case .array: "an array"
        case .table: "a table"
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var tableValue: TOMLTable? {
        if case .table(let value) = self { return value }
        return nil
    }

    public var arrayValue: [TOMLValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Float equality is numeric except that every NaN equals every NaN, as toml-test compares.
    public static func == (lhs: TOMLValue, rhs: TOMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.float(let a), .float(let b)): a == b || (a.isNaN && b.isNaN)
        case (.boolean(let a), .boolean(let b)): a == b
        case (.datetime(let a), .datetime(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.table(let a), .table(let b)): a == b
        default: false
        }
    }
}

/// An ordered TOML table of owned values.
public struct TOMLTable: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var storage: [String: TOMLValue] = [:]

    public init() {}

    public init(_ pairs: KeyValuePairs<String, TOMLValue>) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Reads or writes a key; assigning `nil` removes it. New keys go last.
    public subscript(key: String) -> TOMLValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Key-value pairs in insertion order.
    public var entries: [(key: String, value: TOMLValue)] {
        keys.compactMap { key in storage[key].map { (key, $0) } }
    }

    /// Tables are equal when they hold the same keys and values, in any order.
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.storage == rhs.storage
    }
}

/// A TOML offset date-time, local date-time, local date or local time.
public struct TOMLDateTime: Sendable, Hashable, CustomStringConvertible {
    public struct Date: Sendable, Hashable {
        public var year: Int, month: Int, day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year; self.month = month; self.day = day
        }
    }

    public struct Time: Sendable, Hashable {
        public var hour: Int, minute: Int, second: Int
        /// Fractional seconds as written, digits only (`"123"` for `.123`); empty when absent.
        public var fraction: String
        public init(hour: Int, minute: Int, second: Int, fraction: String = "") {
            self.hour = hour; self.minute = minute; self.second = second; self.fraction = fraction
        }

        /// The fraction in nanoseconds (digits past the ninth are truncated).
        public var nanoseconds: Int {
            var digits = Array(fraction.utf8.prefix(9))
            while digits.count < 9 { digits.append(UInt8(ascii: "0")) }
            return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }

        public static func == (lhs: Time, rhs: Time) -> Bool {
            lhs.hour == rhs.hour && lhs.minute == rhs.minute && lhs.second == rhs.second
                && lhs.nanoseconds == rhs.nanoseconds
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(hour); hasher.combine(minute); hasher.combine(second); hasher.combine(nanoseconds)
        }
    }

    public var date: Date?
    public var time: Time?
    /// Offset from UTC in minutes; `nil` for local values.
    public var offsetMinutes: Int?
    /// Whether the offset was written `Z` rather than `+00:00`.
    public var offsetIsZulu: Bool

    public init(date: Date? = nil, time: Time? = nil, offsetMinutes: Int? = nil, offsetIsZulu: Bool = false) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
        self.offsetIsZulu = offsetIsZulu
    }

    /// toml-test's type tag: `datetime`, `datetime-local`, `date-local` or `time-local`.
    public var kindTag: String {
        switch (date != nil, time != nil, offsetMinutes != nil) {
        case (true, true, true): "datetime"
        case (true, true, false): "datetime-local"
        case (true, false, _): "date-local"
        default: "time-local"
        }
    }

    var typeDescription: String {
        switch kindTag {
        case "datetime": "an offset date-time"
        case "datetime-local": "a local date-time"
        case "date-local": "a local date"
        default: "a local time"
        }
    }

    /// Equal when they denote the same value: offset date-times compare as instants.
    public static func == (lhs: TOMLDateTime, rhs: TOMLDateTime) -> Bool {
        guard lhs.kindTag == rhs.kindTag else { return false }
        if let a = lhs.offsetMinutes, let b = rhs.offsetMinutes, let ld = lhs.date, let rd = rhs.date,
           let lt = lhs.time, let rt = rhs.time {
            return lhs.instantSeconds(ld, lt, a) == rhs.instantSeconds(rd, rt, b) && lt.nanoseconds == rt.nanoseconds
        }
        return lhs.date == rhs.date && lhs.time == rhs.time
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kindTag)
        if let offsetMinutes, let date, let time {
            hasher.combine(instantSeconds(date, time, offsetMinutes))
        } else {
            hasher.combine(date); hasher.combine(time)
        }
    }

    private func instantSeconds(_ date: Date, _ time: Time, _ offset: Int) -> Int {
        // Days from civil (proleptic Gregorian), after Howard Hinnant's algorithm.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + time.hour * 3_600 + time.minute * 60 + time.second - offset * 60
    }

    /// RFC 3339 text as TOML writes it: `1979-05-27T07:32:00Z`, `07:32:00.5`, `1979-05-27`.
    public var description: String {
        var text = ""
        if let date {
            text += pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        }
        if let time {
            if date != nil { text += "T" }
            text += pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
            if !time.fraction.isEmpty { text += "." + time.fraction }
        }
        if let offsetMinutes {
            if offsetIsZulu {
                text += "Z"
            } else {
                let sign = offsetMinutes < 0 ? "-" : "+"
                let magnitude = abs(offsetMinutes)
                text += sign + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
            }
        }
        return text
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
