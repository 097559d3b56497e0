#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unpacked wheels live once in `archive-v0/<id>` and are reached through symbolic links from
/// the buckets that know what they are (`wheels-v0/<index>/<name>/<wheel stem>`), as in uv.
/// `suv cache prune` removes archives no link points to, and `suv cache clean <name>` removes
/// those only the package's removed links pointed to.
extension CacheStore {
    /// A fresh temporary folder inside `archive-v0`, to unpack into before
    /// ``persistArchive(_:linkAt:)``.
    public func temporaryArchiveDirectory() throws(CacheError) -> String {
        try AtomicDirectory.makeTemporary(in: bucket(.archive))
    }

    /// A fresh temporary folder inside `bucket` (for builds and other scratch work); `prune`
    /// removes leftovers.
    public func temporaryDirectory(in bucket: CacheBucket) throws(CacheError) -> String {
        try AtomicDirectory.makeTemporary(in: self.bucket(bucket))
    }

    /// Moves the finished folder `temporary` into `archive-v0/<new id>` and points the link
    /// `entry` at it (replacing an older link atomically).
    ///
    /// - Returns: the archive's folder.
    @discardableResult
    public func persistArchive(_ temporary: String, linkAt entry: String) throws(CacheError) -> String {
        let archive = Path.join(bucket(.archive), POSIX.randomSuffix(20))
        try AtomicDirectory.install(temporary, at: archive, ifExists: .replace)
        try link(entry, to: archive)
        return archive
    }

    /// The archive folder the link `entry` points to, when the link and its target exist.
    ///
    /// Two system calls, not `realpath`'s one per path component (a warm sync looks up every
    /// wheel before installing): the link is read, and its target — relative, as
    /// ``link(_:to:)`` writes it, through folders of the cache's own — is joined to the link's
    /// folder and checked to be a folder.
    public func resolveArchive(_ entry: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: pointer.count) { readlink(entry, $0, pointer.count - 1) }
            } ?? -1
        }
        guard count > 0 else { return nil }
        let target = String(decoding: buffer[0..<count], as: UTF8.self)
        let path = target.hasPrefix("/") ? target : Path.lexicallyNormalized(Path.join(Path.parent(entry), target))
        guard POSIX.isDirectory(path) else { return nil }
        return path
    }

    /// Creates (or atomically replaces) a relative symbolic link at `entry` pointing to `target`.
    func link(_ entry: String, to target: String) throws(CacheError) {
        let folder = Path.parent(entry)
        try POSIX.createDirectories(folder)
        let relative = Self.relativePath(from: folder, to: target)
        let temporary = Path.join(folder, AtomicFile.temporaryPrefix + POSIX.randomSuffix())
        guard symlink(relative, temporary) == 0 else { throw POSIX.failure("create link", temporary) }
        do {
            try POSIX.rename(temporary, entry)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// The canonical path of `path` (`realpath`), or `nil` when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `target` expressed relative to the folder `base` (both absolute).
    static func relativePath(from base: String, to target: String) -> String {
        let from = Path.components(base)
        let to = Path.components(target)
        var common = 0
        while common < from.count && common < to.count && from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let downs = to[common...].map(String.init)
        let parts = ups + downs
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Every archive folder (canonical path) that some link in `wheels` or `sdists` points to,
    /// mapped to the links pointing at it.
    func archiveReferences() throws(CacheError) -> [String: [String]] {
        var references: [String: [String]] = [:]
        guard let archiveRoot = Self.realPath(bucket(.archive)) else { return references }
        for source in [CacheBucket.wheels, .sdists] {
            try collectLinks(in: bucket(source)) { link in
                if let target = Self.realPath(link), Path.parent(target) == archiveRoot {
                    references[target, default: []].append(link)
                }
            }
        }
        return references
    }

    /// Calls `visit` with every symbolic link under `folder` (links are not followed).
    private func collectLinks(in folder: String, _ visit: (String) -> Void) throws(CacheError) {
        for name in try POSIX.entries(folder) {
            let path = Path.join(folder, name)
            guard let info = try POSIX.lstatIfPresent(path) else { continue }
            if POSIX.isSymlink(info) {
                visit(path)
            } else if POSIX.isDirectory(info) {
                try collectLinks(in: path, visit)
            }
        }
    }
}
