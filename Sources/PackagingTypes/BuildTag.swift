/// The optional build tag of a wheel file name (`foo-1.0-2local-py3-none-any.whl` has `2local`).
///
/// PEP 427 says a build tag starts with a digit. As packaging's `parse_wheel_filename` does, the
/// tag is split into its leading ASCII digits, read as a number, and the rest. Build tags order
/// by number first, then by the rest (compared by Unicode scalar values), as Python compares the
/// `(int, str)` pair; the number has no upper limit.
public struct BuildTag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The leading number in canonical decimal form (no leading zeros; `0` for all zeros).
    public let digits: String
    /// Everything after the leading digits, e.g. `local` in `2local`.
    public let rest: String

    /// Parses a build tag; nil when it does not start with an ASCII digit.
    ///
    /// Like packaging's `(\d+)(.*)` match, the rest ends before the first line feed.
    public init?(parsing text: String) {
        let digitRun = text.utf8.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard !digitRun.isEmpty else { return nil }
        let significant = digitRun.drop { $0 == UInt8(ascii: "0") }
        self.digits = significant.isEmpty ? "0" : String(decoding: significant, as: UTF8.self)
        let afterDigits = text.utf8.dropFirst(digitRun.count)
        let restBytes = afterDigits.prefix { $0 != UInt8(ascii: "\n") }
        self.rest = String(decoding: restBytes, as: UTF8.self)
    }

    /// The number as an `Int`, or nil when it does not fit.
    public var number: Int? { Int(digits) }

    /// The canonical form: the number followed by the rest (`007x` becomes `7x`).
    public var description: String { digits + rest }

    public static func == (lhs: BuildTag, rhs: BuildTag) -> Bool {
        lhs.digits == rhs.digits && lhs.rest.utf8.elementsEqual(rhs.rest.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digits)
        hasher.combine(rest)
    }

    public static func < (lhs: BuildTag, rhs: BuildTag) -> Bool {
        if lhs.digits.utf8.count != rhs.digits.utf8.count {
            return lhs.digits.utf8.count < rhs.digits.utf8.count
        }
        if lhs.digits != rhs.digits {
            return lhs.digits.utf8.lexicographicallyPrecedes(rhs.digits.utf8)
        }
        return lhs.rest.utf8.lexicographicallyPrecedes(rhs.rest.utf8)
    }
}
