/// Lexical path operations on `/`-separated strings (nothing touches the disk).
enum PathArithmetic {
    /// `base` and `relative` joined, with `.` and `..` components resolved lexically.
    static func join(_ base: String, _ relative: String) -> String {
        normalize(relative.hasPrefix("/") ? relative : base + "/" + relative)
    }

    /// `path` with empty and `.` components dropped and `..` applied; absolute paths stay
    /// absolute (`..` at the root stays at the root), relative ones keep leading `..`.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for component in path.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append("..") }
                continue
            }
            parts.append(component)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// `target` relative to the directory `base` (both absolute, normalized), e.g.
    /// `../../../bin/flask` from site-packages.
    static func relative(from base: String, to target: String) -> String {
        let from = normalize(base).split(separator: "/")
        let to = normalize(target).split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Whether the normalized `path` is `directory` or inside it.
    static func isInside(_ path: String, _ directory: String) -> Bool {
        let path = normalize(path), directory = normalize(directory)
        if directory == "/" { return path.hasPrefix("/") }
        return path == directory || path.hasPrefix(directory + "/")
    }

    /// The folder holding `path`.
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
