/// The macOS platform tags a given macOS version and CPU architecture supports, best first.
///
/// This mirrors packaging's `mac_platforms(version, arch)`. Before macOS 11 each release bumped
/// the minor version, so 10.x supports every 10.y with y ≤ x. From macOS 11 on, each release
/// bumps the major version and only `X_0` tags are produced, followed by all of 10.16 … 10.4:
/// every binary format on `x86_64`, but only `universal2` on other architectures (arm64
/// binaries older than 11.0 do not exist, while a universal2 wheel may target an older x86_64).
public enum MacOSPlatforms {
    /// The tags for macOS `major.minor` on `arch` (e.g. `arm64`, `x86_64`).
    public static func tags(major: Int, minor: Int, arch: String) -> [String] {
        var result: [String] = []
        func emit(_ major: Int, _ minor: Int, formats: [String]) {
            for format in formats { result.append("macosx_\(major)_\(minor)_\(format)") }
        }
        let version = (major, minor)
        if version >= (10, 0), version < (11, 0) {
            for compatMinor in stride(from: minor, through: 0, by: -1) {
                emit(10, compatMinor, formats: binaryFormats(major: 10, minor: compatMinor, arch: arch))
            }
        }
        if version >= (11, 0) {
            for compatMajor in stride(from: major, to: 10, by: -1) {
                emit(compatMajor, 0, formats: binaryFormats(major: compatMajor, minor: 0, arch: arch))
            }
            for compatMinor in stride(from: 16, to: 3, by: -1) {
                let formats = arch == "x86_64" ? binaryFormats(major: 10, minor: compatMinor, arch: arch) : ["universal2"]
                emit(10, compatMinor, formats: formats)
            }
        }
        return result
    }

    /// packaging's `_mac_binary_formats`: the binary formats that can run on `arch` at a version.
    static func binaryFormats(major: Int, minor: Int, arch: String) -> [String] {
        let version = (major, minor)
        var formats = [arch]
        switch arch {
        case "x86_64":
            if version < (10, 4) { return [] }
            formats += ["intel", "fat64", "fat32"]
        case "i386":
            if version < (10, 4) { return [] }
            formats += ["intel", "fat32", "fat"]
        case "ppc64":
            if version > (10, 5) || version < (10, 4) { return [] }
            formats.append("fat64")
        case "ppc":
            if version > (10, 6) { return [] }
            formats += ["fat32", "fat"]
        default:
            break
        }
        if arch == "arm64" || arch == "x86_64" { formats.append("universal2") }
        if ["x86_64", "i386", "ppc64", "ppc", "intel"].contains(arch) { formats.append("universal") }
        return formats
    }
}
