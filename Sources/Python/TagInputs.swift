/// What an interpreter reports that decides which wheel tags (PEP 425) it accepts.
///
/// These are raw facts; turning them into an ordered tag list is `PackagingTypes`' job.
public struct TagInputs: Codable, Sendable, Hashable {
    /// `sys.implementation.cache_tag`, e.g. `cpython-312`; `None` when bytecode caching is off.
    public var cacheTag: String?
    /// `sysconfig.get_config_var("SOABI")`, e.g. `cpython-312-x86_64-linux-gnu`.
    public var soabi: String?
    /// `sysconfig.get_config_var("EXT_SUFFIX")`, e.g. `.cpython-312-x86_64-linux-gnu.so`.
    public var extSuffix: String?
    /// `Py_GIL_DISABLED` (free-threaded build, 3.13+); `nil` where the variable is not defined.
    public var gilDisabled: Bool?
    /// `Py_DEBUG` (debug build); `nil` where the variable is not defined.
    public var debug: Bool?
    /// `WITH_PYMALLOC` (the `m` ABI flag before 3.8); `nil` where the variable is not defined.
    public var withPymalloc: Bool?
    /// `sysconfig.get_platform()`, e.g. `linux-x86_64` or `macosx-11.0-arm64`.
    public var platform: String
    /// `platform.machine()`, e.g. `x86_64` or `arm64`.
    public var machine: String
    /// The C library on Linux; `nil` elsewhere or when neither glibc nor musl was recognised.
    public var libc: Libc?
    /// `platform.mac_ver()[0]` on macOS, e.g. `14.5`; `nil` elsewhere.
    public var macOSVersion: String?

    /// Tag inputs assembled by hand, for tests and fakes.
    public init(
        cacheTag: String?, soabi: String?, extSuffix: String?,
        gilDisabled: Bool?, debug: Bool?, withPymalloc: Bool?,
        platform: String, machine: String, libc: Libc?, macOSVersion: String?
    ) {
        self.cacheTag = cacheTag
        self.soabi = soabi
        self.extSuffix = extSuffix
        self.gilDisabled = gilDisabled
        self.debug = debug
        self.withPymalloc = withPymalloc
        self.platform = platform
        self.machine = machine
        self.libc = libc
        self.macOSVersion = macOSVersion
    }

    enum CodingKeys: String, CodingKey {
        case cacheTag = "cache_tag"
        case soabi
        case extSuffix = "ext_suffix"
        case gilDisabled = "py_gil_disabled"
        case debug = "py_debug"
        case withPymalloc = "with_pymalloc"
        case platform
        case machine
        case libc
        case macOSVersion = "macos_version"
    }
}

/// The C library an interpreter on Linux is linked against, and its version: the input to
/// `manylinux_X_Y` (glibc) and `musllinux_X_Y` (musl) tags.
public struct Libc: Codable, Sendable, Hashable {
    /// Which C library.
    public enum Family: String, Codable, Sendable, Hashable {
        /// GNU libc, found through `os.confstr("CS_GNU_LIBC_VERSION")`.
        case glibc
        /// musl, found by reading the executable's ELF loader and running it, as `packaging` does.
        case musl
    }

    /// Which C library.
    public var family: Family
    /// Major version, e.g. 2 for glibc 2.36.
    public var major: Int
    /// Minor version, e.g. 36 for glibc 2.36.
    public var minor: Int

    /// A C library at a version.
    public init(family: Family, major: Int, minor: Int) {
        self.family = family
        self.major = major
        self.minor = minor
    }
}
