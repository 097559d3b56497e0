import Glibc
import Cache
import SuvBasics

/// Verdicts "this environment holds exactly what this lock wants", remembered in the cache: the
/// key covers the lock's bytes, the selection and options, the interpreter, and the
/// environment's `site-packages` folder as it stands (its inode and change time: installing or
/// removing a distribution adds or removes entries there). A matching entry lets a no-op
/// `suv sync` answer without reading the lock or the installed distributions.
struct SyncState {
    let directory: String

    init(cache: CacheStore) {
        directory = cache.bucket(.locks)
    }

    /// `nil` when `sitePackages` cannot be examined.
    static func key(lockBytes: [UInt8], sitePackages: String, python: String, options: String) -> String? {
        var status = stat()
        guard stat(sitePackages, &status) == 0 else { return nil }
        let folder = "\(status.st_dev):\(status.st_ino):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
        let text = ["sync", SuvVersion.current, StateDigest.hex(lockBytes), sitePackages, folder, python, options].joined(separator: "\n")
        return "sync-" + StateDigest.hex(Array(text.utf8))
    }

    /// The package count recorded for `key`.
    func recordedCount(for key: String) -> Int? {
        guard let bytes = try? FileContents.contents(of: directory + "/" + key) else { return nil }
        return Int(String(decoding: bytes, as: UTF8.self))
    }

    func record(_ key: String, count: Int) {
        _ = mkdir(directory, 0o755)
        try? AtomicFile.write(Array("\(count)".utf8), to: directory + "/" + key, durable: false)
    }
}
