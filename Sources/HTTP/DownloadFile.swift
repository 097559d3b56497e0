import CCurl
import Hashing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary file a download streams into, hashed as it grows; renamed over the
/// destination only when complete and verified. Confined to the event-loop thread.
final class DownloadFile {
    let destination: String
    let temporaryPath: String
    private var descriptor: Int32 = -1
    /// Whether the temporary file exists on disk (and must be removed unless committed).
    private var created = false
    /// Whether the file is an unnamed `O_TMPFILE` inode: nothing to clean up, and it is
    /// linked into place in one step (half the file-system work of create-then-rename).
    private var anonymous = false
    private(set) var hasher = SHA256Hasher()
    private(set) var size: Int64 = 0

    init(destination: String) {
        self.destination = destination
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { String(destination[...$0]) } ?? ""
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        temporaryPath = "\(directory).\(name).\(suffix).part"
    }

    deinit { discard() }

    /// Appends bytes, creating the file on first use.
    func append(_ bytes: UnsafeRawBufferPointer) -> HTTPError? {
        if descriptor < 0, let error = create() { return error }
        guard var next = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return Self.error(temporaryPath, "write", errno)
            }
            next += written
            remaining -= written
        }
        hasher.update(bytes)
        size += Int64(bytes.count)
        return nil
    }

    /// Empties the file for a new attempt (a retry, or a new response after a redirect).
    func restart() -> HTTPError? {
        hasher = SHA256Hasher()
        size = 0
        guard descriptor >= 0 else { return nil }
        if ftruncate(descriptor, 0) != 0 || lseek(descriptor, 0, SEEK_SET) != 0 {
            return Self.error(temporaryPath, "truncate", errno)
        }
        return nil
    }

    /// Closes the file, checks the digest and renames it over the destination.
    func commit(expected: SHA256Digest?, url: String) -> Result<SHA256Digest, HTTPError> {
        if descriptor < 0, let error = create() {
            discard()
            return .failure(error)
        }
        let digest = hasher.finalize()
        if anonymous {
            return commitAnonymous(digest: digest, expected: expected, url: url)
        }
        let closed = close(descriptor)
        let closeErrno = errno
        descriptor = -1
        if closed != 0 {
            discard()
            return .failure(Self.error(temporaryPath, "write", closeErrno))
        }
        if let expected, expected != digest {
            discard()
            return .failure(.hashMismatch(url: url, expected: expected, actual: digest))
        }
        if rename(temporaryPath, destination) != 0 {
            let error = Self.error(destination, "rename a download to", errno)
            discard()
            return .failure(error)
        }
        created = false
        return .success(digest)
    }

    private func commitAnonymous(digest: SHA256Digest, expected: SHA256Digest?, url: String) -> Result<SHA256Digest, HTTPError> {
        defer { discard() }
        if let expected, expected != digest {
            return .failure(.hashMismatch(url: url, expected: expected, actual: digest))
        }
        let linked = linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, destination, AT_SYMLINK_FOLLOW)
        // Someone else put the same verified file there first: theirs is as good as ours.
        if linked != 0, errno != EEXIST {
            return .failure(Self.error(destination, "link a download to", errno))
        }
        return .success(digest)
    }

    /// Closes and removes the temporary file, if any.
    func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if created {
            unlink(temporaryPath)
            created = false
        }
    }

    private func create() -> HTTPError? {
        let flag = suv_o_tmpfile()
        if flag != 0 {
            let directory = destination.lastIndex(of: "/").map { String(destination[..<$0]) } ?? "."
            descriptor = open(directory.isEmpty ? "/" : directory, flag | O_WRONLY | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                anonymous = true
                return nil
            }
        }
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return Self.error(temporaryPath, "create", errno) }
        created = true
        return nil
    }

    private static func error(_ path: String, _ operation: String, _ code: Int32) -> HTTPError {
        .fileSystem(path: path, operation: operation, reason: String(cString: strerror(code)))
    }
}
