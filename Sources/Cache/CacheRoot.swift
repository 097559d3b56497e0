/// Where the cache lives, and why.
///
/// suv keeps its own cache and never shares uv's (`~/.cache/uv`): the bucket formats differ, and
/// `suv cache prune` would treat uv's buckets as foreign. The location is, first match wins:
///
/// 1. `--cache-dir` (``CacheRoot/Source/flag``);
/// 2. `SUV_CACHE_DIR` (``CacheRoot/Source/suvCacheDir``);
/// 3. an inherited directory, which the command line passes for `UV_CACHE_DIR`
///    (``CacheRoot/Source/inherited``);
/// 4. `$XDG_CACHE_HOME/suv`, when `XDG_CACHE_HOME` is an absolute path
///    (``CacheRoot/Source/xdgCacheHome``);
/// 5. `$HOME/.cache/suv` (``CacheRoot/Source/home``).
///
/// Empty values count as unset. `--no-cache` bypasses all of this with a
/// ``TemporaryCacheDirectory``.
public struct CacheRoot: Sendable, Equatable {
    /// Which setting chose the directory.
    public enum Source: Sendable, Equatable {
        /// `--cache-dir`.
        case flag
        /// `SUV_CACHE_DIR`.
        case suvCacheDir
        /// A directory handed down by the caller (the command line passes `UV_CACHE_DIR`).
        case inherited
        /// `$XDG_CACHE_HOME/suv`.
        case xdgCacheHome
        /// `$HOME/.cache/suv`.
        case home
        /// A temporary directory for `--no-cache`.
        case temporary
    }

    /// The directory as configured: relative when the user wrote a relative path. This is what
    /// `suv cache dir` prints.
    public let path: String
    /// Which setting chose it.
    public let source: Source

    /// A root at `path` chosen by `source`.
    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// The subfolder of `XDG_CACHE_HOME` and `~/.cache` holding suv's cache.
    public static let applicationFolder = "suv"

    /// Finds the cache directory (see the type's documentation for the order).
    ///
    /// - Parameters:
    ///   - flag: `--cache-dir`, if given.
    ///   - inherited: a lower-priority explicit directory; the command line passes `UV_CACHE_DIR`.
    ///   - environment: the variables to consult (`SUV_CACHE_DIR`, `XDG_CACHE_HOME`, `HOME`);
    ///     the process environment is never read directly.
    /// - Throws: ``CacheError/noCacheDirectory`` when nothing applies.
    public static func resolve(
        flag: String?,
        inherited: String? = nil,
        environment: [String: String]
    ) throws(CacheError) -> CacheRoot {
        func nonEmpty(_ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            return value
        }
        if let flag = nonEmpty(flag) {
            return CacheRoot(path: flag, source: .flag)
        }
        if let variable = nonEmpty(environment["SUV_CACHE_DIR"]) {
            return CacheRoot(path: variable, source: .suvCacheDir)
        }
        if let inherited = nonEmpty(inherited) {
            return CacheRoot(path: inherited, source: .inherited)
        }
        // The XDG base directory spec says relative values are invalid and must be ignored.
        if let xdg = nonEmpty(environment["XDG_CACHE_HOME"]), xdg.hasPrefix("/") {
            return CacheRoot(path: Path.join(xdg, applicationFolder), source: .xdgCacheHome)
        }
        if let home = nonEmpty(environment["HOME"]) {
            return CacheRoot(path: Path.join(home, ".cache", applicationFolder), source: .home)
        }
        throw .noCacheDirectory
    }

    /// The directory as an absolute path, relative paths taken from `currentDirectory`.
    public func absolutePath(relativeTo currentDirectory: String) -> String {
        Path.absolute(path, relativeTo: currentDirectory)
    }
}
