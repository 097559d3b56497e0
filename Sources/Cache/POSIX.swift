import SuvBasics
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the cache needs, turning `errno` into ``CacheError``.
///
/// Paths are plain strings, as elsewhere in suv. Nothing here follows symbolic links unless it
/// says so.
enum POSIX {
    /// The system's description of `code` (`strerror`).
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// A ``CacheError/io(operation:path:reason:)`` for the current `errno`.
    static func failure(_ operation: String, _ path: String, code: Int32 = errno) -> CacheError {
        .io(operation: operation, path: path, reason: describe(code))
    }

    /// The `lstat` of `path`, or `nil` when it does not exist.
    static func lstatIfPresent(_ path: String) throws(CacheError) -> stat? {
        var info = stat()
        if lstat(path, &info) == 0 { return info }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw failure("read metadata of", path)
    }

    /// Whether `path` exists (without following a final symbolic link).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` is a directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && isDirectory(info)
    }

    static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
    static func isSymlink(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFLNK }
    static func isRegular(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFREG }

    /// Creates `path` and its missing parents (`mkdir -p`).
    static func createDirectories(_ path: String, mode: mode_t = 0o777) throws(CacheError) {
        if mkdir(path, mode) == 0 { return }
        let code = errno
        switch code {
        case EEXIST:
            guard isDirectory(path) else { throw failure("create directory", path, code: ENOTDIR) }
        case ENOENT:
            let parent = Path.parent(path)
            guard parent != path else { throw failure("create directory", path, code: code) }
            try createDirectories(parent, mode: mode)
            if mkdir(path, mode) != 0 && errno != EEXIST { throw failure("create directory", path) }
        default:
            throw failure("create directory", path, code: code)
        }
    }

    /// The names in directory `path` (without `.` and `..`), sorted; `[]` when it is missing.
    static func entries(_ path: String) throws(CacheError) -> [String] {
        guard let names = DirectoryListing.names(path) else {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw failure("read directory", path)
        }
        return names
    }

    /// Renames `source` to `destination` atomically (`rename(2)`).
    static func rename(_ source: String, _ destination: String) throws(CacheError) {
        #if canImport(Darwin)
        let result = Darwin.rename(source, destination)
        #elseif canImport(Glibc)
        let result = Glibc.rename(source, destination)
        #else
        let result = Musl.rename(source, destination)
        #endif
        if result != 0 { throw failure("rename `\(source)` to", destination) }
    }

    /// Flushes the directory entry changes in `directory` to disk; failures are ignored (some
    /// filesystems cannot `fsync` a directory).
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Writes all of `bytes` to `descriptor`, retrying on `EINTR` and short writes.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(CacheError) {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += written
        }
    }

    /// A random lowercase alphanumeric string of `length` characters, for temporary names.
    static func randomSuffix(_ length: Int = 12) -> String {
        RandomName.suffix(length)
    }
}
