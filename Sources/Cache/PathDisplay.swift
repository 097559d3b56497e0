/// How paths are shown to the user, as uv's `user_display` does.
public enum PathDisplay {
    /// `path` relative to `currentDirectory` when it lies inside it (`.` for the directory
    /// itself), otherwise unchanged. Matching is by whole path components. When the current
    /// directory is `/`, paths are shown as they are.
    ///
    /// - Parameters:
    ///   - path: the path to show, absolute or relative.
    ///   - currentDirectory: the absolute working directory.
    public static func user(_ path: String, currentDirectory: String) -> String {
        let base = Path.components(currentDirectory)
        guard !base.isEmpty, path.hasPrefix("/") else { return path }
        let parts = Path.components(path)
        guard parts.count >= base.count, Array(parts.prefix(base.count)) == base else { return path }
        let rest = parts.dropFirst(base.count)
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }
}
