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
        // into directly without clearing it first; it grows only if the file does while being read.
        var info = stat()
        let expected = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 64 * 1024
        var failure: Int32?
        var result = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let count = read(fd, base + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { return }
                initialized += count
            }
        }
        if let failure {
            errno = failure
            throw POSIX.failure("read", path)
        }
        guard result.count == expected + 1 else { return result }
        var filled = result.count
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
