#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes files and folder trees while counting what goes, as ``RemovalSummary`` describes.
/// Symbolic links are removed, never followed. Folders without owner read/write/search
/// permission are given it first, so read-only trees (as some wheels unpack) still go.
struct TreeRemover {
    var summary = RemovalSummary()

    /// Removes `path` (a file, link or whole folder). A missing path is not an error.
    mutating func remove(_ path: String) throws(CacheError) {
        guard let info = try POSIX.lstatIfPresent(path) else { return }
        if POSIX.isDirectory(info) {
            try removeContents(of: path, info: info, keeping: [])
            if rmdir(path) != 0 && errno != ENOENT { throw POSIX.failure("remove directory", path) }
            summary.directories += 1
        } else {
            try removeFile(path, info: info)
        }
    }

    /// Removes everything inside folder `path` except the top-level names in `keeping`; the
    /// folder itself stays.
    mutating func removeContents(of path: String, keeping: Set<String>) throws(CacheError) {
        guard let info = try POSIX.lstatIfPresent(path), POSIX.isDirectory(info) else { return }
        try removeContents(of: path, info: info, keeping: keeping)
    }

    private mutating func removeContents(of path: String, info: stat, keeping: Set<String>) throws(CacheError) {
        if info.st_mode & 0o700 != 0o700 {
            _ = chmod(path, (info.st_mode & 0o7777) | 0o700)
        }
        for name in try POSIX.entries(path) where !keeping.contains(name) {
            try remove(Path.join(path, name))
        }
    }

    private mutating func removeFile(_ path: String, info: stat) throws(CacheError) {
        summary.files += 1
        summary.bytes += Self.reclaimedBytes(info)
        if unlink(path) != 0 && errno != ENOENT { throw POSIX.failure("remove", path) }
    }

    /// The space removing a file with this `lstat` frees, as uv 0.13.9 counts it.
    static func reclaimedBytes(_ info: stat) -> UInt64 {
        if POSIX.isRegular(info) && info.st_nlink > 1 { return 0 }
        return UInt64(max(0, Int64(info.st_blocks))) * 512
    }
}
