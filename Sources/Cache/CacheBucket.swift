/// A top-level folder of the cache, named with its format version (`simple-v0`).
///
/// A bucket's version goes up whenever the layout or format of what it stores changes, so an
/// older suv and a newer one never read each other's entries; `suv cache prune` then removes
/// the superseded folders (`simple-v0` once the current name is `simple-v1`). Bumping a version
/// here is the whole migration.
public enum CacheBucket: String, CaseIterable, Sendable {
    /// Simple-API pages per index and package, with their HTTP cache records.
    case simple
    /// Wheels downloaded from indexes and URLs, and links to their unpacked forms.
    case wheels
    /// Unpacked wheels, the source for installs; referenced by links from other buckets.
    case archive
    /// Interpreter facts, keyed by executable path.
    case interpreter
    /// Source distributions and the wheels built from them.
    case sdists
    /// Temporary build environments.
    case builds
    /// Ephemeral environments (`suv run --with`, scripts).
    case environments
    /// What suv last verified about each project's lock (an up-to-date lock is then
    /// recognized without reading it again).
    case locks
    /// Git repositories (`db/<repository>`, bare) and checkouts of their commits
    /// (`checkouts/<repository>/<commit>`).
    case git

    /// The folder-name stem, without the version.
    public var stem: String { rawValue }

    /// The current format version.
    public var version: Int {
        switch self {
        case .simple, .wheels, .archive, .interpreter, .sdists, .builds, .environments, .locks, .git: 0
        }
    }

    /// The folder name, e.g. `simple-v0`.
    public var folderName: String { "\(stem)-v\(version)" }

    /// Whether entries in this bucket are grouped by package name, so that
    /// `suv cache clean <package>` can find them: `<bucket>/<shard>/<name>` (a folder) or
    /// `<bucket>/<shard>/<name>.<extension>` (files), with `<name>` the normalized name.
    public var isKeyedByPackage: Bool {
        switch self {
        case .simple, .wheels, .sdists: true
        case .archive, .interpreter, .builds, .environments, .locks, .git: false
        }
    }

    /// The bucket and version a top-level folder name denotes (`simple-v3` → `(.simple, 3)`),
    /// or `nil` for names that are not `<known stem>-v<digits>`.
    public static func parse(folderName name: String) -> (bucket: CacheBucket, version: Int)? {
        guard let dash = name.lastIndex(of: "-") else { return nil }
        let tail = name[name.index(after: dash)...]
        guard tail.first == "v" else { return nil }
        let digits = tail.dropFirst()
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (48...57).contains($0) }),
              let version = Int(digits),
              let bucket = CacheBucket(rawValue: String(name[..<dash]))
        else { return nil }
        return (bucket, version)
    }
}
