/// Lexical path operations on `/`-separated strings (nothing touches the disk).
enum PathArithmetic {
    /// `base` and `relative` joined, with `.` and `..` components resolved lexically.
    static func join(_ base: String, _ relative: String) -> String {
        normalize(relative.hasPrefix("/") ? relative : base + "/" + relative)
    }

    /// `path` with empty and `.` components dropped and `..` applied; absolute paths stay
    /// absolute (`..` at the root stays at the root), relative ones keep leading `..`.
    static func normalize(_ path: String) -> String {
        if isNormalized(path) { return path }
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
        // The usual case, a file inside `base`: what follows `base/`.
        let normalizedBase = normalize(base), normalizedTarget = normalize(target)
        if normalizedBase != "/", normalizedTarget.utf8.count > normalizedBase.utf8.count + 1,
           normalizedTarget.utf8.starts(with: normalizedBase.utf8),
           normalizedTarget.utf8[normalizedTarget.utf8.index(normalizedTarget.utf8.startIndex, offsetBy: normalizedBase.utf8.count)] == UInt8(ascii: "/") {
            return String(normalizedTarget.utf8.dropFirst(normalizedBase.utf8.count + 1)) ?? normalizedTarget
        }
        let from = normalizedBase.split(separator: "/")
        let to = normalizedTarget.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Whether `normalize` would return `path` unchanged: no empty, `.` or `..` component and no
    /// trailing slash (one pass over the bytes; most paths are already like that).
    static func isNormalized(_ path: String) -> Bool {
        var position = 0
        var length = 0   // bytes of the current component so far
        var dots = 0     // how many of them are `.`
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                // An empty component (`//`; a leading `/` is fine), or a `.`/`..` one.
                if position > 0 && length == 0 { return false }
                if length > 0 && length == dots && length <= 2 { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            position += 1
        }
        // A trailing slash is only right for the root itself.
        if length == 0 { return position == 1 }
        return !(length == dots && length <= 2)
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
