/// A hash algorithm named by an index (`sha256`, `md5`…), lowercased.
public struct HashAlgorithm: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The lowercase name, as in `sha256=…` fragments and PEP 691 `hashes` keys.
    public let name: String

    public init(_ name: String) {
        self.name = name.lowercased()
    }

    public static let md5 = HashAlgorithm("md5")
    public static let sha256 = HashAlgorithm("sha256")
    public static let sha384 = HashAlgorithm("sha384")
    public static let sha512 = HashAlgorithm("sha512")
    public static let blake2b = HashAlgorithm("blake2b")

    /// The algorithms taken from URL fragments and `data-core-metadata` values; other names in
    /// a fragment (`#egg=…`, `#subdirectory=…`) are not hashes.
    public static let recognized: Set<HashAlgorithm> = [
        .md5, HashAlgorithm("sha1"), HashAlgorithm("sha224"), .sha256, .sha384, .sha512, .blake2b,
    ]

    /// Preference when choosing one digest: uv's order, `md5` < `sha256` < `sha384` < `sha512`
    /// < `blake2b`; other algorithms rank below all of these.
    public var strength: Int {
        switch name {
        case "md5": 1
        case "sha1": 2
        case "sha224": 3
        case "sha256": 4
        case "sha384": 5
        case "sha512": 6
        case "blake2b": 7
        default: 0
        }
    }

    /// Orders by ``strength``, then by name.
    public static func < (lhs: HashAlgorithm, rhs: HashAlgorithm) -> Bool {
        (lhs.strength, lhs.name) < (rhs.strength, rhs.name)
    }

    public var description: String { name }
}

/// One digest of a file: an algorithm and its hex value (lowercased).
public struct HashDigest: Hashable, Sendable, CustomStringConvertible {
    public let algorithm: HashAlgorithm
    /// The digest in lowercase hex.
    public let value: String

    public init(algorithm: HashAlgorithm, value: String) {
        self.algorithm = algorithm
        self.value = value.lowercased()
    }

    /// A digest whose value is known to be lowercase already (read back from suv's own cache).
    init(algorithm: HashAlgorithm, lowercaseValue: String) {
        self.algorithm = algorithm
        self.value = lowercaseValue
    }

    /// `sha256:…`, the form used in `uv.lock` and `--require-hashes` files.
    public var description: String { "\(algorithm.name):\(value)" }

    /// Parses a URL fragment such as `sha256=abc…` (entries joined with `&` are each
    /// considered); only ``HashAlgorithm/recognized`` algorithms with a non-empty value count.
    public static func parseFragment(_ fragment: String) -> [HashDigest] {
        var digests: [HashDigest] = []
        for part in fragment.split(separator: "&") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let algorithm = HashAlgorithm(String(part[..<equals]).trimmingCharacters(in: " "))
            let value = String(part[part.index(after: equals)...]).trimmingCharacters(in: " ")
            guard HashAlgorithm.recognized.contains(algorithm), !value.isEmpty else { continue }
            digests.append(HashDigest(algorithm: algorithm, value: value))
        }
        return normalized(digests)
    }

    /// One digest per algorithm (the first given), strongest first.
    public static func normalized(_ digests: [HashDigest]) -> [HashDigest] {
        var seen = Set<HashAlgorithm>()
        return digests.filter { seen.insert($0.algorithm).inserted }.sorted { $0.algorithm > $1.algorithm }
    }
}

extension String {
    /// The string without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}
