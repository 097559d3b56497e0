/// The Python implementation an interpreter reports, as far as wheel tags are concerned.
public enum PythonImplementation: Hashable, Sendable {
    /// CPython: interpreter tag `cpXY`, tags from `cpython_tags`.
    case cpython
    /// PyPy: interpreter tag `ppXY`, tags from `generic_tags`, plus `pp3-none-any`.
    case pypy
    /// Any other implementation, by its short interpreter name (`graalpy`, `ip`, …): tags from
    /// `generic_tags` only.
    case other(shortName: String)

    /// packaging's `interpreter_name()`: the short name that prefixes the interpreter tag.
    public var shortName: String {
        switch self {
        case .cpython: "cp"
        case .pypy: "pp"
        case .other(let shortName): shortName
        }
    }
}
