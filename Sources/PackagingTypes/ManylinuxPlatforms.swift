/// The manylinux platform tags a glibc-based Linux supports, best first.
///
/// This mirrors packaging's `_manylinux.platform_tags` with the host detection replaced by an
/// explicit glibc version (and the ELF ABI check assumed to pass): `manylinux_2_Y_<arch>` for
/// every glibc 2.Y from the running one down to 2.17 (2.5 on `x86_64` and `i686`), each legacy
/// alias right after its glibc version (PEP 600): `manylinux2014` after 2.17, `manylinux2010`
/// after 2.12 and `manylinux1` after 2.5. For a glibc major above 2, each older major
/// contributes minors 50 down to 0 (packaging's stand-in for "the last minor").
public enum ManylinuxPlatforms {
    /// The manylinux tags for `architectures` (closest first) on glibc `major.minor`; empty for
    /// an unknown glibc (negative version).
    public static func tags(glibcMajor: Int, glibcMinor: Int, architectures: [String]) -> [String] {
        // The oldest glibc supported is 2.17, or 2.5 on x86; the bound is exclusive.
        let tooOld = architectures.contains { $0 == "x86_64" || $0 == "i686" } ? (2, 4) : (2, 16)
        var maxima = [(glibcMajor, glibcMinor)]
        if glibcMajor - 1 >= 2 {
            for major in stride(from: glibcMajor - 1, to: 1, by: -1) { maxima.append((major, lastMinor)) }
        }
        var result: [String] = []
        for arch in architectures {
            for (major, maxMinor) in maxima {
                let minMinor = major == tooOld.0 ? tooOld.1 : -1
                for minor in stride(from: maxMinor, to: minMinor, by: -1) {
                    // packaging's `_is_compatible`: never newer than the running glibc.
                    guard (major, minor) <= (glibcMajor, glibcMinor) else { continue }
                    result.append("manylinux_\(major)_\(minor)_\(arch)")
                    if let legacy = legacyAlias(major: major, minor: minor) { result.append("\(legacy)_\(arch)") }
                }
            }
        }
        return result
    }

    /// packaging's `_LAST_GLIBC_MINOR` default for majors it has no data on.
    static let lastMinor = 50

    /// The PEP 513/571/599 name of a glibc baseline, if it has one.
    static func legacyAlias(major: Int, minor: Int) -> String? {
        switch (major, minor) {
        case (2, 17): "manylinux2014"
        case (2, 12): "manylinux2010"
        case (2, 5): "manylinux1"
        default: nil
        }
    }
}
