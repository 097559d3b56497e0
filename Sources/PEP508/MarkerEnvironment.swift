import PEP440
import SuvBasics

/// The eleven standard PEP 508 marker values of one interpreter, as packaging's
/// `default_environment()` reports them.
///
/// The values of the version-like variables (`python_version`, `python_full_version`,
/// `implementation_version`, `platform_release`) are parsed once, when set, so evaluating a
/// marker does not parse them again. A `python_full_version` ending in `+` (an untagged CPython
/// build) is read as `…+local`, as packaging does.
public struct MarkerEnvironment: Sendable, Hashable {
    /// `sys.implementation.name`, e.g. `cpython`.
    public var implementationName: String
    /// `sys.implementation.version`, e.g. `3.12.1` or `7.3.13`.
    public var implementationVersion: String { didSet { implementationVersionValue = Version(implementationVersion) } }
    /// `os.name`, e.g. `posix`.
    public var osName: String
    /// `platform.machine()`, e.g. `x86_64`.
    public var platformMachine: String
    /// `platform.python_implementation()`, e.g. `CPython`.
    public var platformPythonImplementation: String
    /// `platform.release()`, e.g. `5.15.0-91-generic`.
    public var platformRelease: String { didSet { platformReleaseValue = Version(platformRelease) } }
    /// `platform.system()`, e.g. `Linux`.
    public var platformSystem: String
    /// `platform.version()`, the kernel build string.
    public var platformVersion: String
    /// `platform.python_version()`, e.g. `3.12.1`.
    public var pythonFullVersion: String {
        didSet { (effectivePythonFullVersion, pythonFullVersionValue) = Self.repair(pythonFullVersion) }
    }
    /// The first two components of the Python version, e.g. `3.12`.
    public var pythonVersion: String { didSet { pythonVersionValue = Version(pythonVersion) } }
    /// `sys.platform`, e.g. `linux`.
    public var sysPlatform: String

    private(set) var implementationVersionValue: Version?
    private(set) var platformReleaseValue: Version?
    private(set) var pythonVersionValue: Version?
    private(set) var pythonFullVersionValue: Version?
    /// `python_full_version` as markers see it (`3.12.1+` becomes `3.12.1+local`).
    private(set) var effectivePythonFullVersion: String

    /// Creates an environment from its eleven values (in alphabetical order of their names).
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
        implementationVersionValue = Version(implementationVersion)
        platformReleaseValue = Version(platformRelease)
        pythonVersionValue = Version(pythonVersion)
        (effectivePythonFullVersion, pythonFullVersionValue) = Self.repair(pythonFullVersion)
    }

    /// Creates an environment from a dictionary keyed by marker name (`python_version`,
    /// `sys_platform`, …), such as packaging's `default_environment()` as JSON. Other keys are
    /// ignored; each of the eleven standard keys must be present.
    public init(values: [String: String]) throws(MarkerEnvironmentError) {
        func value(_ variable: MarkerVariable) throws(MarkerEnvironmentError) -> String {
            guard let value = values[variable.rawValue] else { throw .missingKey(variable.rawValue) }
            return value
        }
        self.init(
            implementationName: try value(.implementationName),
            implementationVersion: try value(.implementationVersion),
            osName: try value(.osName),
            platformMachine: try value(.platformMachine),
            platformPythonImplementation: try value(.platformPythonImplementation),
            platformRelease: try value(.platformRelease),
            platformSystem: try value(.platformSystem),
            platformVersion: try value(.platformVersion),
            pythonFullVersion: try value(.pythonFullVersion),
            pythonVersion: try value(.pythonVersion),
            sysPlatform: try value(.sysPlatform)
        )
    }

    /// The variables every environment defines, in alphabetical order.
    public static let standardVariables: [MarkerVariable] = [
        .implementationName, .implementationVersion, .osName, .platformMachine, .platformPythonImplementation,
        .platformRelease, .platformSystem, .platformVersion, .pythonFullVersion, .pythonVersion, .sysPlatform,
    ]

    /// The value of a standard variable as given; `nil` for `extra`, `extras` and
    /// `dependency_groups`, which come from the evaluation context.
    public subscript(variable: MarkerVariable) -> String? {
        switch variable {
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
        case .extra, .extras, .dependencyGroups: nil
        }
    }

    /// The eleven values keyed by marker name.
    public var values: [String: String] {
        var result: [String: String] = [:]
        for variable in Self.standardVariables { result[variable.rawValue] = self[variable] }
        return result
    }

    /// The value a marker compares against, and its parsed version for version-like variables
    /// (`nil` when the value is not a PEP 440 version).
    func markerValue(_ variable: MarkerVariable) -> (text: String, version: Version?)? {
        switch variable {
        case .implementationVersion: (implementationVersion, implementationVersionValue)
        case .platformRelease: (platformRelease, platformReleaseValue)
        case .pythonVersion: (pythonVersion, pythonVersionValue)
        case .pythonFullVersion: (effectivePythonFullVersion, pythonFullVersionValue)
        default: self[variable].map { ($0, nil) }
        }
    }

    /// packaging's `_repair_python_full_version`.
    private static func repair(_ fullVersion: String) -> (String, Version?) {
        let effective = fullVersion.unicodeScalars.last == "+" ? fullVersion + "local" : fullVersion
        return (effective, Version(effective))
    }

    public static func == (lhs: MarkerEnvironment, rhs: MarkerEnvironment) -> Bool {
        standardVariables.allSatisfy { lhs[$0] == rhs[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for variable in Self.standardVariables { hasher.combine(self[variable]) }
    }
}

/// Why a dictionary is not a complete marker environment.
public enum MarkerEnvironmentError: SuvError, Equatable {
    /// One of the eleven standard keys is missing.
    case missingKey(String)

    public var message: String {
        switch self {
        case .missingKey(let key): "The marker environment has no value for `\(key)`"
        }
    }
}
