import SuvBasics

/// Path arithmetic for `-r`/`-c` includes, purely lexical (no file system access).
enum IncludePath {
    /// Where an include named `name` in the file `including` is read from: `http(s)://` URLs
    /// verbatim, `file://` URLs as their path, absolute paths as written, anything else joined
    /// onto the including file's directory (pip and uv resolve includes against the including
    /// file, not the working directory).
    static func resolve(_ name: String, includedFrom including: String) -> String {
        if name.hasPrefix("http://") || name.hasPrefix("https://") { return name }
        if name.hasPrefix("file://") { return filePath(fromURL: name) }
        return join(directory(of: including), name)
    }

    /// The directory part of `path` (`""` for a bare file name, `/` for a file in the root).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `directory/name`, or `name` when it is absolute or `directory` is empty.
    static func join(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") || directory.isEmpty { return name }
        if directory.hasSuffix("/") { return directory + name }
        return directory + "/" + name
    }

    /// The identity used for cycle detection: URLs as written, paths with `.` and `..`
    /// resolved lexically (as uv's `normalize_path`).
    static func identity(_ path: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            default:
                parts.append(part)
            }
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// The path of a `file:` URL: `file:///a/b` and `file://localhost/a/b` are `/a/b`;
    /// percent escapes are decoded.
    private static func filePath(fromURL url: String) -> String {
        var rest = url.dropFirst("file://".count)
        if !rest.hasPrefix("/") {
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        return PercentEncoding.decode(String(rest))
    }
}
