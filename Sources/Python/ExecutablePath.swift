/// Path arithmetic for interpreter paths, done on text alone.
///
/// An interpreter is identified by its *absolute* path, not by the file a symlink points to: a
/// virtual environment's `bin/python` is usually a symlink to the base interpreter, yet it reports
/// a different `sys.prefix`. So symlinks are kept, and so is `..`, because `dir/link/..` need not
/// be `dir` (the same rule as Rust's `std::path::absolute`, which uv uses).
package enum ExecutablePath {
    /// `path` made absolute against `directory`, with empty and `.` components removed.
    package static func absolute(_ path: String, relativeTo directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        let components = joined.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return "/" + components.joined(separator: "/")
    }
}
