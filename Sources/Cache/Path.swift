/// String path helpers (suv passes paths as plain strings).
enum Path {
    /// `base` and `component` joined with one `/`.
    static func join(_ base: String, _ components: String...) -> String {
        join(base, components)
    }

    /// `base` and each of `components` joined with one `/` between them.
    static func join(_ base: String, _ components: [String]) -> String {
        var result = base
        for component in components where !component.isEmpty {
            if result.isEmpty {
                result = component
            } else if result.hasSuffix("/") {
                result += component.hasPrefix("/") ? String(component.dropFirst()) : component
            } else {
                result += component.hasPrefix("/") ? component : "/" + component
            }
        }
        return result
    }

    /// The folder holding `path` (`/` for top-level entries, `.` for a bare name).
    static func parent(_ path: String) -> String {
        let trimmed = trimTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The last component of `path`.
    static func name(_ path: String) -> String {
        let trimmed = trimTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `path` made absolute against `directory` when relative, with trailing slashes removed.
    static func absolute(_ path: String, relativeTo directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : join(directory, path)
        return trimTrailingSlashes(joined)
    }

    /// The components of `path` after dropping empty and `.` segments.
    static func components(_ path: String) -> [Substring] {
        path.split(separator: "/").filter { $0 != "." }
    }

    /// `path` without `.` components, and with each `..` taking away the component before it
    /// (by text: right only when those components are not symbolic links).
    static func lexicallyNormalized(_ path: String) -> String {
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if component == ".." && path.hasPrefix("/") {
                continue
            } else {
                parts.append(component)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    static func trimTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1 && result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }
}
