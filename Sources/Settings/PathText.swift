/// Lexical operations on POSIX path strings (no file-system access).
enum PathText {
    /// `component` resolved against `base`: unchanged when absolute, else joined with `/`.
    static func join(_ base: String, _ component: String) -> String {
        if component.hasPrefix("/") || base.isEmpty { return component }
        if component.isEmpty { return base }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// `path` made absolute against `directory` and cleaned of `.`, `..` and repeated slashes.
    static func absolute(_ path: String, in directory: String) -> String {
        normalize(join(directory, path))
    }

    /// Removes `.` and empty components and resolves `..` lexically (`/..` stays `/`).
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The containing directory, or `nil` for `/`.
    static func parent(_ path: String) -> String? {
        let clean = normalize(path)
        guard clean != "/", let slash = clean.lastIndex(of: "/") else { return nil }
        return slash == clean.startIndex ? "/" : String(clean[..<slash])
    }

    /// The last component (`uv.toml` for `/a/uv.toml`).
    static func lastComponent(_ path: String) -> String {
        let clean = normalize(path)
        guard let slash = clean.lastIndex(of: "/") else { return clean }
        return String(clean[clean.index(after: slash)...])
    }

    /// `path` and each of its ancestors, nearest first, ending with `/`.
    static func ancestors(of path: String) -> [String] {
        var result: [String] = [normalize(path)]
        while let next = parent(result[result.count - 1]) { result.append(next) }
        return result
    }

    /// `path` as uv shows it to the user: relative to `directory` when inside it, else as is.
    static func display(_ path: String, relativeTo directory: String) -> String {
        let clean = normalize(path)
        let base = normalize(directory)
        if clean == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        if clean.hasPrefix(prefix) { return String(clean.dropFirst(prefix.count)) }
        return clean
    }

    /// `~` and `~/…` expanded with `home`; anything else unchanged.
    static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return join(home, String(path.dropFirst(path == "~" ? 1 : 2)))
    }
}
