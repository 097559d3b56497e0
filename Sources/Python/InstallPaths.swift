/// Where an interpreter installs things: `sysconfig.get_paths()` for its default scheme
/// (`posix_prefix` on POSIX, `venv` inside a virtual environment on 3.11+).
public struct InstallPaths: Codable, Sendable, Hashable {
    /// Pure-Python packages (`…/site-packages`).
    public var purelib: String
    /// Platform-specific packages; usually the same as ``purelib`` on POSIX.
    public var platlib: String
    /// C headers of the interpreter.
    public var include: String
    /// Console scripts (`bin` or `Scripts`).
    public var scripts: String
    /// Data files (the prefix).
    public var data: String

    /// Paths as `sysconfig.get_paths()` names them.
    public init(purelib: String, platlib: String, include: String, scripts: String, data: String) {
        self.purelib = purelib
        self.platlib = platlib
        self.include = include
        self.scripts = scripts
        self.data = data
    }
}
