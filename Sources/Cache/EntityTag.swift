/// An `ETag` value (RFC 9110 §8.8.3): an opaque quoted string, possibly marked weak (`W/"x"`).
public struct EntityTag: Codable, Sendable, Equatable {
    /// The tag as the server sent it (`"abc"` or `W/"abc"`), sent back in `If-None-Match`.
    public var value: String
    /// Whether it is a weak validator.
    public var isWeak: Bool

    /// Parses an `ETag` header value; `nil` when empty.
    public init?(header: String) {
        let trimmed = header.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        value = trimmed
        isWeak = trimmed.hasPrefix("W/")
    }

    /// The quoted part without the weakness marker.
    public var opaque: String { isWeak ? String(value.dropFirst(2)) : value }

    /// Weak comparison: the opaque parts are equal, whatever their strength.
    public func weaklyMatches(_ other: EntityTag) -> Bool { opaque == other.opaque }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let start = firstIndex { !isBlank($0) } ?? endIndex
        let end = lastIndex { !isBlank($0) }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
