/// A computed digest under any ``DigestAlgorithm``, for checking the `sha256:<hex>`,
/// `sha512:<hex>` or `md5:<hex>` values lock files and `--hash` options carry.
///
/// (`PackagingTypes.HashDigest` is the textual form an index page gives; this is the binary
/// one a hasher produces.)
public struct Digest: Sendable, Hashable, CustomStringConvertible {
    /// The algorithm that produced ``bytes``.
    public let algorithm: DigestAlgorithm
    /// The digest bytes; always ``DigestAlgorithm/digestLength`` long.
    public let bytes: [UInt8]

    /// A digest from raw bytes; `nil` when the length does not fit the algorithm.
    public init?(algorithm: DigestAlgorithm, bytes: [UInt8]) {
        guard bytes.count == algorithm.digestLength else { return nil }
        self.init(algorithm: algorithm, validatedBytes: bytes)
    }

    /// The general form of a SHA-256 digest.
    public init(_ digest: SHA256Digest) {
        self.init(algorithm: .sha256, validatedBytes: digest.bytes)
    }

    init(algorithm: DigestAlgorithm, validatedBytes bytes: [UInt8]) {
        self.algorithm = algorithm
        self.bytes = bytes
    }

    /// Parses hex digits for `algorithm` (either case); `nil` on a wrong length or character.
    public init?(algorithm: DigestAlgorithm, hex: some StringProtocol) {
        guard let bytes = DigestText.bytes(hex: hex) else { return nil }
        self.init(algorithm: algorithm, bytes: bytes)
    }

    /// Parses `<algorithm>:<hex>` (lock files) or `<algorithm>=<hex>` (URL fragments).
    public init?(prefixed text: some StringProtocol) {
        guard let separator = text.firstIndex(where: { $0 == ":" || $0 == "=" }),
              let algorithm = DigestAlgorithm(name: text[..<separator])
        else { return nil }
        self.init(algorithm: algorithm, hex: text[text.index(after: separator)...])
    }

    /// Lowercase hex digits.
    public var hex: String { DigestText.hex(bytes) }

    /// `sha256:<hex>`, the lock-file form.
    public var description: String { "\(algorithm):\(hex)" }

    /// The SHA-256 digest, when this is one.
    public var sha256: SHA256Digest? {
        algorithm == .sha256 ? SHA256Digest(bytes: bytes) : nil
    }
}

/// Streaming digest under any ``DigestAlgorithm``; the general form of ``SHA256Hasher``.
public struct DigestHasher: Sendable {
    private var context: EVPContext

    /// A hasher for `algorithm` that has seen no bytes.
    public init(_ algorithm: DigestAlgorithm) { context = EVPContext(algorithm) }

    /// The algorithm this hasher computes.
    public var algorithm: DigestAlgorithm { context.algorithm }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        if !isKnownUniquelyReferenced(&context) { context = EVPContext(copying: context) }
        context.update(bytes)
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything fed so far. The hasher can keep going afterwards.
    public func finalize() -> Digest {
        let algorithm = context.algorithm
        return context.digest { Digest(algorithm: algorithm, validatedBytes: Array($0)) }
    }

    /// One-shot digest of a byte array.
    public static func hash(_ bytes: [UInt8], using algorithm: DigestAlgorithm) -> Digest {
        bytes.withUnsafeBytes { buffer in
            evpDigest(algorithm, buffer) { Digest(algorithm: algorithm, validatedBytes: Array($0)) }
        }
    }
}
