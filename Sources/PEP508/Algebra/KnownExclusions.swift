/// Combinations of `os_name`, `platform_system` and `sys_platform` that never occur together
/// (uv's "exclusions"): `os_name == 'nt' and sys_platform == 'linux'` is always false.
enum KnownExclusions {
    static let platformSystemsWithOwnSysPlatform: Set<String> = ["FreeBSD", "NetBSD", "OpenBSD", "SunOS", "iOS", "iPadOS"]
    static let knownSysPlatforms: Set<String> = ["aix", "android", "emscripten", "ios", "linux", "darwin", "win32", "cygwin", "wasi"]

    static func excluded(osName: String, sysPlatform: String) -> Bool {
        (osName == "nt" && ["linux", "darwin", "ios"].contains(sysPlatform)) || (osName == "posix" && sysPlatform == "win32")
    }

    static func excluded(platformSystem: String, sysPlatform: String) -> Bool {
        guard platformSystemsWithOwnSysPlatform.contains(platformSystem), knownSysPlatforms.contains(sysPlatform) else { return false }
        return !(sysPlatform == "ios" && (platformSystem == "iOS" || platformSystem == "iPadOS"))
    }

    /// Whether a clause's string constraints can never hold together.
    static func contradicts(_ constraints: [MarkerKey: MarkerDomain]) -> Bool {
        guard case .strings(.only(let platforms))? = constraints[.string(.sysPlatform)] else { return false }
        if case .strings(.only(let names))? = constraints[.string(.osName)],
           names.allSatisfy({ name in platforms.allSatisfy { excluded(osName: name, sysPlatform: $0) } }) {
            return true
        }
        if case .strings(.only(let systems))? = constraints[.string(.platformSystem)],
           systems.allSatisfy({ system in platforms.allSatisfy { excluded(platformSystem: system, sysPlatform: $0) } }) {
            return true
        }
        return false
    }
}
