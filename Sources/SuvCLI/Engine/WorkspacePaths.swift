import Glibc

/// Path arithmetic for workspaces: member globs and paths relative to the workspace root, as
/// uv writes them in `uv.lock` (forward slashes, no `./`, `..` where the target lies outside).
enum WorkspacePaths {
    /// `base` joined with a relative `path`, with `.` and `..` components folded (absolute
    /// `path`s are taken as they are).
    static func join(_ base: String, _ path: String) -> String {
        normalize(path.hasPrefix("/") ? path : base + "/" + path)
    }

    /// An absolute path without `.`/`..` components, doubled or trailing slashes.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `target` relative to `base` (both absolute and normalized): `.` for the same directory.
    static func relative(_ target: String, to base: String) -> String {
        let targetParts = target.split(separator: "/")
        let baseParts = base.split(separator: "/")
        var common = 0
        while common < min(targetParts.count, baseParts.count), targetParts[common] == baseParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        let rest = targetParts[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// Whether a relative path matches a member or exclude glob (`packages/*`).
    static func matches(pattern: String, path: String) -> Bool {
        fnmatch(trimmed(pattern), path, FNM_PATHNAME) == 0
    }

    /// Directories under `root` matching a member glob, sorted.
    static func expand(pattern: String, root: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(root + "/" + trimmed(pattern), GLOB_ONLYDIR, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let pointer = result.gl_pathv[index] { paths.append(normalize(String(cString: pointer))) }
        }
        return paths.sorted()
    }

    private static func trimmed(_ pattern: String) -> String {
        var pattern = pattern
        while pattern.hasPrefix("./") { pattern.removeFirst(2) }
        while pattern.hasSuffix("/") { pattern.removeLast() }
        return pattern
    }
}
