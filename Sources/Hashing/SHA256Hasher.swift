/// Streaming SHA-256 over the system libcrypto.
///
/// A value type: copying a hasher forks the computation (copy-on-write), so a prefix can be
/// hashed once and continued two ways. ``finalize()`` leaves the hasher usable, so a running
/// digest can be read mid-stream.
///
/// ```swift
/// var hasher = SHA256Hasher()
/// hasher.update(chunk1)
/// hasher.update(chunk2)
/// let digest = hasher.finalize()
/// ```
public struct SHA256Hasher: Sendable {
    private var context: EVPContext

    /// A hasher that has seen no bytes.
    public init() { context = EVPContext(.sha256) }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        if !isKnownUniquelyReferenced(&context) { context = EVPContext(copying: context) }
        context.update(bytes)
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        update(UnsafeRawBufferPointer(bytes))
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(utf8 string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of everything fed so far. The hasher can keep going afterwards.
    public func finalize() -> SHA256Digest {
        context.digest { SHA256Digest(unsafeBytes: $0) }
    }
}

/// One-shot SHA-256.
public enum SHA256 {
    /// The digest of a buffer.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        evpDigest(.sha256, bytes) { SHA256Digest(unsafeBytes: $0) }
    }

    /// The digest of a byte array.
    public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The digest of a byte slice.
    public static func hash(_ bytes: ArraySlice<UInt8>) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The digest of a string's UTF-8 bytes.
    public static func hash(utf8 string: String) -> SHA256Digest {
        var string = string
        return string.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }
}
