/// Why an entry name is unsafe to extract below a root directory.
///
/// Entries are only reported, never rejected while reading: an installer checks
/// ``ZipEntry/pathProblem`` (or ``ZipArchive/validatePaths()``) before writing anything.
public enum ZipPathProblem: Sendable, Equatable, CustomStringConvertible {
    /// The name is empty.
    case empty
    /// The name starts at a root: `/x`, `\x` or a drive letter `C:`.
    case absolute
    /// A `..` component climbs above the root (`../x`, `a/../../x`).
    case parentTraversal
    /// The name holds a NUL byte.
    case nulByte

    public var description: String {
        switch self {
        case .empty: "the name is empty"
        case .absolute: "it is an absolute path"
        case .parentTraversal: "it escapes the extraction directory through `..`"
        case .nulByte: "it contains a NUL byte"
        }
    }

    /// The problem with `name`, or `nil` when it stays inside the root.
    ///
    /// Both `/` and `\` count as separators, so a Windows-made `..\x` is caught too. A `..`
    /// that stays inside (`a/../b`) is accepted, as the Rust `zip` crate's `enclosed_name` does.
    public static func check(_ name: String) -> ZipPathProblem? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return .empty }
        if bytes.contains(0) { return .nulByte }
        let slash = UInt8(ascii: "/"), backslash = UInt8(ascii: "\\")
        if bytes[0] == slash || bytes[0] == backslash { return .absolute }
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":"), isASCIILetter(bytes[0]) { return .absolute }
        var depth = 0
        for component in bytes.split(whereSeparator: { $0 == slash || $0 == backslash }) {
            if component.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                depth -= 1
                if depth < 0 { return .parentTraversal }
            } else if !component.elementsEqual([UInt8(ascii: ".")]) {
                depth += 1
            }
        }
        return nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
