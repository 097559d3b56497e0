#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The record stored next to a cached HTTP payload: the HTTP cache policy of the response and,
/// when known, the payload's SHA-256 and size.
///
/// Stored as JSON (sorted keys) in `<payload>.http.json`; see ``HTTPCacheEntry``. A record in
/// another ``format`` is ignored (a miss), so changing this type only needs a new format number.
public struct CachedResponse: Codable, Sendable, Equatable {
    /// The record format written by this version of suv.
    public static let currentFormat = 1

    /// The format of this record.
    public var format: Int
    /// The response's cache policy.
    public var policy: HTTPCachePolicy
    /// The payload's SHA-256 as lowercase hex, when known.
    public var sha256: String?
    /// The payload's size in bytes, when known.
    public var size: Int64?
    /// For a payload derived from the response (a parsed page), the SHA-256 (lowercase hex) of
    /// what it was derived from, so that an identical response fetched again can reuse it.
    public var sourceSHA256: String?

    /// A record in the current format.
    public init(policy: HTTPCachePolicy, sha256: String? = nil, size: Int64? = nil, sourceSHA256: String? = nil) {
        self.format = Self.currentFormat
        self.policy = policy
        self.sha256 = sha256
        self.size = size
        self.sourceSHA256 = sourceSHA256
    }

    /// The record as JSON bytes.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and integers cannot fail.
        return (try? encoder.encode(self)).map { Array($0) } ?? []
    }

    /// The record in `bytes`, or `nil` when they are not a record in the current format.
    public static func decode(_ bytes: [UInt8]) -> CachedResponse? {
        guard let record = try? JSONDecoder().decode(CachedResponse.self, from: Data(bytes)),
              record.format == currentFormat else { return nil }
        return record
    }
}
