/// A package, extra or group name normalized as PEP 503 prescribes: lowercase, with every run
/// of `-`, `_` and `.` collapsed into a single `-`.
///
/// Two names are the same package exactly when their normalized forms are equal, so this type's
/// equality and hashing are those of the normalized string. The spelling the user wrote is kept
/// in ``original`` for messages.
public struct PackageName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The normalized form, e.g. `pillow-heif` for `Pillow_Heif`.
    public let normalized: String
    /// The spelling this name was created from.
    public let original: String

    public init(_ name: String) {
        self.original = name
        self.normalized = PackageName.normalize(name)
    }

    public var description: String { normalized }

    public static func == (lhs: PackageName, rhs: PackageName) -> Bool {
        lhs.normalized == rhs.normalized
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(normalized)
    }

    public static func < (lhs: PackageName, rhs: PackageName) -> Bool {
        lhs.normalized < rhs.normalized
    }

    /// PEP 503 normalization, as packaging's `canonicalize_name`:
    /// `re.sub(r"[-_.]+", "-", name).lower()`.
    ///
    /// Lowercasing follows Python's `str.lower()`, so non-ASCII letters are lowercased too
    /// (`École` becomes `école`); see ``Swift/String/pythonLowercased``.
    public static func normalize(_ name: String) -> String {
        if isOwnNormalForm(name) { return name }
        let lowered = name.pythonLowercased
        var result: [UInt8] = []
        result.reserveCapacity(lowered.utf8.count)
        var pendingSeparator = false
        for byte in lowered.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                pendingSeparator = true
            default:
                if pendingSeparator {
                    result.append(UInt8(ascii: "-"))
                    pendingSeparator = false
                }
                result.append(byte)
            }
        }
        if pendingSeparator { result.append(UInt8(ascii: "-")) }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `name` is already its own normal form (lowercase ASCII letters, digits and
    /// single hyphens), as nearly every name in a lock file or on an index page is.
    static func isOwnNormalForm(_ name: String) -> Bool {
        var previousWasHyphen = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return true
    }
}
