/// The ABI tags an interpreter's extension modules use, derived as packaging derives them.
///
/// `sys_tags()` takes CPython's ABIs from its build flags (`_cpython_abis`) and every other
/// interpreter's from `EXT_SUFFIX` (`_generic_abi`). The results feed ``TagEnvironment/abis``.
public enum ABITags {
    /// packaging's `_cpython_abis`: `cp<XY><t><d><m><u>`, best first.
    ///
    /// - Parameters:
    ///   - debug: a debug build (`Py_DEBUG`, or `sys.gettotalrefcount` when unset): flag `d`.
    ///     A debug build on 3.8+ also loads normal extension modules, so `cpXY` is added after it.
    ///   - pymalloc: `WITH_PYMALLOC` (true when unset): flag `m`, only before 3.8.
    ///   - ucs4: a wide-unicode build (`Py_UNICODE_SIZE == 4`): flag `u`, only before 3.3.
    ///   - gilDisabled: a free-threaded build (`Py_GIL_DISABLED`): flag `t`, only from 3.13.
    public static func cpython(
        pythonMajor: Int, pythonMinor: Int, debug: Bool, pymalloc: Bool = true, ucs4: Bool = false, gilDisabled: Bool = false
    ) -> [String] {
        let version = (pythonMajor, pythonMinor)
        let base = "cp\(pythonMajor)\(pythonMinor)"
        let threading = version >= (3, 13) && gilDisabled ? "t" : ""
        let debugFlag = debug ? "d" : ""
        var pymallocFlag = ""
        var ucs4Flag = ""
        var abis: [String] = []
        if version < (3, 8) {
            if pymalloc { pymallocFlag = "m" }
            if version < (3, 3), ucs4 { ucs4Flag = "u" }
        } else if debug {
            abis.append(base + threading)
        }
        abis.insert(base + threading + debugFlag + pymallocFlag + ucs4Flag, at: 0)
        return abis
    }

    /// packaging's `_generic_abi`: the ABI tag inside `EXT_SUFFIX`, with `.` and `-` turned into `_`.
    ///
    /// `.cpython-310-x86_64-linux-gnu.so` gives `cp310`, `.cp310-win_amd64.pyd` gives `cp310`,
    /// `.pypy310-pp73-x86_64-linux-gnu.so` gives `pypy310_pp73`, and
    /// `.graalpy-38-native-x86_64-darwin.dylib` gives `graalpy_38_native`. Returns nil when the
    /// suffix carries no ABI (`.pyd` alone): packaging then falls back to ``cpython(pythonMajor:pythonMinor:debug:pymalloc:ucs4:gilDisabled:)``.
    /// Returns an empty list for an empty ABI part, and nil for a suffix not starting with `.`.
    public static func fromExtensionSuffix(_ extSuffix: String) -> [String]? {
        guard extSuffix.hasPrefix(".") else { return nil }
        let parts = extSuffix.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let soabi = parts[1]
        let fields = soabi.split(separator: "-", omittingEmptySubsequences: false)
        let abi: String
        if soabi.hasPrefix("cpython") {
            guard fields.count > 1 else { return nil }
            abi = "cp" + fields[1]
        } else if soabi.hasPrefix("cp") {
            abi = String(fields[0])
        } else if soabi.hasPrefix("pypy") {
            abi = fields.prefix(2).joined(separator: "-")
        } else if soabi.hasPrefix("graalpy") {
            abi = fields.prefix(3).joined(separator: "-")
        } else if !soabi.isEmpty {
            abi = String(soabi)
        } else {
            return []
        }
        return [normalizePlatformString(abi)]
    }

    /// packaging's `_normalize_string`: `.`, `-` and space become `_`.
    public static func normalizePlatformString(_ text: String) -> String {
        String(text.map { $0 == "." || $0 == "-" || $0 == " " ? "_" : $0 })
    }
}
