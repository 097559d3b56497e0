import Glibc
import Cache
import SuvBasics
import Lockfile
import Settings

/// Verdicts "this lock is up to date for this project", remembered in the cache by content:
/// the key covers everything the verdict depends on (the `pyproject.toml` and `uv.lock`
/// bytes, the resolver options, the configured indexes, the interpreter, suv's version) and
/// the entry holds the number of locked packages. A matching entry lets `suv lock` answer
/// without parsing the lock, wherever the project lives.
struct LockState {
    let directory: String

    init(cache: CacheStore) {
        directory = cache.bucket(.locks)
    }

    static func key(pyproject: String, lockBytes: [UInt8], options: LockOptions, indexes: IndexLocations,
                    mirrors: MirrorRules = MirrorRules(), python: String) -> String {
        let urls = indexes.allowed.map { "\($0.url.string)@\($0.origin)" }.joined(separator: ",")
        let rules = mirrors.rules.map { "\($0.canonical)=\($0.mirror)" }.joined(separator: ",")
        let text = [SuvVersion.current, StateDigest.hex(Array(pyproject.utf8)), StateDigest.hex(lockBytes),
                    options.stateText, urls, rules, python].joined(separator: "\n")
        return StateDigest.hex(Array(text.utf8))
    }

    /// The package count recorded for `key`, if that verdict was reached before.
    func recordedCount(for key: String) -> Int? {
        guard let bytes = try? FileContents.contents(of: directory + "/" + key) else { return nil }
        return Int(String(decoding: bytes, as: UTF8.self))
    }

    func record(_ key: String, count: Int) {
        _ = mkdir(directory, 0o755)
        try? AtomicFile.write(Array("\(count)".utf8), to: directory + "/" + key, durable: false)
    }
}
