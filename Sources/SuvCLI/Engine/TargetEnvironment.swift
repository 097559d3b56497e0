import Glibc
import Cache
import PackagingTypes
import Settings
import PEP440
import PEP508
import Python
import SuvBasics

/// The environment a `pip` resolution targets: an interpreter's markers and tags, with
/// `--python-version` and `--python-platform` applied as uv applies them.
struct TargetEnvironment: Sendable {
    let markers: MarkerEnvironment
    /// The Python version `Requires-Python` is checked against (`3.12` means `3.12.0`).
    let pythonVersion: PEP440.Version
    let tags: SupportedTags
    /// The interpreter the facts came from.
    let interpreter: String
    /// Said before resolving (the requested version was not found, …).
    var warnings: [String]

    /// Finds an interpreter (`--python`, else `python3.X` for `--python-version X`, else
    /// `python3`/`python` on `PATH`), asks it for its facts, and applies the overrides.
    static func resolve(pythonRequest: String?, pythonVersion requested: String?, pythonPlatform: String?,
                        environment: [String: String], cache: CacheStore) async throws -> TargetEnvironment {
        let (version, platform) = try parse(pythonVersion: requested, pythonPlatform: pythonPlatform)
        let cacheDirectory = InterpreterInfoCache(directory: cache.bucket(.interpreter))
        var found: InterpreterInfo?
        var lastError: (any Error)?
        for executable in candidates(request: pythonRequest, version: version, path: environment["PATH"]) {
            do {
                found = try await cacheDirectory.query(executable: executable)
                break
            } catch {
                // A broken shim or interpreter: try the next one, as uv does.
                lastError = error
            }
        }
        guard let info = found else {
            if let lastError { throw lastError }
            throw TargetEnvironmentError.noInterpreter(pythonRequest ?? requested)
        }
        var target = applying(version: version, requested: requested, platform: platform, to: info)
        if let version, let requested,
           (info.versionInfo.major, info.versionInfo.minor) != (Int(version.release[0]), Int(version.release[1])) {
            target.warnings.append("The requested Python version \(requested) is not available; \(info.versionInfo.major).\(info.versionInfo.minor).\(info.versionInfo.micro) will be used to build dependencies instead.")
        }
        return target
    }

    /// The target of an interpreter already chosen (`suv pip install`'s environment), with
    /// `--python-version` and `--python-platform` applied.
    static func of(_ info: InterpreterInfo, pythonVersion requested: String?, pythonPlatform: String?) throws -> TargetEnvironment {
        let (version, platform) = try parse(pythonVersion: requested, pythonPlatform: pythonPlatform)
        return applying(version: version, requested: requested, platform: platform, to: info)
    }

    private static func parse(pythonVersion requested: String?, pythonPlatform: String?) throws -> (PEP440.Version?, PythonPlatform?) {
        var version: PEP440.Version?
        if let requested {
            guard let parsed = PEP440.Version(requested), parsed.release.count >= 2, parsed.release.count <= 3 else {
                throw TargetEnvironmentError.invalidPythonVersion(requested)
            }
            version = parsed
        }
        var platform: PythonPlatform?
        if let pythonPlatform {
            guard let parsed = PythonPlatform(pythonPlatform) else {
                throw TargetEnvironmentError.invalidPythonPlatform(pythonPlatform)
            }
            platform = parsed
        }
        return (version, platform)
    }

    private static func applying(version: PEP440.Version?, requested: String?, platform: PythonPlatform?,
                                 to info: InterpreterInfo) -> TargetEnvironment {
        var markers = info.markers
        var tagEnvironment = info.tagEnvironment
        let target: PEP440.Version
        if let version {
            let major = version.release[0], minor = version.release[1]
            let patch = version.release.count > 2 ? version.release[2] : 0
            let full = "\(major).\(minor).\(patch)"
            markers.pythonVersion = "\(major).\(minor)"
            markers.pythonFullVersion = full
            if markers.implementationName == "cpython" { markers.implementationVersion = full }
            target = PEP440.Version(full) ?? version
            tagEnvironment.pythonMajor = Int(major)
            tagEnvironment.pythonMinor = Int(minor)
            if case .cpython = tagEnvironment.implementation {
                tagEnvironment.abis = ABITags.cpython(
                    pythonMajor: Int(major), pythonMinor: Int(minor), debug: info.tags.debug ?? false,
                    gilDisabled: info.tags.gilDisabled ?? false)
            }
        } else {
            target = PEP440.Version(release: [UInt64(info.versionInfo.major), UInt64(info.versionInfo.minor), UInt64(info.versionInfo.micro)])
        }
        if let platform {
            markers = platform.apply(to: markers)
            tagEnvironment.platform = platform.platform
        }
        return TargetEnvironment(markers: markers, pythonVersion: target, tags: tagEnvironment.supportedTags(),
                                 interpreter: info.executable, warnings: [])
    }

    /// Interpreters to try, best first: the `--python` request, `python3.X` for the requested
    /// version, then `python3` and `python`, each looked up along `PATH`.
    private static func candidates(request: String?, version: PEP440.Version?, path: String?) -> [String] {
        var names: [String] = []
        if let request {
            if request.contains("/") { return ExecutableLookup.all(request, path: path) }
            if let requested = PEP440.Version(request), requested.release.count >= 2 {
                names.append("python\(requested.release[0]).\(requested.release[1])")
            } else {
                names.append(request)
            }
        }
        if let version, version.release.count >= 2 { names.append("python\(version.release[0]).\(version.release[1])") }
        names += ["python3", "python"]
        var found: [String] = []
        for name in names {
            for candidate in ExecutableLookup.all(name, path: path) where !found.contains(candidate) { found.append(candidate) }
        }
        return found
    }
}

/// Why the target environment could not be determined.
enum TargetEnvironmentError: SuvError, Equatable {
    case invalidPythonVersion(String)
    case invalidPythonPlatform(String)
    case noInterpreter(String?)

    var message: String {
        switch self {
        case .invalidPythonVersion(let text): "Invalid Python version `\(text)`: expected `3.X` or `3.X.Y`"
        case .invalidPythonPlatform(let text): "Unknown Python platform `\(text)`"
        case .noInterpreter(let request?): "No interpreter found for Python \(request) in search path"
        case .noInterpreter(nil): "No interpreter found in search path"
        }
    }

    var kind: ErrorKind { .failure }
}
