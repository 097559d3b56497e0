#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The throw-away cache of `--no-cache` (`UV_NO_CACHE`): a fresh folder in the temporary
/// directory, used for one invocation and removed when it ends.
///
/// Prefer ``withTemporaryCache(environment:_:)``, which removes the folder however the body
/// exits. A ``TemporaryCacheDirectory`` held directly removes it on ``remove()`` or when the
/// last reference goes away.
public final class TemporaryCacheDirectory: Sendable {
    /// The folder, absolute.
    public let path: String

    /// Creates `<TMPDIR or /tmp>/suv-cache-XXXXXX`.
    ///
    /// - Parameter environment: consulted for `TMPDIR`.
    public init(environment: [String: String]) throws(CacheError) {
        var base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        base = Path.trimTrailingSlashes(base)
        var template = Array(Path.join(base, "suv-cache-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let start = buffer.baseAddress else { return false }
            return mkdtemp(start) != nil
        }
        guard created else { throw POSIX.failure("create a temporary directory in", base) }
        path = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
    }

    deinit {
        remove()
    }

    /// The cache root for this folder.
    public var root: CacheRoot { CacheRoot(path: path, source: .temporary) }

    /// The store over this folder.
    public var store: CacheStore { CacheStore(root: path) }

    /// Deletes the folder and everything in it. Errors are ignored: it is scratch space.
    public func remove() {
        var remover = TreeRemover()
        try? remover.remove(path)
    }
}

/// Runs `body` with a temporary cache folder that is removed when `body` returns or throws.
public func withTemporaryCache<Value>(
    environment: [String: String],
    isolation: isolated (any Actor)? = #isolation,
    _ body: (TemporaryCacheDirectory) async throws -> Value
) async throws -> Value {
    let directory = try TemporaryCacheDirectory(environment: environment)
    defer { directory.remove() }
    return try await body(directory)
}
