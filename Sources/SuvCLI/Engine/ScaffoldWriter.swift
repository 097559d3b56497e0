import Glibc
import SuvBasics

/// Creates a new project's directories and files, remembering what it made so that a failure
/// part-way leaves nothing behind: ``rollBack()`` removes every file and directory it created,
/// newest first, and puts back the files it replaced.
final class ScaffoldWriter {
    private enum Change {
        case createdDirectory(String)
        case createdFile(String)
        case replacedFile(String, original: [UInt8])
    }

    private var changes: [Change] = []

    /// Creates `path` and its missing parents (absolute, `/`-separated; `..` is left to the
    /// file system, as `mkdir -p` does).
    func createDirectories(_ path: String) throws {
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o777) == 0 {
                changes.append(.createdDirectory(current))
            } else if errno != EEXIST {
                throw ScaffoldWriteError(path: current, errno: errno)
            }
        }
    }

    /// Records a directory made by someone else for this project (`git init`'s `.git`).
    func adoptDirectory(_ path: String) {
        changes.append(.createdDirectory(path))
    }

    /// Writes `contents` to `path` unless a file is already there; returns whether it wrote.
    /// A private file is readable and writable by its owner only.
    @discardableResult
    func createFile(_ path: String, contents: String, isPrivate: Bool = false) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, isPrivate ? 0o600 : 0o666)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw ScaffoldWriteError(path: path, errno: errno)
        }
        changes.append(.createdFile(path))
        try write(Array(contents.utf8), to: descriptor, path: path)
        return true
    }

    /// Replaces the text of an existing file (a workspace root's `pyproject.toml`) atomically:
    /// a reader (another suv finding the workspace) sees the old text or the new, never half.
    func replaceFile(_ path: String, contents: String, original: [UInt8]) throws {
        try OutputFile.write(contents, to: path, relativeTo: "/")
        changes.append(.replacedFile(path, original: original))
    }

    /// Undoes every change, newest first, as far as the file system allows.
    func rollBack() {
        for change in changes.reversed() {
            switch change {
            case .createdDirectory(let path):
                _ = DirectoryListing.removeTree(path)
            case .createdFile(let path):
                unlink(path)
            case .replacedFile(let path, let original):
                try? OutputFile.write(String(decoding: original, as: UTF8.self), to: path, relativeTo: "/")
            }
        }
        changes = []
    }

    private func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw ScaffoldWriteError(path: path, errno: errno)
            }
            written += result
        }
    }
}

/// A file or directory of a new project that could not be written.
struct ScaffoldWriteError: SuvError {
    let path: String
    let errno: Int32
    var message: String { "Failed to write `\(path)`: \(String(cString: strerror(errno)))" }
}
