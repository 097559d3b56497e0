import SuvBasics

/// `suv cache clean`: remove everything, or the entries of some packages.
extension CacheStore {
    /// Removes every entry in the cache, keeping the root folder and its `.lock` (which the
    /// caller holds), as uv 0.13.9 does. Hold ``lockExclusive()`` while calling this.
    public func clear() throws(CacheError) -> RemovalSummary {
        var remover = TreeRemover()
        try remover.removeContents(of: root, keeping: [".lock"])
        return remover.summary
    }

    /// Removes the entries of `packages` from the buckets keyed by package name (see
    /// ``CacheBucket/isKeyedByPackage``): in each of their shards, the folder `<name>` and every
    /// file `<name>.<extension>`. Archives that only the removed links pointed to go too. Hold
    /// ``lockExclusive()`` while calling this.
    public func remove(packages: [PackageName]) throws(CacheError) -> RemovalSummary {
        let references = try archiveReferences()
        var remover = TreeRemover()
        for package in packages {
            for bucket in CacheBucket.allCases where bucket.isKeyedByPackage {
                try removeEntries(of: package, in: self.bucket(bucket), remover: &remover)
            }
        }
        for (archive, links) in references.sorted(by: { $0.key < $1.key })
        where links.allSatisfy({ !POSIX.exists($0) }) {
            try remover.remove(archive)
        }
        return remover.summary
    }

    private func removeEntries(of package: PackageName, in bucket: String, remover: inout TreeRemover) throws(CacheError) {
        let name = package.normalized
        for shard in try POSIX.entries(bucket) {
            let shardPath = Path.join(bucket, shard)
            guard let info = try POSIX.lstatIfPresent(shardPath), POSIX.isDirectory(info) else { continue }
            for entry in try POSIX.entries(shardPath) where entry == name || entry.hasPrefix(name + ".") {
                try remover.remove(Path.join(shardPath, entry))
            }
        }
    }
}
