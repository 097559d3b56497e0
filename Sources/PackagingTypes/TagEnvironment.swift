/// The facts about an interpreter that decide which wheels it can install, and the ordered list
/// of tags they lead to.
///
/// ``supportedTags()`` mirrors packaging's `sys_tags()` on such an interpreter:
/// the interpreter-specific tags (`cpython_tags` for CPython, `generic_tags` for the others),
/// then `compatible_tags`, with duplicates removed keeping the first.
public struct TagEnvironment: Hashable, Sendable {
    /// The implementation (CPython, PyPy, …).
    public var implementation: PythonImplementation
    /// The Python language major version, e.g. 3.
    public var pythonMajor: Int
    /// The Python language minor version, e.g. 12.
    public var pythonMinor: Int
    /// The ABI tags the interpreter's extension modules use, best first: `cp311`, `cp313t`,
    /// `cp38d`, or PyPy's `pypy310_pp73`.
    public var abis: [String]
    /// Where the interpreter runs.
    public var platform: TargetPlatform

    public init(implementation: PythonImplementation, pythonMajor: Int, pythonMinor: Int, abis: [String], platform: TargetPlatform) {
        self.implementation = implementation
        self.pythonMajor = pythonMajor
        self.pythonMinor = pythonMinor
        self.abis = abis
        self.platform = platform
    }

    /// The interpreter tag, e.g. `cp312` or `pp310` (packaging's `interpreter_name()` +
    /// `interpreter_version()`).
    public var interpreterTag: String { "\(implementation.shortName)\(pythonMajor)\(pythonMinor)" }

    /// The interpreter passed to `compatible_tags` by `sys_tags()`: `cpXY` for CPython, `pp3` for
    /// PyPy, none otherwise. It yields the `<interpreter>-none-any` tag.
    public var compatibleInterpreter: String? {
        switch implementation {
        case .cpython: interpreterTag
        case .pypy: "pp3"
        case .other: nil
        }
    }

    /// The tags this interpreter supports, best first (about 900 for CPython on a recent glibc;
    /// build it once per interpreter and reuse it).
    public func supportedTags() -> SupportedTags {
        let platforms = platform.platformTags
        var tags: [WheelTag]
        switch implementation {
        case .cpython:
            tags = TagGenerators.cpythonTags(pythonMajor: pythonMajor, pythonMinor: pythonMinor, abis: abis, platforms: platforms)
        case .pypy, .other:
            tags = TagGenerators.genericTags(interpreter: interpreterTag, abis: abis, platforms: platforms)
        }
        tags += TagGenerators.compatibleTags(
            pythonMajor: pythonMajor, pythonMinor: pythonMinor, interpreter: compatibleInterpreter, platforms: platforms)
        return SupportedTags(tags)
    }
}
