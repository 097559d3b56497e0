import SuvBasics

/// The little file-system access settings discovery needs: read a text file, check that a
/// path is a regular file. Behind a protocol so tests can use a temp dir or a fake.
public protocol SettingsFileSystem: Sendable {
    /// The file's contents as text (invalid UTF-8 replaced), or `nil` when nothing is there
    /// (the path or one of its parents is missing, or a parent is not a directory).
    ///
    /// - Throws: ``FileReadError`` when the file exists but cannot be read.
    func readFile(atPath path: String) throws(FileReadError) -> String?

    /// Whether `path` names a regular file (following symbolic links).
    func isFile(atPath path: String) -> Bool
}

/// A file that exists but could not be read; worded like uv's `fs_err` messages.
public struct FileReadError: SuvError, Equatable {
    /// The path as the user knows it.
    public var path: String
    /// The system's reason, e.g. `Permission denied (os error 13)`.
    public var reason: String
    /// Whether the file exists but may not be read (`EACCES`/`EPERM`).
    public var isPermissionDenied: Bool

    public init(path: String, reason: String, isPermissionDenied: Bool = false) {
        self.path = path
        self.reason = reason
        self.isPermissionDenied = isPermissionDenied
    }

    public var message: String { "failed to read from file `\(path)`: \(reason)" }
}
