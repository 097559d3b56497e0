#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads.
public enum FileContents {
    /// The bytes of `path`, or `nil` when it does not exist.
    public static func contents(of path: String) throws(CacheError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw POSIX.failure("read", path)
        }
        defer { close(fd) }
        // One buffer of the file's size (plus one byte, to see the end in the same loop), read
        // into directly; it grows only if the file does while being read.
        var info = stat()
        let expected = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 64 * 1024
        var result = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == result.count { result.append(contentsOf: repeatElement(0, count: max(64 * 1024, result.count))) }
            let count = result.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIX.failure("read", path)
            }
            if count == 0 {
                result.removeSubrange(filled...)
                return result
            }
            filled += count
        }
    }
}
