import Python

/// Where a wheel's parts go in one environment, and the interpreter its scripts run with.
///
/// The `.data` directories of a wheel map onto these paths: `purelib`, `platlib`, `scripts`,
/// `data`, and `headers` (into ``include``/`<normalized name>`).
public struct InstallScheme: Sendable, Hashable {
    /// Pure-Python packages (site-packages).
    public var purelib: String
    /// Platform-specific packages; usually the same folder as ``purelib``.
    public var platlib: String
    /// Console scripts (`bin`).
    public var scripts: String
    /// The prefix `.data/data` is installed under (the environment's root).
    public var data: String
    /// Where `.data/headers/` go, one folder per distribution below it. In a virtual environment
    /// `<prefix>/include/site/pythonX.Y`, as pip and uv lay it out.
    public var include: String
    /// The interpreter scripts are run with (`sys.executable`), for shebangs.
    public var interpreter: String
    /// The interpreter's `(major, minor)` version (versioned `pip3.X` launchers).
    public var pythonMajor: Int
    public var pythonMinor: Int
    /// Whether scripts find the interpreter relative to themselves (`--relocatable`).
    public var relocatable: Bool

    public init(
        purelib: String, platlib: String, scripts: String, data: String, include: String,
        interpreter: String, pythonMajor: Int, pythonMinor: Int, relocatable: Bool = false
    ) {
        self.purelib = purelib
        self.platlib = platlib
        self.scripts = scripts
        self.data = data
        self.include = include
        self.interpreter = interpreter
        self.pythonMajor = pythonMajor
        self.pythonMinor = pythonMinor
        self.relocatable = relocatable
    }

    /// The scheme of a queried interpreter, as uv derives its layout: `sysconfig` paths, and
    /// headers under `<prefix>/include/site/pythonX.Y` inside a virtual environment.
    public init(interpreter info: InterpreterInfo, relocatable: Bool = false) {
        let major = info.versionInfo.major, minor = info.versionInfo.minor
        self.init(
            purelib: info.paths.purelib, platlib: info.paths.platlib, scripts: info.paths.scripts,
            data: info.paths.data,
            include: info.isVirtualenv ? "\(info.prefix)/include/site/python\(major).\(minor)" : info.paths.include,
            interpreter: info.executable, pythonMajor: major, pythonMinor: minor, relocatable: relocatable
        )
    }

    /// The scheme of a POSIX virtual environment at `root` without asking its interpreter:
    /// `lib/pythonX.Y/site-packages`, `bin`, `bin/python`.
    public static func virtualEnvironment(root: String, pythonMajor: Int, pythonMinor: Int) -> InstallScheme {
        let root = PathArithmetic.normalize(root)
        let site = "\(root)/lib/python\(pythonMajor).\(pythonMinor)/site-packages"
        return InstallScheme(
            purelib: site, platlib: site, scripts: "\(root)/bin", data: root,
            include: "\(root)/include/site/python\(pythonMajor).\(pythonMinor)",
            interpreter: "\(root)/bin/python", pythonMajor: pythonMajor, pythonMinor: pythonMinor
        )
    }

    /// Every directory a wheel may write into; RECORD entries outside them are never removed.
    var roots: [String] { [data, purelib, platlib, scripts, include] }

    /// The shebang of scripts installed into this scheme.
    func shebang(isGUI: Bool) -> String {
        let executable = relocatable
            ? PathArithmetic.relative(from: scripts, to: interpreter)
            : interpreter
        return ScriptText.shebang(executable: executable, relocatable: relocatable)
    }
}
