/// Paths the way `uv init` treats them.
enum InitPaths {
    /// `path` made absolute against `directory` as Rust's `std::path::absolute` does on Unix:
    /// repeated slashes and `.` components dropped, `..` components and a trailing slash kept
    /// (`./x/` → `/work/x/`, `y/../z` → `/work/y/../z`). This is what uv prints.
    static func absolute(_ path: String, relativeTo directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        let components = joined.split(separator: "/").filter { $0 != "." }
        let trailing = path.hasSuffix("/") && !components.isEmpty ? "/" : ""
        return "/" + components.joined(separator: "/") + trailing
    }

    /// The final component, as Rust's `Path::file_name`: `nil` for `/` and for a path ending
    /// in `..`.
    static func fileName(_ path: String) -> String? {
        guard let last = path.split(separator: "/").last(where: { $0 != "." }), last != ".." else { return nil }
        return String(last)
    }
}
