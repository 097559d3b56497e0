#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that appear all at once: written to a temporary file in the destination's folder,
/// flushed with `fsync`, then renamed over the destination (`rename(2)` is atomic within one
/// filesystem). A reader sees the old file or the new one, never a mix; a crash leaves at most
/// a stray temporary file, which `suv cache prune` removes.
///
/// Temporary names start with ``temporaryPrefix``.
public enum AtomicFile {
    /// The prefix of every temporary file and folder the cache creates.
    public static let temporaryPrefix = ".suv-tmp-"

    /// Writes `bytes` to `path` atomically, creating missing parent folders.
    ///
    /// With `durable` (the default) the file and its folder are flushed to disk before and
    /// after the rename. Cache entries that are checked when read (parsed pages, hashed files)
    /// pass `false`: the rename alone keeps readers from ever seeing half a file, and skipping
    /// four `fsync` calls per entry keeps a cold resolution fast.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(CacheError) {
        var writer = try AtomicFileWriter(destination: path)
        do {
            try writer.write(bytes)
        } catch {
            writer.abort()
            throw error
        }
        try writer.commit(durable: durable)
    }

    /// Writes `text` (UTF-8) to `path` atomically.
    public static func write(_ text: String, to path: String) throws(CacheError) {
        try write(Array(text.utf8), to: path)
    }

    /// Streams a file into place: `body` writes through the ``AtomicFileWriter``; when it returns
    /// the file is committed, and when it throws the temporary file is removed, the destination
    /// is left untouched, and the error is rethrown.
    ///
    /// - Throws: ``CacheError`` for the cache's own I/O, or whatever `body` throws.
    public static func write(
        to path: String,
        _ body: (inout AtomicFileWriter) throws -> Void
    ) throws {
        var writer = try AtomicFileWriter(destination: path)
        do {
            try body(&writer)
        } catch {
            writer.abort()
            throw error
        }
        try writer.commit()
    }
}

/// A temporary file that becomes `destination` on ``commit()``.
///
/// Create one, ``write(_:)`` to it, then ``commit()`` (`fsync`, rename, `fsync` the folder) or
/// ``abort()`` (remove). Dropping an uncommitted writer removes its temporary file.
public struct AtomicFileWriter: ~Copyable {
    /// Where the file ends up.
    public let destination: String
    /// The temporary file being written.
    public let temporaryPath: String
    private var descriptor: Int32

    /// Opens a new temporary file beside `destination`, creating missing folders.
    public init(destination: String) throws(CacheError) {
        let folder = Path.parent(destination)
        try POSIX.createDirectories(folder)
        var attempts = 0
        while true {
            let candidate = Path.join(folder, AtomicFile.temporaryPrefix + POSIX.randomSuffix())
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                self.destination = destination
                self.temporaryPath = candidate
                self.descriptor = fd
                return
            }
            attempts += 1
            if errno != EEXIST || attempts > 16 { throw POSIX.failure("create a temporary file in", folder) }
        }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends `bytes` to the temporary file.
    public mutating func write(_ bytes: [UInt8]) throws(CacheError) {
        let fd = descriptor
        let path = temporaryPath
        let failure = bytes.withUnsafeBytes { buffer -> CacheError? in
            do throws(CacheError) {
                try POSIX.writeAll(fd, buffer, path: path)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Appends the bytes in `buffer` to the temporary file.
    public mutating func write(_ buffer: UnsafeRawBufferPointer) throws(CacheError) {
        try POSIX.writeAll(descriptor, buffer, path: temporaryPath)
    }

    /// Flushes the file to disk (unless `durable` is false) and renames it over
    /// ``destination``. On failure the temporary file is removed.
    public consuming func commit(durable: Bool = true) throws(CacheError) {
        let fd = descriptor
        descriptor = -1
        if durable, fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(temporaryPath)
            throw POSIX.failure("flush", temporaryPath, code: code)
        }
        close(fd)
        do {
            try POSIX.rename(temporaryPath, destination)
        } catch {
            unlink(temporaryPath)
            throw error
        }
        if durable { POSIX.syncDirectory(Path.parent(destination)) }
    }

    /// Removes the temporary file; the destination is left as it was.
    public consuming func abort() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }
}
