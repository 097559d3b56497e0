import Glibc
import SuvBasics

/// Small file-system helpers for find-links directories and cache folders.
enum LocalDirectory {
    /// The names of the entries of a directory (empty when it cannot be read).
    static func names(in directory: String) -> [String] {
        DirectoryListing.names(directory) ?? []
    }

    /// Creates a directory and its parents (only the missing ones are attempted).
    static func create(_ path: String) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        create(String(path[..<slash]))
        mkdir(path, 0o755)
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
