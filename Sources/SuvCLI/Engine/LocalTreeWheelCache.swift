import Glibc
import Cache
import Hashing
import SuvBasics

/// Wheels built from local source trees, one per folder (editable or not) in the `sdists`
/// bucket under `local/<sha256 of the folder and kind>/`, with a stamp of the modification
/// times of the tree's `pyproject.toml`, `setup.py` and `setup.cfg` at build time. A later
/// install reuses the wheel while those files are unchanged, as uv does by default.
struct LocalTreeWheelCache: Sendable {
    let store: CacheStore

    /// The entry folder for a tree.
    func entry(_ tree: LocalTreeRequirement) -> String {
        let key = SHA256.hash(utf8: tree.path + (tree.editable ? "\0editable" : "\0wheel")).hex
        return store.shard(.sdists, "local", key)
    }

    /// The modification times of the files that decide whether a tree changed.
    static func stamp(_ tree: LocalTreeRequirement) -> String {
        ["pyproject.toml", "setup.py", "setup.cfg"].map { name in
            var status = stat()
            guard stat(tree.path + "/" + name, &status) == 0 else { return name + ":-" }
            return "\(name):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }.joined(separator: "\n") + "\n"
    }

    /// The newest modification time among the tree's stamp files (seconds), if any exists.
    static func newestChange(_ tree: LocalTreeRequirement) -> timespec? {
        var newest: timespec?
        for name in ["pyproject.toml", "setup.py", "setup.cfg"] {
            var status = stat()
            guard stat(tree.path + "/" + name, &status) == 0 else { continue }
            if let current = newest, (current.tv_sec, current.tv_nsec) >= (status.st_mtim.tv_sec, status.st_mtim.tv_nsec) { continue }
            newest = status.st_mtim
        }
        return newest
    }

    /// The wheel built earlier from the tree as it is now, if any.
    func cached(_ tree: LocalTreeRequirement) -> String? {
        let folder = entry(tree)
        guard let stamp = try? FileContents.contents(of: folder + "/stamp"),
              String(decoding: stamp, as: UTF8.self) == Self.stamp(tree),
              let wheel = (DirectoryListing.names(folder) ?? []).first(where: { $0.hasSuffix(".whl") }) else { return nil }
        return folder + "/" + wheel
    }

    /// Moves a freshly built wheel into the tree's entry (replacing an older build) and
    /// returns its new path.
    func keep(wheel: String, for tree: LocalTreeRequirement, stamp: String) throws -> String {
        let folder = entry(tree)
        guard let slash = folder.lastIndex(of: "/") else { throw SyncError.io(path: folder, errno: EINVAL) }
        let temporary = try EnvironmentSync.temporaryFolder(in: String(folder[..<slash]))
        let filename = wheel.split(separator: "/").last.map(String.init) ?? wheel
        do {
            guard rename(wheel, temporary + "/" + filename) == 0 else { throw SyncError.io(path: temporary + "/" + filename, errno: errno) }
            try OutputFile.write(stamp, to: temporary + "/stamp", relativeTo: "/")
            _ = DirectoryListing.removeTree(folder)
            if rename(temporary, folder) != 0 {
                // Another build of the same tree got there first.
                _ = DirectoryListing.removeTree(temporary)
                if let existing = cached(tree) { return existing }
                throw SyncError.io(path: folder, errno: errno)
            }
        } catch {
            _ = DirectoryListing.removeTree(temporary)
            throw error
        }
        return folder + "/" + filename
    }
}
