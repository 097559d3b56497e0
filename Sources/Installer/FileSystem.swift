import SuvBasics
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls the installer makes, with `errno` turned into ``InstallerError/io``.
/// Nothing here follows a final symbolic link unless it says so.
enum FileSystem {
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func failure(_ operation: String, _ path: String, code: Int32 = errno) -> InstallerError {
        .io(operation: operation, path: path, reason: describe(code))
    }

    /// `lstat`, or `nil` when nothing is there.
    static func lstatIfPresent(_ path: String) throws(InstallerError) -> stat? {
        var info = stat()
        if lstat(path, &info) == 0 { return info }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw failure("read metadata of", path)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
    static func isSymlink(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFLNK }
    static func isRegular(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFREG }

    /// Whether `path` is a directory (not following a final link).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && isDirectory(info)
    }

    /// Creates `path` and its missing parents; calls `created` with each folder made, outermost
    /// first. An existing non-directory (or a symbolic link) in the way is an error.
    static func createDirectories(_ path: String, created: (String) -> Void = { _ in }) throws(InstallerError) {
        var missing: [String] = []
        var current = path
        while true {
            var info = stat()
            if lstat(current, &info) == 0 {
                guard isDirectory(info) else { throw failure("create directory", current, code: ENOTDIR) }
                break
            }
            guard errno == ENOENT else { throw failure("create directory", current) }
            missing.append(current)
            let parent = PathArithmetic.parent(current)
            if parent == current { break }
            current = parent
        }
        for folder in missing.reversed() {
            if mkdir(folder, 0o777) == 0 {
                created(folder)
            } else if errno != EEXIST || !isDirectory(folder) {
                throw failure("create directory", folder)
            }
        }
    }

    /// The names in `path` without `.` and `..`, sorted; `[]` when missing.
    static func entries(_ path: String) throws(InstallerError) -> [String] {
        guard let names = DirectoryListing.names(path) else {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw failure("read directory", path)
        }
        return names
    }

    /// The entries of `path` with whether each is a directory (from the directory listing's
    /// type where the file system gives it, else from `lstat`); `[]` when missing.
    static func typedEntries(_ path: String) throws(InstallerError) -> [(name: String, isDirectory: Bool)] {
        guard let entries = DirectoryListing.entries(path) else {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw failure("read directory", path)
        }
        var result: [(name: String, isDirectory: Bool)] = []
        result.reserveCapacity(entries.count)
        for (name, kind) in entries {
            switch kind {
            case .directory: result.append((name, true))
            case .file, .symbolicLink: result.append((name, false))
            case .other, .unknown:
                guard let info = try lstatIfPresent(path + "/" + name) else { continue }
                result.append((name, isDirectory(info)))
            }
        }
        return result
    }

    /// Every file and symbolic link below `root`, as `/`-separated relative paths, in byte order.
    static func walkFiles(_ root: String) throws(InstallerError) -> [String] {
        var result: [String] = []
        func visit(_ relative: String) throws(InstallerError) {
            let full = relative.isEmpty ? root : root + "/" + relative
            for (name, directory) in try typedEntries(full) {
                let child = relative.isEmpty ? name : relative + "/" + name
                if directory { try visit(child) } else { result.append(child) }
            }
        }
        try visit("")
        result.sort { $0.utf8Precedes($1) }
        return result
    }

    /// The whole file.
    static func read(_ path: String) throws(InstallerError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("read", path) }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    /// The file, or `nil` when it does not exist.
    static func readIfPresent(_ path: String) throws(InstallerError) -> [UInt8]? {
        guard exists(path) else { return nil }
        return try read(path)
    }

    /// Writes all of `bytes` to `fd`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(InstallerError) {
        let failure = bytes.withUnsafeBytes { buffer -> InstallerError? in
            do throws(InstallerError) {
                try writeAll(fd, buffer, path: path)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Writes all of `bytes` to `fd`.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(InstallerError) {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += written
        }
    }

    /// Writes `bytes` to `path` created anew (`O_EXCL`), for the small files of a `.dist-info`
    /// folder that `RECORD`, written last, vouches for; an existing file is replaced as
    /// ``writeReplacing(_:_:mode:)`` replaces it. Saves the temporary name and the rename.
    static func writeNew(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws(InstallerError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else {
            if errno == EEXIST { return try writeReplacing(path, bytes, mode: mode) }
            throw failure("create", path)
        }
        try fill(fd, created: path, with: bytes, mode: mode)
    }

    /// Writes `bytes` to a new temporary file beside `path` with `mode`, then renames it over
    /// `path`: readers see the old file or the new one.
    static func writeReplacing(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws(InstallerError) {
        let temporary = temporaryName(beside: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw failure("create", temporary) }
        try fill(fd, created: temporary, with: bytes, mode: mode)
        try rename(temporary, path)
    }

    /// Writes `bytes` to `fd`, a file just created at `path`, sets `mode` (past the umask) and
    /// closes it; on a failed write the file is closed and removed.
    private static func fill(_ fd: Int32, created path: String, with bytes: [UInt8], mode: mode_t) throws(InstallerError) {
        do {
            try writeAll(fd, bytes, path: path)
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        _ = fchmod(fd, mode)
        close(fd)
    }

    /// `rename(2)`: 0, or the `errno` it failed with; the source is left as it was.
    static func renameReportingError(_ source: String, _ destination: String) -> Int32 {
        #if canImport(Darwin)
        let result = Darwin.rename(source, destination)
        #elseif canImport(Glibc)
        let result = Glibc.rename(source, destination)
        #else
        let result = Musl.rename(source, destination)
        #endif
        return result == 0 ? 0 : errno
    }

    static func rename(_ source: String, _ destination: String) throws(InstallerError) {
        let code = renameReportingError(source, destination)
        if code != 0 {
            unlink(source)
            throw failure("rename `\(source)` to", destination, code: code)
        }
        // Renaming onto another link of the same inode does nothing and leaves the source.
        unlink(source)
    }

    /// A fresh name in the folder of `path`.
    static func temporaryName(beside path: String) -> String {
        PathArithmetic.parent(path) + "/.suv-tmp-" + randomSuffix()
    }

    static func randomSuffix(_ length: Int = 12) -> String {
        RandomName.suffix(length)
    }

    /// Removes a file or link; missing is fine.
    static func removeFile(_ path: String) throws(InstallerError) -> Bool {
        if unlink(path) == 0 { return true }
        if errno == ENOENT { return false }
        throw failure("remove", path)
    }

    /// Removes `path` and everything below it, never following links; missing is fine.
    static func removeTree(_ path: String) throws(InstallerError) {
        guard let info = try lstatIfPresent(path) else { return }
        if isDirectory(info) {
            if info.st_mode & 0o700 != 0o700 { _ = chmod(path, (info.st_mode & 0o7777) | 0o700) }
            for name in try entries(path) { try removeTree(path + "/" + name) }
            if rmdir(path) != 0 && errno != ENOENT { throw failure("remove directory", path) }
        } else {
            _ = try removeFile(path)
        }
    }

    /// Removes `path` if it is an empty directory; `true` when it went.
    static func removeIfEmptyDirectory(_ path: String) -> Bool {
        rmdir(path) == 0
    }

    static func readLink(_ path: String) throws(InstallerError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { throw failure("read link", path) }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// `read(2)`, reachable from inside types that declare their own `read`.
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
