/// `suv cache prune`: remove what no current suv can use.
extension CacheStore {
    /// Removes unused entries, in this order:
    ///
    /// 1. top-level folders of superseded bucket versions (`simple-v0` once the current name is
    ///    `simple-v1`), and top-level leftovers of interrupted writes. Folders that are not suv
    ///    buckets, or that carry a *newer* version (a newer suv sharing the cache), are kept;
    /// 2. every cached environment (`environments-v0`) and leftover build folder (`builds-v0`);
    /// 3. every leftover temporary file or folder (``AtomicFile/temporaryPrefix``) in the
    ///    buckets;
    /// 4. with `ci`: all of `wheels-v0` (downloaded wheels and their unpacked links), and in
    ///    `sdists-v0` every subfolder and link beside a built `.whl` (unpacked built wheels,
    ///    extracted sources), keeping the built wheels and their metadata;
    /// 5. archives (`archive-v0/<id>`) no link points to any more.
    ///
    /// Hold ``lockExclusive()`` while calling this: shared holders may be writing.
    public func prune(ci: Bool) throws(CacheError) -> RemovalSummary {
        try prune(ci: ci, currentVersion: \.version)
    }

    /// ``prune(ci:)`` with the current bucket versions given by `currentVersion` (for tests).
    func prune(ci: Bool, currentVersion: (CacheBucket) -> Int) throws(CacheError) -> RemovalSummary {
        var remover = TreeRemover()
        try pruneTopLevel(&remover, currentVersion: currentVersion)
        try remover.removeContents(of: bucket(.environments), keeping: [])
        try remover.removeContents(of: bucket(.builds), keeping: [])
        for bucket in CacheBucket.allCases where bucket != .environments && bucket != .builds {
            try removeTemporaries(in: self.bucket(bucket), descend: bucket != .archive, remover: &remover)
        }
        if ci {
            try remover.removeContents(of: bucket(.wheels), keeping: [])
            try pruneBuiltWheelFolders(in: bucket(.sdists), remover: &remover)
        }
        let references = try archiveReferences()
        for name in try POSIX.entries(bucket(.archive)) {
            let archive = Path.join(bucket(.archive), name)
            let canonical = Self.realPath(archive) ?? archive
            if references[canonical] == nil {
                try remover.remove(archive)
            }
        }
        return remover.summary
    }

    private func pruneTopLevel(_ remover: inout TreeRemover, currentVersion: (CacheBucket) -> Int) throws(CacheError) {
        for name in try POSIX.entries(root) where !Self.markerFiles.contains(name) {
            let path = Path.join(root, name)
            if name.hasPrefix(AtomicFile.temporaryPrefix) {
                try remover.remove(path)
            } else if let parsed = CacheBucket.parse(folderName: name), parsed.version < currentVersion(parsed.bucket) {
                try remover.remove(path)
            }
        }
    }

    private func removeTemporaries(in folder: String, descend: Bool, remover: inout TreeRemover) throws(CacheError) {
        for name in try POSIX.entries(folder) {
            let path = Path.join(folder, name)
            if name.hasPrefix(AtomicFile.temporaryPrefix) {
                try remover.remove(path)
            } else if descend, let info = try POSIX.lstatIfPresent(path), POSIX.isDirectory(info) {
                try removeTemporaries(in: path, descend: true, remover: &remover)
            }
        }
    }

    private func pruneBuiltWheelFolders(in folder: String, remover: inout TreeRemover) throws(CacheError) {
        let names = try POSIX.entries(folder)
        let holdsBuiltWheel = names.contains { $0.lowercased().hasSuffix(".whl") }
        for name in names {
            let path = Path.join(folder, name)
            guard let info = try POSIX.lstatIfPresent(path) else { continue }
            if holdsBuiltWheel && (POSIX.isDirectory(info) || POSIX.isSymlink(info)) {
                try remover.remove(path)
            } else if POSIX.isDirectory(info) {
                try pruneBuiltWheelFolders(in: path, remover: &remover)
            }
        }
    }
}
