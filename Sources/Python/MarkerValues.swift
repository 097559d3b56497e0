/// The eleven PEP 508 environment-marker values of one interpreter, exactly as `packaging`'s
/// `default_environment()` computes them.
///
/// A plain record of strings so it maps one-to-one onto `PEP508`'s marker environment; use
/// ``value(forKey:)`` or ``dictionary`` to feed an evaluator keyed by marker name.
public struct MarkerValues: Codable, Sendable, Hashable {
    /// `sys.implementation.name`, e.g. `cpython`.
    public var implementationName: String
    /// `sys.implementation.version` as `major.minor.micro`, plus `a1`/`b2`/`rc3` for pre-releases.
    public var implementationVersion: String
    /// `os.name`, e.g. `posix`.
    public var osName: String
    /// `platform.machine()`, e.g. `x86_64`.
    public var platformMachine: String
    /// `platform.python_implementation()`, e.g. `CPython`.
    public var platformPythonImplementation: String
    /// `platform.release()`, the kernel release.
    public var platformRelease: String
    /// `platform.system()`, e.g. `Linux`.
    public var platformSystem: String
    /// `platform.version()`, the kernel build string.
    public var platformVersion: String
    /// `platform.python_version()`, e.g. `3.12.1`.
    public var pythonFullVersion: String
    /// The first two components of `platform.python_version_tuple()`, e.g. `3.12`.
    public var pythonVersion: String
    /// `sys.platform`, e.g. `linux`.
    public var sysPlatform: String

    /// The eleven values, in the order PEP 508 lists the markers.
    public init(
        implementationName: String,
        implementationVersion: String,
        osName: String,
        platformMachine: String,
        platformPythonImplementation: String,
        platformRelease: String,
        platformSystem: String,
        platformVersion: String,
        pythonFullVersion: String,
        pythonVersion: String,
        sysPlatform: String
    ) {
        self.implementationName = implementationName
        self.implementationVersion = implementationVersion
        self.osName = osName
        self.platformMachine = platformMachine
        self.platformPythonImplementation = platformPythonImplementation
        self.platformRelease = platformRelease
        self.platformSystem = platformSystem
        self.platformVersion = platformVersion
        self.pythonFullVersion = pythonFullVersion
        self.pythonVersion = pythonVersion
        self.sysPlatform = sysPlatform
    }

    /// The PEP 508 marker names, in the order the specification lists them.
    public static let keys: [String] = CodingKeys.allCases.map(\.rawValue)

    /// The value of the marker called `key` (`python_version`, `sys_platform`, …), or `nil` for a
    /// name that is not one of the eleven.
    public func value(forKey key: String) -> String? {
        guard let codingKey = CodingKeys(rawValue: key) else { return nil }
        return switch codingKey {
        case .implementationName: implementationName
        case .implementationVersion: implementationVersion
        case .osName: osName
        case .platformMachine: platformMachine
        case .platformPythonImplementation: platformPythonImplementation
        case .platformRelease: platformRelease
        case .platformSystem: platformSystem
        case .platformVersion: platformVersion
        case .pythonFullVersion: pythonFullVersion
        case .pythonVersion: pythonVersion
        case .sysPlatform: sysPlatform
        }
    }

    /// All eleven values keyed by marker name.
    public var dictionary: [String: String] {
        var result: [String: String] = [:]
        for key in Self.keys { result[key] = value(forKey: key) }
        return result
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case implementationName = "implementation_name"
        case implementationVersion = "implementation_version"
        case osName = "os_name"
        case platformMachine = "platform_machine"
        case platformPythonImplementation = "platform_python_implementation"
        case platformRelease = "platform_release"
        case platformSystem = "platform_system"
        case platformVersion = "platform_version"
        case pythonFullVersion = "python_full_version"
        case pythonVersion = "python_version"
        case sysPlatform = "sys_platform"
    }
}
