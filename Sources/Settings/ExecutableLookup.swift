#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding programs along `PATH`, the one way every part of suv does it.
public enum ExecutableLookup {
    /// `name` itself when it contains a `/` (and is executable), else every executable
    /// `dir/name` along `path` (default `/usr/local/bin:/usr/bin:/bin`), in `PATH` order.
    public static func all(_ name: String, path: String?) -> [String] {
        if name.contains("/") { return access(name, X_OK) == 0 ? [name] : [] }
        var found: [String] = []
        for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !directory.isEmpty {
            let candidate = PathText.join(String(directory), name)
            if access(candidate, X_OK) == 0, !found.contains(candidate) { found.append(candidate) }
        }
        return found
    }

    /// The first of ``all(_:path:)``.
    public static func first(_ name: String, path: String?) -> String? {
        all(name, path: path).first
    }
}
