import CCrypto

/// An owned `EVP_MD_CTX`, initialised for one algorithm. Internal to `Hashing`: the public hashers
/// wrap it with copy-on-write so they behave as values.
final class EVPContext: @unchecked Sendable {
    // Safety: a context is only mutated through a hasher that holds the sole reference
    // (checked with `isKnownUniquelyReferenced`), so no two threads touch it at once.
    let pointer: OpaquePointer
    let algorithm: DigestAlgorithm

    init(_ algorithm: DigestAlgorithm) {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed: out of memory") }
        guard EVP_DigestInit_ex(context, algorithm.method.pointer, nil) == 1 else {
            fatalError("EVP_DigestInit_ex failed for \(algorithm)")
        }
        self.pointer = context
        self.algorithm = algorithm
    }

    /// A context in the same state as `other`.
    init(copying other: EVPContext) {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed: out of memory") }
        guard EVP_MD_CTX_copy_ex(context, other.pointer) == 1 else { fatalError("EVP_MD_CTX_copy_ex failed") }
        self.pointer = context
        self.algorithm = other.algorithm
    }

    deinit { EVP_MD_CTX_free(pointer) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        // EVP_DigestUpdate cannot fail for an initialised software digest.
        _ = EVP_DigestUpdate(pointer, base, bytes.count)
    }

    /// Finalises a copy of this context, leaving this one usable, and passes the digest bytes.
    func digest<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        let scratch = EVPContext(copying: self)
        return scratch.finalizeInPlace(body)
    }

    /// Finalises this context; it must not be used afterwards.
    func finalizeInPlace<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(EVP_MAX_MD_SIZE)) { buffer in
            var length: UInt32 = 0
            _ = EVP_DigestFinal_ex(pointer, buffer.baseAddress, &length)
            return body(UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(length)))
        }
    }
}

/// One-shot digest of a contiguous buffer.
func evpDigest<R>(
    _ algorithm: DigestAlgorithm,
    _ bytes: UnsafeRawBufferPointer,
    _ body: (UnsafeRawBufferPointer) -> R
) -> R {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(EVP_MAX_MD_SIZE)) { buffer in
        var length: UInt32 = 0
        var empty: UInt8 = 0
        let status = withUnsafeMutablePointer(to: &empty) { emptyPointer in
            EVP_Digest(
                bytes.baseAddress ?? UnsafeRawPointer(emptyPointer), bytes.count,
                buffer.baseAddress, &length, algorithm.method.pointer, nil
            )
        }
        precondition(status == 1, "EVP_Digest failed for \(algorithm)")
        return body(UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(length)))
    }
}
