/// The musllinux platform tags a musl-based Linux supports, best first.
///
/// This mirrors packaging's `_musllinux.platform_tags` with an explicit musl version:
/// `musllinux_<major>_<minor>_<arch>` for each minor from the running one down to 0 (PEP 656).
public enum MusllinuxPlatforms {
    /// The musllinux tags for `architectures` (closest first) on musl `major.minor`.
    public static func tags(muslMajor: Int, muslMinor: Int, architectures: [String]) -> [String] {
        var result: [String] = []
        for arch in architectures {
            for minor in stride(from: muslMinor, through: 0, by: -1) {
                result.append("musllinux_\(muslMajor)_\(minor)_\(arch)")
            }
        }
        return result
    }
}
