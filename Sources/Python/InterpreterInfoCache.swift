#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Interpreter facts stored on disk, one JSON file per interpreter path, so each interpreter is
/// queried once and not again until it changes.
///
/// **Key.** The executable's absolute path (symlinks kept, see `ExecutablePath`), hashed with
/// 64-bit FNV-1a into `<directory>/<16 hex digits>.json`. The entry repeats the full path, so a
/// hash collision reads as a miss.
///
/// **Validity.** An entry is used while the file the path resolves to (after every symlink) has
/// the same real path, modification time (to the nanosecond) and size as when the entry was
/// written, and the entry's schema is ``InterpreterQuery/schemaVersion``. An unreadable or
/// corrupt entry counts as a miss and is overwritten.
///
/// **Shims are not cached.** When the interpreter reports a `sys.executable` that is not the same
/// file as the path queried (a pyenv shim, a wrapper script), the answer depends on more than
/// that file, so it is returned without being stored, as uv does.
///
/// **Writes are atomic:** a temporary file in the same directory, then `rename(2)`. There is no
/// cross-process lock: two processes racing on a miss both query and the last rename wins, which
/// leaves a valid entry either way.
public struct InterpreterInfoCache: Sendable {
    /// The folder holding the entries; created on the first write.
    public let directory: String
    /// What runs an interpreter on a miss.
    public let interpreterQuery: InterpreterQuery

    /// A cache in `directory` that asks `interpreterQuery` on a miss.
    public init(directory: String, interpreterQuery: InterpreterQuery = InterpreterQuery()) {
        self.directory = directory
        self.interpreterQuery = interpreterQuery
    }

    /// The facts about the interpreter at `executable` (absolute, or relative to the current
    /// directory): from the cache when its entry is still valid, otherwise by running it once and
    /// storing the answer.
    public func query(executable: String) async throws(InterpreterQueryError) -> InterpreterInfo {
        let path = ExecutablePath.absolute(executable, relativeTo: FileManager.default.currentDirectoryPath)
        let stamp = try ExecutableFile.stamp(of: path)
        let file = entryPath(forAbsolutePath: path)
        if let cached = readEntry(at: file), cached.isValid(for: path, stamp: stamp) {
            return cached.info
        }
        let info = try await interpreterQuery.run(executable: path)
        if ExecutableFile.isSameFile(path, info.executable) {
            try write(Entry(schema: InterpreterQuery.schemaVersion, executable: path, stamp: stamp, info: info), to: file, for: path)
        } else {
            unlink(file)
        }
        return info
    }

    /// Records facts learned without running `executable` (a virtual environment's
    /// interpreter, whose facts follow from its base's), valid as long as the file is unchanged.
    public func store(_ info: InterpreterInfo, for executable: String) throws(InterpreterQueryError) {
        let path = ExecutablePath.absolute(executable, relativeTo: FileManager.default.currentDirectoryPath)
        let stamp = try ExecutableFile.stamp(of: path)
        try write(Entry(schema: InterpreterQuery.schemaVersion, executable: path, stamp: stamp, info: info),
                  to: entryPath(forAbsolutePath: path), for: path)
    }

    /// The file that holds (or would hold) the entry for `executable`.
    public func entryPath(for executable: String) -> String {
        entryPath(forAbsolutePath: ExecutablePath.absolute(executable, relativeTo: FileManager.default.currentDirectoryPath))
    }

    private func entryPath(forAbsolutePath path: String) -> String {
        directory + "/" + FNV1a.hex64(path) + ".json"
    }

    /// One cache file.
    struct Entry: Codable {
        var schema: Int
        var executable: String
        var stamp: ExecutableStamp
        var info: InterpreterInfo

        func isValid(for path: String, stamp current: ExecutableStamp) -> Bool {
            schema == InterpreterQuery.schemaVersion && executable == path && stamp == current
        }
    }

    private func readEntry(at file: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return InterpreterCacheEntryReader.entry([UInt8](data))
    }

    private func write(_ entry: Entry, to file: String, for path: String) throws(InterpreterQueryError) {
        func failure(_ reason: String) -> InterpreterQueryError {
            .cacheWriteFailed(path: path, cacheFile: file, reason: reason)
        }
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(entry)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw failure(String(describing: error))
        }
        let temporary = "\(file).\(getpid())-\(UInt64.random(in: 0 ... .max)).tmp"
        // Written plainly, without `fsync`: an entry is a cache, complete once renamed, and
        // `FileManager.createFile` syncs, which on ext4 made every new environment's first
        // entry wait for the journal to commit the whole environment (70 ms in `suv sync`).
        guard writeWhole(Array(data), to: temporary) else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw failure("cannot write `\(temporary)`: \(reason)")
        }
        guard rename(temporary, file) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(reason)
        }
    }
}

/// Writes `bytes` to a new file at `path`; false (with `errno` set) on failure.
private func writeWhole(_ bytes: [UInt8], to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeBytes { buffer in
            write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
        }
        if count < 0 {
            if errno == EINTR { continue }
            let failure = errno
            close(descriptor)
            errno = failure
            return false
        }
        written += count
    }
    return close(descriptor) == 0
}
