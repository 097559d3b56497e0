#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading directories and removing trees with the POSIX calls, without `.` and `..`; the
/// modules that need it wrap failures in their own error types.
public enum DirectoryListing {
    /// What a directory entry is, from the listing itself when the file system says.
    public enum Kind: Sendable {
        case directory, file, symbolicLink, other
        /// The listing did not say; ask `lstat`.
        case unknown
    }

    /// The entries of `path` in listing order, or `nil` (with `errno` set) when it cannot be
    /// opened.
    public static func entries(_ path: String) -> [(name: String, kind: Kind)]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var result: [(name: String, kind: Kind)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = .unknown
            default: kind = .other
            }
            result.append((name, kind))
        }
        return result
    }

    /// The names in `path`, sorted by bytes; `nil` (with `errno` set) when it cannot be opened.
    public static func names(_ path: String) -> [String]? {
        entries(path).map { $0.map(\.name).sorted { $0.utf8Precedes($1) } }
    }

    /// Removes `path` and everything below it without following symbolic links; `0`, or the
    /// `errno` of the first failure. A missing path is not a failure.
    @discardableResult
    public static func removeTree(_ path: String) -> Int32 {
        var status = stat()
        guard lstat(path, &status) == 0 else { return errno == ENOENT ? 0 : errno }
        guard status.st_mode & S_IFMT == S_IFDIR else { return unlink(path) == 0 ? 0 : errno }
        for (name, _) in entries(path) ?? [] {
            let code = removeTree(path + "/" + name)
            if code != 0 { return code }
        }
        return rmdir(path) == 0 ? 0 : errno
    }
}
