import PEP508

/// Everything suv needs to know about one Python interpreter, learned by running
/// ``InterpreterQuery/script`` with it once.
///
/// The `Codable` form is the script's JSON (snake_case keys) and is what the
/// ``InterpreterInfoCache`` stores.
public struct InterpreterInfo: Codable, Sendable, Hashable {
    /// `sys.executable`: the path the interpreter believes it runs from.
    public var executable: String
    /// `sys.prefix`: the environment's root (the virtual environment's, inside one).
    public var prefix: String
    /// `sys.base_prefix`: the installation's root, outside any virtual environment.
    public var basePrefix: String
    /// `sys.base_exec_prefix`.
    public var baseExecPrefix: String
    /// `sys.version_info`.
    public var versionInfo: PythonVersionInfo
    /// `platform.python_implementation()`, e.g. `CPython` or `PyPy`.
    public var implementation: String
    /// The PEP 508 marker environment.
    public var markers: MarkerEnvironment
    /// The facts that decide compatible wheel tags.
    public var tags: TagInputs
    /// The default scheme's install paths.
    public var paths: InstallPaths
    /// `struct.calcsize("P") * 8`: 32 or 64.
    public var pointerSize: Int
    /// `sys.maxsize`.
    public var maxSize: Int64
    /// Whether `sys.prefix != sys.base_prefix` (PEP 405).
    public var isVirtualenv: Bool

    /// Facts assembled by hand, for tests and fakes; real ones come from ``InterpreterQuery``.
    public init(
        executable: String, prefix: String, basePrefix: String, baseExecPrefix: String,
        versionInfo: PythonVersionInfo, implementation: String, markers: MarkerEnvironment,
        tags: TagInputs, paths: InstallPaths, pointerSize: Int, maxSize: Int64, isVirtualenv: Bool
    ) {
        self.executable = executable
        self.prefix = prefix
        self.basePrefix = basePrefix
        self.baseExecPrefix = baseExecPrefix
        self.versionInfo = versionInfo
        self.implementation = implementation
        self.markers = markers
        self.tags = tags
        self.paths = paths
        self.pointerSize = pointerSize
        self.maxSize = maxSize
        self.isVirtualenv = isVirtualenv
    }

    enum CodingKeys: String, CodingKey {
        case executable = "sys_executable"
        case prefix = "sys_prefix"
        case basePrefix = "sys_base_prefix"
        case baseExecPrefix = "sys_base_exec_prefix"
        case versionInfo = "version_info"
        case implementation
        case markers
        case tags
        case paths
        case pointerSize = "pointer_size"
        case maxSize = "maxsize"
        case isVirtualenv = "is_virtualenv"
    }
}
