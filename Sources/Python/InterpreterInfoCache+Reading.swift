import PackagingTypes
import PEP508

/// Reads an interpreter cache entry straight from its JSON, without `Codable`.
///
/// Every suv command reads one of these before anything else; `JSONDecoder` spends most of a
/// millisecond on it (its generic containers are instantiated and their conformances looked up
/// at run time, once per process). The shape is the one `JSONEncoder` writes for
/// ``InterpreterInfoCache/Entry`` (the `CodingKeys` of each type); any difference (a missing
/// key, a wrong type) reads as no entry, which the cache treats as a miss and rewrites.
enum InterpreterCacheEntryReader {
    static func entry(_ bytes: [UInt8]) -> InterpreterInfoCache.Entry? {
        guard let json = try? JSONValue.parse(bytes),
              let schema = json["schema"]?.integer,
              let executable = json["executable"]?.stringValue,
              let stamp = json["stamp"].flatMap(Self.stamp),
              let info = json["info"].flatMap(Self.info) else { return nil }
        return InterpreterInfoCache.Entry(schema: schema, executable: executable, stamp: stamp, info: info)
    }

    static func stamp(_ json: JSONValue) -> ExecutableStamp? {
        guard let resolvedPath = json["resolved_path"]?.stringValue,
              let seconds = json["modified_seconds"]?.integer64,
              let nanoseconds = json["modified_nanoseconds"]?.integer64,
              let size = json["size"]?.integer64 else { return nil }
        return ExecutableStamp(resolvedPath: resolvedPath, modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds, size: size)
    }

    static func info(_ json: JSONValue) -> InterpreterInfo? {
        guard let executable = json["sys_executable"]?.stringValue,
              let prefix = json["sys_prefix"]?.stringValue,
              let basePrefix = json["sys_base_prefix"]?.stringValue,
              let baseExecPrefix = json["sys_base_exec_prefix"]?.stringValue,
              let versionInfo = json["version_info"].flatMap(Self.versionInfo),
              let implementation = json["implementation"]?.stringValue,
              let markers = json["markers"].flatMap(Self.markers),
              let tags = json["tags"].flatMap(Self.tags),
              let paths = json["paths"].flatMap(Self.paths),
              let pointerSize = json["pointer_size"]?.integer,
              let maxSize = json["maxsize"]?.integer64,
              let isVirtualenv = json["is_virtualenv"]?.boolValue else { return nil }
        return InterpreterInfo(
            executable: executable, prefix: prefix, basePrefix: basePrefix, baseExecPrefix: baseExecPrefix,
            versionInfo: versionInfo, implementation: implementation, markers: markers, tags: tags, paths: paths,
            pointerSize: pointerSize, maxSize: maxSize, isVirtualenv: isVirtualenv)
    }

    static func versionInfo(_ json: JSONValue) -> PythonVersionInfo? {
        guard let major = json["major"]?.integer, let minor = json["minor"]?.integer, let micro = json["micro"]?.integer,
              let releaseLevel = json["releaselevel"]?.stringValue, let serial = json["serial"]?.integer else { return nil }
        return PythonVersionInfo(major: major, minor: minor, micro: micro, releaseLevel: releaseLevel, serial: serial)
    }

    static func markers(_ json: JSONValue) -> MarkerEnvironment? {
        var values: [String: String] = [:]
        for variable in MarkerEnvironment.standardVariables {
            guard let value = json[variable.rawValue]?.stringValue else { return nil }
            values[variable.rawValue] = value
        }
        return try? MarkerEnvironment(values: values)
    }

    static func tags(_ json: JSONValue) -> TagInputs? {
        guard let platform = json["platform"]?.stringValue, let machine = json["machine"]?.stringValue,
              let cacheTag = optional(json["cache_tag"], \.stringValue),
              let soabi = optional(json["soabi"], \.stringValue),
              let extSuffix = optional(json["ext_suffix"], \.stringValue),
              let gilDisabled = optional(json["py_gil_disabled"], \.boolValue),
              let debug = optional(json["py_debug"], \.boolValue),
              let withPymalloc = optional(json["with_pymalloc"], \.boolValue),
              let libc = optional(json["libc"], Self.libc),
              let macOSVersion = optional(json["macos_version"], \.stringValue) else { return nil }
        return TagInputs(cacheTag: cacheTag, soabi: soabi, extSuffix: extSuffix, gilDisabled: gilDisabled, debug: debug,
                         withPymalloc: withPymalloc, platform: platform, machine: machine, libc: libc, macOSVersion: macOSVersion)
    }

    static func libc(_ json: JSONValue) -> Libc? {
        guard let family = json["family"]?.stringValue.flatMap(Libc.Family.init(rawValue:)),
              let major = json["major"]?.integer, let minor = json["minor"]?.integer else { return nil }
        return Libc(family: family, major: major, minor: minor)
    }

    static func paths(_ json: JSONValue) -> InstallPaths? {
        guard let purelib = json["purelib"]?.stringValue, let platlib = json["platlib"]?.stringValue,
              let include = json["include"]?.stringValue, let scripts = json["scripts"]?.stringValue,
              let data = json["data"]?.stringValue else { return nil }
        return InstallPaths(purelib: purelib, platlib: platlib, include: include, scripts: scripts, data: data)
    }

    /// An optional field: `.some(nil)` when absent or `null` (as `decodeIfPresent` reads it),
    /// `nil` when present with the wrong type.
    private static func optional<T>(_ json: JSONValue?, _ read: (JSONValue) -> T?) -> T?? {
        guard let json, !json.isNull else { return .some(nil) }
        guard let value = read(json) else { return nil }
        return .some(value)
    }
}

private extension JSONValue {
    var integer: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    var integer64: Int64? {
        if case .number(let text) = self { return Int64(text) }
        return nil
    }
}
