/// suv's version and the target it was built for.
public enum SuvVersion {
    /// The version printed by `suv --version` and `suv self version`.
    public static let current = "0.1.0"

    /// The Rust-style target triple of this build, as uv prints its own
    /// (`x86_64-unknown-linux-gnu`, `aarch64-apple-darwin`, ...).
    public static let targetTriple = "\(architecture)-\(platform)"

    /// `suv 0.1.0 (x86_64-unknown-linux-gnu)`.
    public static var longVersion: String {
        "suv \(current) (\(targetTriple))"
    }

    private static var architecture: String {
        #if arch(x86_64)
        "x86_64"
        #elseif arch(arm64)
        "aarch64"
        #elseif arch(i386)
        "i686"
        #elseif arch(arm)
        "armv7"
        #elseif arch(powerpc64le)
        "powerpc64le"
        #elseif arch(s390x)
        "s390x"
        #elseif arch(riscv64)
        "riscv64gc"
        #else
        "unknown"
        #endif
    }

    private static var platform: String {
        #if os(macOS)
        "apple-darwin"
        #elseif os(Linux)
        #if canImport(Musl)
        "unknown-linux-musl"
        #else
        "unknown-linux-gnu"
        #endif
        #elseif os(Windows)
        "pc-windows-msvc"
        #elseif os(FreeBSD)
        "unknown-freebsd"
        #else
        "unknown-unknown"
        #endif
    }
}
