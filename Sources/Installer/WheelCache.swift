#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Cache
import Hashing
import PackagingTypes
import SuvBasics
import Zip

/// A wheel unpacked in the cache: the install source for every environment that wants it.
public struct UnpackedWheel: Sendable, Hashable {
    /// The unpacked folder (`<cache>/archive-v0/<id>`). Never modify it: installed files may be
    /// hard links to it.
    public let path: String
    /// The wheel's file name.
    public let filename: WheelFilename
    /// The SHA-256 of the wheel file.
    public let hash: SHA256Digest
    /// Where the wheel's ``WheelLayout`` is kept (written after its first installation), or
    /// `nil` for a wheel unpacked outside the cache.
    public let layoutPath: String?

    public init(path: String, filename: WheelFilename, hash: SHA256Digest, layoutPath: String? = nil) {
        self.path = path
        self.filename = filename
        self.hash = hash
        self.layoutPath = layoutPath
    }
}

/// Unpacks each wheel once into the cache's `archive` bucket.
///
/// The unpacked folder is reached through a link `wheels-v0/by-hash/<name>/<sha256>` (so
/// `cache clean <name>` and `cache prune` see it, as for every archive). Unpacking is atomic
/// and safe across processes: it takes the entry's lock, extracts into a temporary folder in
/// `archive-v0`, and renames it into place; a second unpacker of the same wheel waits for the
/// lock and then finds the finished folder.
///
/// Every member is checked before anything is written: no absolute paths, no `..` escaping the
/// folder, no symbolic link that points outside it or is traversed by another member, sizes
/// and compression ratios within ``ZipLimits``, CRC-32s. Every file listed in the wheel's
/// `RECORD` with a SHA-256 must have that hash and size.
///
/// Callers hold the cache's shared lock (``CacheStore/lockShared()``) around this, as for any
/// cache write.
public struct WheelCache: Sendable {
    public let store: CacheStore
    public var limits: ZipLimits

    public init(store: CacheStore, limits: ZipLimits = .default) {
        self.store = store
        self.limits = limits
    }

    /// The link that names the unpacked form of the wheel with this name and hash.
    public func entry(for filename: WheelFilename, hash: SHA256Digest) -> String {
        store.shard(.wheels, "by-hash", filename.name.normalized, hash.hex)
    }

    /// The unpacked wheel, if it is already in the cache.
    public func cached(filename: WheelFilename, hash: SHA256Digest) -> UnpackedWheel? {
        let link = entry(for: filename, hash: hash)
        return store.resolveArchive(link).map {
            UnpackedWheel(path: $0, filename: filename, hash: hash, layoutPath: link + ".layout")
        }
    }

    /// Unpacks the wheel at `wheelPath` unless the cache has it already.
    ///
    /// - Parameter hash: the wheel's SHA-256 when the caller knows it (a download verified it,
    ///   a lock records it); it keys the cache entry and, on a miss, is checked against the
    ///   file. When `nil` the file is hashed first.
    /// - Throws: ``InstallerError`` (wrapped in `Failed to unpack wheel: <file>`), ``ZipError``
    ///   causes for corrupt archives.
    /// - Parameter filename: the wheel's real file name when the file on disk is named
    ///   otherwise (downloads are cached under their own names); by default the path's last
    ///   component.
    public func unpack(wheelPath: String, hash: SHA256Digest? = nil, filename: String? = nil) async throws -> UnpackedWheel {
        let name = filename ?? PathArithmetic.name(wheelPath)
        do {
            return try await withTaskExecutorPreference(BlockingExecutor.shared) {
                try await self.unpackOnExecutor(wheelPath: wheelPath, name: name, hash: hash)
            }
        } catch {
            throw error.context("Failed to unpack wheel: \(name)")
        }
    }

    @concurrent
    private func unpackOnExecutor(wheelPath: String, name: String, hash: SHA256Digest?) async throws -> UnpackedWheel {
        let filename: WheelFilename
        do {
            filename = try WheelFilename(parsing: name)
        } catch {
            throw InstallerError.invalidWheelFilename(name)
        }
        let digest = try hash ?? Self.sha256(of: wheelPath)
        if let hit = cached(filename: filename, hash: digest) { return hit }
        let link = entry(for: filename, hash: digest)
        try FileSystem.createDirectories(PathArithmetic.parent(link))
        let lock = try await CacheLock.acquire(link + ".lock", mode: .exclusive)
        defer { lock.release() }
        if let hit = cached(filename: filename, hash: digest) { return hit }
        if hash != nil {
            let actual = try Self.sha256(of: wheelPath)
            guard actual == digest else {
                throw InstallerError.wheelHashMismatch(wheel: name, expected: digest.hex, actual: actual.hex)
            }
        }
        let temporary = try store.temporaryArchiveDirectory()
        do {
            try await WheelExtractor(wheelName: name, filename: filename, limits: limits)
                .extract(wheelPath, into: temporary)
            let archive = try store.persistArchive(temporary, linkAt: link)
            return UnpackedWheel(path: archive, filename: filename, hash: digest, layoutPath: link + ".layout")
        } catch {
            try? FileSystem.removeTree(temporary)
            throw error
        }
    }

    /// The SHA-256 of a file, read in 1 MiB runs.
    static func sha256(of path: String) throws(InstallerError) -> SHA256Digest {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.failure("read", path) }
        defer { close(fd) }
        var hasher = SHA256Hasher()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystem.failure("read", path)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return hasher.finalize()
    }
}
