/// The single artifact hash uv records.
public enum Hash {
    /// Algorithms from strongest to weakest, as uv prefers them.
    public static let preference = ["sha512", "sha384", "sha256", "blake2b", "md5"]

    /// The strongest of `"<algorithm>:<hex>"` digests (sha512 > sha384 > sha256 > blake2b >
    /// md5); `nil` when none uses a known algorithm.
    public static func strongest(_ hashes: [String]) -> String? {
        var best: (rank: Int, hash: String)?
        for hash in hashes {
            guard let colon = hash.firstIndex(of: ":"),
                  let rank = preference.firstIndex(of: hash[..<colon].lowercased()) else { continue }
            if best.map({ rank < $0.rank }) ?? true { best = (rank, hash) }
        }
        return best?.hash
    }

    /// The strongest digest of an index's `hashes` object (`["sha256": "ab..."]`), as `"<algorithm>:<hex>"`.
    public static func strongest(_ hashes: [String: String]) -> String? {
        strongest(hashes.map { "\($0.key):\($0.value)" })
    }
}
