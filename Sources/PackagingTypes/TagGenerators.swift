/// packaging's tag generators (`cpython_tags`, `generic_tags`, `compatible_tags`), each yielding
/// tags best first. ``TagEnvironment`` combines them the way `sys_tags()` does.
public enum TagGenerators {
    /// packaging's `cpython_tags(python_version, abis, platforms)`:
    ///
    /// 1. `cpXY-<abi>-<platform>` for each given ABI (except `abi3` and `none`) and platform;
    /// 2. `cpXY-abi3-<platform>` (GIL builds) or `cpXY-abi3t-<platform>` (free-threaded builds,
    ///    whose first ABI carries a `t` flag, e.g. `cp313t`);
    /// 3. `cpXY-none-<platform>`;
    /// 4. the stable ABI of every older minor down to 3.2: `cpX(Y-1)-abi3-<platform>` … `cp32-abi3-<platform>`.
    public static func cpythonTags(pythonMajor: Int, pythonMinor: Int, abis: [String], platforms: [String]) -> [WheelTag] {
        let interpreter = "cp\(pythonMajor)\(pythonMinor)"
        var abis = abis
        for explicit in ["abi3", "none"] {
            if let index = abis.firstIndex(of: explicit) { abis.remove(at: index) }
        }
        var tags: [WheelTag] = []
        for abi in abis {
            for platform in platforms { tags.append(WheelTag(interpreter: interpreter, abi: abi, platform: platform)) }
        }
        let threaded = isFreeThreaded(abis)
        let hasStableABI = (pythonMajor, pythonMinor) >= (3, 2)
        let useABI3 = hasStableABI && !threaded
        let useABI3t = hasStableABI && threaded
        if useABI3 {
            for platform in platforms { tags.append(WheelTag(interpreter: interpreter, abi: "abi3", platform: platform)) }
        }
        if useABI3t {
            for platform in platforms { tags.append(WheelTag(interpreter: interpreter, abi: "abi3t", platform: platform)) }
        }
        for platform in platforms { tags.append(WheelTag(interpreter: interpreter, abi: "none", platform: platform)) }
        if useABI3 || useABI3t {
            for minor in stride(from: pythonMinor - 1, to: 1, by: -1) {
                let older = "cp\(pythonMajor)\(minor)"
                for platform in platforms {
                    if useABI3 { tags.append(WheelTag(interpreter: older, abi: "abi3", platform: platform)) }
                    if useABI3t { tags.append(WheelTag(interpreter: older, abi: "abi3t", platform: platform)) }
                }
            }
        }
        return tags
    }

    /// packaging's `generic_tags(interpreter, abis, platforms)`: `<interpreter>-<abi>-<platform>`
    /// for each ABI (with `none` appended when missing) and platform. PyPy and other non-CPython
    /// interpreters use this.
    public static func genericTags(interpreter: String, abis: [String], platforms: [String]) -> [WheelTag] {
        var abis = abis
        if !abis.contains("none") { abis.append("none") }
        var tags: [WheelTag] = []
        for abi in abis {
            for platform in platforms { tags.append(WheelTag(interpreter: interpreter, abi: abi, platform: platform)) }
        }
        return tags
    }

    /// packaging's `compatible_tags(python_version, interpreter, platforms)`:
    ///
    /// 1. `py*-none-<platform>` for `pyXY`, `pyX`, then `pyX(Y-1)` … `pyX0`;
    /// 2. `<interpreter>-none-any`, when an interpreter is given;
    /// 3. `py*-none-any` in the same order.
    public static func compatibleTags(pythonMajor: Int, pythonMinor: Int, interpreter: String?, platforms: [String]) -> [WheelTag] {
        var pythons = ["py\(pythonMajor)\(pythonMinor)", "py\(pythonMajor)"]
        for minor in stride(from: pythonMinor - 1, through: 0, by: -1) { pythons.append("py\(pythonMajor)\(minor)") }
        var tags: [WheelTag] = []
        for python in pythons {
            for platform in platforms { tags.append(WheelTag(interpreter: python, abi: "none", platform: platform)) }
        }
        if let interpreter, !interpreter.isEmpty {
            tags.append(WheelTag(interpreter: interpreter, abi: "none", platform: "any"))
        }
        for python in pythons { tags.append(WheelTag(interpreter: python, abi: "none", platform: "any")) }
        return tags
    }

    /// packaging's `_is_threaded_cpython`: the first ABI is `cp<digits><flags>` with `t` among the flags.
    static func isFreeThreaded(_ abis: [String]) -> Bool {
        guard let first = abis.first, first.hasPrefix("cp") else { return false }
        let afterPrefix = first.unicodeScalars.dropFirst(2)
        let digits = afterPrefix.prefix { $0.properties.numericType == .decimal }
        guard !digits.isEmpty else { return false }
        let flags = afterPrefix.dropFirst(digits.count).prefix { $0 != "\n" }
        return flags.contains("t")
    }
}
