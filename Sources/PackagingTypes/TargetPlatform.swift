/// The operating system, C library and CPU an interpreter runs on, as far as wheel platform
/// tags are concerned.
public enum TargetPlatform: Hashable, Sendable {
    /// Linux with glibc `major.minor`: manylinux tags, then `linux_<arch>`.
    case manylinux(glibcMajor: Int, glibcMinor: Int, arch: String)
    /// Linux with musl `major.minor`: musllinux tags, then `linux_<arch>`.
    case musllinux(muslMajor: Int, muslMinor: Int, arch: String)
    /// Linux with neither libc detected: only `linux_<arch>`.
    case linux(arch: String)
    /// macOS `major.minor` on `arch` (`arm64`, `x86_64`, …).
    case macOS(major: Int, minor: Int, arch: String)
    /// Windows: a single platform tag.
    case windows(WindowsArchitecture)
    /// Any other platform, with its platform tags given best first.
    case custom(platformTags: [String])

    /// The platform tags this platform supports, best first.
    ///
    /// Linux platforms are packaging's `_manylinux.platform_tags([arch])` or
    /// `_musllinux.platform_tags([arch])` followed by `linux_<arch>`; macOS is `mac_platforms`.
    public var platformTags: [String] {
        switch self {
        case .manylinux(let major, let minor, let arch):
            ManylinuxPlatforms.tags(glibcMajor: major, glibcMinor: minor, architectures: [arch]) + ["linux_\(arch)"]
        case .musllinux(let major, let minor, let arch):
            MusllinuxPlatforms.tags(muslMajor: major, muslMinor: minor, architectures: [arch]) + ["linux_\(arch)"]
        case .linux(let arch):
            ["linux_\(arch)"]
        case .macOS(let major, let minor, let arch):
            MacOSPlatforms.tags(major: major, minor: minor, arch: arch)
        case .windows(let architecture):
            [architecture.platformTag]
        case .custom(let platformTags):
            platformTags
        }
    }
}

/// The Windows CPU architectures Python ships for, each with its single platform tag.
public enum WindowsArchitecture: String, CaseIterable, Hashable, Sendable {
    /// 32-bit x86: `win32`.
    case x86
    /// x86-64: `win_amd64`.
    case x86_64
    /// ARM64: `win_arm64`.
    case aarch64

    /// The platform tag, as packaging derives it from `sysconfig.get_platform()`.
    public var platformTag: String {
        switch self {
        case .x86: "win32"
        case .x86_64: "win_amd64"
        case .aarch64: "win_arm64"
        }
    }

    /// The architecture whose platform tag is `platformTag`, if any.
    public init?(platformTag: String) {
        guard let match = Self.allCases.first(where: { $0.platformTag == platformTag }) else { return nil }
        self = match
    }
}
