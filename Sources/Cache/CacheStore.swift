import SuvBasics

/// suv's cache on disk: its root folder, the versioned buckets inside it, and where entries go.
///
/// ```
/// <root>/CACHEDIR.TAG                     marks the folder as a cache (backup tools skip it)
/// <root>/.gitignore                       `*`: never committed by accident
/// <root>/.lock                            shared by every suv using the cache, exclusive for
///                                         `cache clean` and `cache prune`
/// <root>/simple-v0/<index-id>/<name>...   simple-API pages per index and package
/// <root>/wheels-v0/<index-id>/<name>/...  downloaded wheels per index and package
/// <root>/sdists-v0/<index-id>/<name>/...  source distributions and wheels built from them
/// <root>/archive-v0/<id>/                 unpacked wheels, linked from `wheels-v0`/`sdists-v0`
/// <root>/interpreter-v0/, builds-v0/, environments-v0/
/// ```
///
/// A store is a value describing paths; nothing touches the disk until ``initialize()`` or an
/// operation is called. Operations that read or write entries should run while holding
/// ``lockShared()``; `clean` and `prune` take ``lockExclusive()``.
public struct CacheStore: Sendable, Equatable {
    /// The root folder, absolute.
    public let root: String

    /// A store rooted at the absolute path `root`.
    public init(root: String) {
        self.root = Path.trimTrailingSlashes(root)
    }

    /// The `CACHEDIR.TAG` contents (the signature from the Cache Directory Tagging
    /// Specification, without a trailing newline, byte for byte as uv writes it).
    public static let cacheDirTagContents = "Signature: 8a477f597d28d172789f06886806bc55"
    /// The file names at the root that belong to the cache's scaffolding.
    public static let markerFiles: Set<String> = ["CACHEDIR.TAG", ".gitignore", ".lock"]

    /// The root's lock file.
    public var lockFile: String { Path.join(root, ".lock") }

    /// The folder of `bucket`, e.g. `<root>/simple-v0`.
    public func bucket(_ bucket: CacheBucket) -> String {
        Path.join(root, bucket.folderName)
    }

    /// A subfolder of `bucket`, e.g. `shard(.interpreter, "ab12")`.
    public func shard(_ bucket: CacheBucket, _ components: String...) -> String {
        Path.join(self.bucket(bucket), components)
    }

    /// The folder of one index inside `bucket`: `<bucket>/<index-id>`.
    public func index(_ bucket: CacheBucket, _ index: IndexID) -> String {
        Path.join(self.bucket(bucket), index.value)
    }

    /// The folder for one package of one index: `<bucket>/<index-id>/<normalized name>`.
    /// `suv cache clean <name>` removes it.
    public func package(_ bucket: CacheBucket, index: IndexID, name: PackageName) -> String {
        Path.join(self.index(bucket, index), name.normalized)
    }

    /// A file for one package of one index: `<bucket>/<index-id>/<normalized name>.<extension>`
    /// (e.g. a simple-API page `simple-v0/mirror.example-…/flask.json`). `suv cache clean <name>`
    /// removes it and every other `<name>.*` file beside it.
    public func packageFile(_ bucket: CacheBucket, index: IndexID, name: PackageName, extension ext: String) -> String {
        Path.join(self.index(bucket, index), "\(name.normalized).\(ext)")
    }

    /// Whether the root folder exists.
    public var exists: Bool { POSIX.isDirectory(root) }

    /// Creates the root and its scaffolding if missing, as uv does: the folder, `CACHEDIR.TAG`,
    /// a `.gitignore` containing `*`, and in the source-distribution bucket an empty
    /// `.gitignore` and an empty `.git` file, so that build backends looking upwards from an
    /// unpacked sdist neither inherit the root's `*` nor find an enclosing repository.
    /// Existing files are left alone.
    public func initialize() throws(CacheError) {
        try POSIX.createDirectories(root)
        try writeIfMissing(Path.join(root, "CACHEDIR.TAG"), Self.cacheDirTagContents)
        try writeIfMissing(Path.join(root, ".gitignore"), "*")
        let sdists = bucket(.sdists)
        try POSIX.createDirectories(sdists)
        try writeIfMissing(Path.join(sdists, ".gitignore"), "")
        try writeIfMissing(Path.join(sdists, ".git"), "")
    }

    private func writeIfMissing(_ path: String, _ contents: String) throws(CacheError) {
        guard !POSIX.exists(path) else { return }
        try AtomicFile.write(contents, to: path)
    }
}

extension CacheStore {
    /// Holds the root shared: other suv processes may use the cache too, but `cache clean` and
    /// `cache prune` wait until this lock is released. Creates the root first.
    public func lockShared() async throws -> CacheLock {
        try initialize()
        return try await CacheLock.acquire(lockFile, mode: .shared)
    }

    /// Holds the root exclusively, waiting for every other user to finish. `onContention` is
    /// called once if the lock is busy. The root must exist.
    public func lockExclusive(onContention: (@Sendable () -> Void)? = nil) async throws -> CacheLock {
        try await CacheLock.acquire(lockFile, mode: .exclusive, onContention: onContention)
    }

    /// Holds the root exclusively if nobody else is using the cache right now; `nil` otherwise.
    public func tryLockExclusive() throws(CacheError) -> CacheLock? {
        try CacheLock.tryAcquire(lockFile, mode: .exclusive)
    }
}
