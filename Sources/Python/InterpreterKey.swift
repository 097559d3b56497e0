/// uv's name for an installation: `cpython-3.12.1-linux-x86_64-gnu`
/// (implementation, version with `+freethreaded` for free-threaded builds, OS, architecture, C
/// library), as `uv python list` prints it.
public enum InterpreterKey {
    /// The key of the interpreter with these facts.
    public static func of(_ info: InterpreterInfo) -> String {
        let implementation = info.markers.implementationName.lowercased()
        var version = info.versionInfo.description
        if info.tags.gilDisabled == true { version += "+freethreaded" }
        return [implementation, version, os(info), arch(info), libc(info)].joined(separator: "-")
    }

    /// `linux`, `macos`, `windows`, or `sys.platform` as is.
    static func os(_ info: InterpreterInfo) -> String {
        switch info.markers.sysPlatform {
        case "linux": "linux"
        case "darwin": "macos"
        case "win32", "cygwin": "windows"
        case let other: other
        }
    }

    /// `x86_64`, `aarch64` (macOS's `arm64` spelled as uv spells it), …
    static func arch(_ info: InterpreterInfo) -> String {
        let machine = info.markers.platformMachine.lowercased()
        switch machine {
        case "arm64": return "aarch64"
        case "amd64": return "x86_64"
        default: return machine
        }
    }

    /// `gnu`, `musl`, or `none`.
    static func libc(_ info: InterpreterInfo) -> String {
        switch info.tags.libc?.family {
        case .glibc?: "gnu"
        case .musl?: "musl"
        case nil: "none"
        }
    }
}
