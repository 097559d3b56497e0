import PackagingTypes
import PEP508

extension InterpreterInfo {
    /// The facts that decide which wheels this interpreter accepts, derived as packaging's
    /// `sys_tags()` derives them: the implementation, the ABI tags (CPython's from its build
    /// flags, other implementations' from `EXT_SUFFIX`), and the platform (manylinux from the
    /// glibc version, musllinux from the musl version, macOS from `mac_ver()`, Windows from
    /// `sysconfig.get_platform()`).
    public var tagEnvironment: TagEnvironment {
        let major = versionInfo.major
        let minor = versionInfo.minor
        let implementation: PythonImplementation
        switch markers.implementationName {
        case "cpython": implementation = .cpython
        case "pypy": implementation = .pypy
        case let name: implementation = .other(shortName: Self.interpreterShortNames[name] ?? name)
        }
        let abis: [String]
        let cpythonABIs = ABITags.cpython(
            pythonMajor: major, pythonMinor: minor, debug: tags.debug ?? false,
            pymalloc: tags.withPymalloc ?? true, gilDisabled: tags.gilDisabled ?? false)
        if case .cpython = implementation {
            abis = cpythonABIs
        } else {
            abis = tags.extSuffix.flatMap(ABITags.fromExtensionSuffix) ?? cpythonABIs
        }
        return TagEnvironment(implementation: implementation, pythonMajor: major, pythonMinor: minor,
                              abis: abis, platform: targetPlatform)
    }

    /// packaging's `INTERPRETER_SHORT_NAMES`.
    static let interpreterShortNames = ["python": "py", "cpython": "cp", "pypy": "pp", "ironpython": "ip", "jython": "jy"]

    /// The platform part of the tag facts.
    var targetPlatform: TargetPlatform {
        let platform = ABITags.normalizePlatformString(tags.platform)
        if platform.hasPrefix("linux_") {
            var arch = String(platform.dropFirst("linux_".count))
            // A 32-bit interpreter on a 64-bit kernel (packaging's `_is_64bit` check).
            if pointerSize == 32 {
                if arch == "x86_64" { arch = "i686" } else if arch == "aarch64" { arch = "armv8l" }
            }
            switch tags.libc?.family {
            case .glibc?: return .manylinux(glibcMajor: tags.libc?.major ?? 2, glibcMinor: tags.libc?.minor ?? 17, arch: arch)
            case .musl?: return .musllinux(muslMajor: tags.libc?.major ?? 1, muslMinor: tags.libc?.minor ?? 1, arch: arch)
            case nil: return .linux(arch: arch)
            }
        }
        if platform.hasPrefix("macosx_"), let version = tags.macOSVersion {
            let parts = version.split(separator: ".").compactMap { Int($0) }
            return .macOS(major: parts.first ?? 10, minor: parts.count > 1 ? parts[1] : 0, arch: tags.machine)
        }
        if let windows = WindowsArchitecture(platformTag: platform) {
            return .windows(windows)
        }
        return .custom(platformTags: [platform])
    }
}
