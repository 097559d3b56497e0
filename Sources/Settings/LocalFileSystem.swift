#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, optionally seen through a root directory: with `root` set to a
/// temp dir, `/etc/uv/uv.toml` is read from `<root>/etc/uv/uv.toml`. Tests use that to give
/// system, user and project files fixed, machine-independent paths.
public struct LocalFileSystem: SettingsFileSystem {
    /// The directory that stands for `/`; `/` itself for the real system.
    public var root: String

    public init(root: String = "/") {
        self.root = root
    }

    /// Where `path` (absolute, as settings code sees it) lives on the real disk.
    public func hostPath(_ path: String) -> String {
        if root == "/" || root.isEmpty { return path }
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        return path.hasPrefix("/") ? trimmed + path : trimmed + "/" + path
    }

    public func readFile(atPath path: String) throws(FileReadError) -> String? {
        let descriptor = open(hostPath(path), O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw FileReadError(path: path, reason: Self.describe(code), isPermissionDenied: code == EACCES || code == EPERM)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw FileReadError(path: path, reason: Self.describe(code))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func isFile(atPath path: String) -> Bool {
        var info = stat()
        guard stat(hostPath(path), &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
    }

    /// `strerror` plus the number, the way Rust's `io::Error` prints.
    static func describe(_ code: Int32) -> String {
        let text = strerror(code).map { String(cString: $0) } ?? "Unknown error"
        return "\(text) (os error \(code))"
    }
}
