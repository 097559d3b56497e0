#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file an interpreter path leads to looks like on disk, following symlinks.
///
/// The interpreter cache stays valid while this stamp is unchanged: the symlink-resolved target,
/// its modification time (to the nanosecond) and its size. Following the symlink matters because a
/// virtual environment's `bin/python` is a link whose own times never change when the interpreter
/// behind it is upgraded.
struct ExecutableStamp: Codable, Sendable, Hashable {
    /// The path with every symlink resolved (`realpath`).
    var resolvedPath: String
    /// Seconds part of the target's modification time.
    var modifiedSeconds: Int64
    /// Nanoseconds part of the target's modification time.
    var modifiedNanoseconds: Int64
    /// The target's size in bytes.
    var size: Int64

    enum CodingKeys: String, CodingKey {
        case resolvedPath = "resolved_path"
        case modifiedSeconds = "modified_seconds"
        case modifiedNanoseconds = "modified_nanoseconds"
        case size
    }
}

/// File-system checks on interpreter paths (POSIX `stat`, `lstat`, `access`, `realpath`).
package enum ExecutableFile {
    /// The stamp of the executable at `path`, or the reason it cannot be run: nothing there, a
    /// dangling symlink, or no permission to execute it.
    static func stamp(of path: String) throws(InterpreterQueryError) -> ExecutableStamp {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let failure = errno
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                throw .brokenSymlink(path: path)
            }
            if failure == EACCES { throw .notExecutable(path: path) }
            throw .notFound(path: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, access(path, X_OK) == 0 else {
            throw .notExecutable(path: path)
        }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return ExecutableStamp(
            resolvedPath: resolvedPath(path) ?? path,
            modifiedSeconds: Int64(modified.tv_sec),
            modifiedNanoseconds: Int64(modified.tv_nsec),
            size: Int64(info.st_size)
        )
    }

    /// Whether both paths lead to the same file (same device and inode after following symlinks).
    static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// `path` with every symlink resolved, or `nil` when that fails.
    package static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
