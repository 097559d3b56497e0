import PEP508

/// A `--python-platform` target: the platform whose wheels a resolution selects and whose
/// marker values (`sys_platform`, `platform_machine`, …) it evaluates, as uv spells them
/// (`linux`, `x86_64-manylinux_2_28`, `aarch64-apple-darwin`, `x86_64-pc-windows-msvc`, …).
public struct PythonPlatform: Sendable, Hashable {
    /// The wheel platform.
    public let platform: TargetPlatform
    public let osName: String
    public let sysPlatform: String
    public let platformSystem: String
    public let platformMachine: String

    /// uv's default glibc for `*-unknown-linux-gnu` and `linux` (manylinux_2_28).
    static let defaultGlibc = (2, 28)
    /// uv's default macOS version for `*-apple-darwin` and `macos`.
    static let defaultMacOS = (13, 0)

    /// Parses a `--python-platform` value; `nil` when uv would not accept it.
    public init?(_ text: String) {
        switch text {
        case "linux": self.init(text: "x86_64-unknown-linux-gnu")
        case "macos": self.init(text: "aarch64-apple-darwin")
        case "windows": self.init(text: "x86_64-pc-windows-msvc")
        default: self.init(text: text)
        }
    }

    private init?(text: String) {
        let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let arch = parts.first, ["x86_64", "aarch64", "i686", "riscv64", "armv7", "powerpc64le", "s390x"].contains(arch) else {
            return nil
        }
        let rest = parts[1]
        switch rest {
        case "unknown-linux-gnu", "unknown-linux":
            self.init(linux: .manylinux(glibcMajor: Self.defaultGlibc.0, glibcMinor: Self.defaultGlibc.1, arch: arch), arch: arch)
        case "unknown-linux-musl":
            self.init(linux: .musllinux(muslMajor: 1, muslMinor: 2, arch: arch), arch: arch)
        case "manylinux2014":
            self.init(linux: .manylinux(glibcMajor: 2, glibcMinor: 17, arch: arch), arch: arch)
        case "apple-darwin":
            let machine = arch == "aarch64" ? "arm64" : arch
            self.init(platform: .macOS(major: Self.defaultMacOS.0, minor: Self.defaultMacOS.1, arch: machine),
                      osName: "posix", sysPlatform: "darwin", platformSystem: "Darwin", platformMachine: machine)
        case "pc-windows-msvc":
            let windows: WindowsArchitecture
            let machine: String
            switch arch {
            case "x86_64": windows = .x86_64; machine = "AMD64"
            case "i686": windows = .x86; machine = "x86"
            case "aarch64": windows = .aarch64; machine = "ARM64"
            default: return nil
            }
            self.init(platform: .windows(windows), osName: "nt", sysPlatform: "win32", platformSystem: "Windows",
                      platformMachine: machine)
        default:
            guard rest.hasPrefix("manylinux_2_"), let minor = Int(rest.dropFirst("manylinux_2_".count)) else { return nil }
            self.init(linux: .manylinux(glibcMajor: 2, glibcMinor: minor, arch: arch), arch: arch)
        }
    }

    private init(linux platform: TargetPlatform, arch: String) {
        self.init(platform: platform, osName: "posix", sysPlatform: "linux", platformSystem: "Linux", platformMachine: arch)
    }

    private init(platform: TargetPlatform, osName: String, sysPlatform: String, platformSystem: String, platformMachine: String) {
        self.platform = platform
        self.osName = osName
        self.sysPlatform = sysPlatform
        self.platformSystem = platformSystem
        self.platformMachine = platformMachine
    }

    /// `markers` with this platform's values.
    public func apply(to markers: MarkerEnvironment) -> MarkerEnvironment {
        var result = markers
        result.osName = osName
        result.sysPlatform = sysPlatform
        result.platformSystem = platformSystem
        result.platformMachine = platformMachine
        return result
    }
}
