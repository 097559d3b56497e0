import SuvBasics

/// One PEP 425 compatibility tag: `interpreter-abi-platform`, for example `cp311-abi3-manylinux_2_17_x86_64`.
///
/// The parts are lowercased on creation, as packaging's `Tag` does. Equality, hashing and
/// ordering compare the parts scalar by scalar (the way Python compares strings), not by
/// Swift's canonical equivalence, so two tags are equal exactly when packaging says so and
/// sorting agrees with Python's `sorted()`.
public struct WheelTag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The interpreter part, e.g. `cp311`, `py3`, `pp310`.
    public let interpreter: String
    /// The ABI part, e.g. `cp311`, `abi3`, `none`.
    public let abi: String
    /// The platform part, e.g. `manylinux_2_17_x86_64`, `win_amd64`, `any`.
    public let platform: String

    /// Creates a tag, lowercasing each part as Python's `str.lower()` does.
    public init(interpreter: String, abi: String, platform: String) {
        self.interpreter = interpreter.pythonLowercased
        self.abi = abi.pythonLowercased
        self.platform = platform.pythonLowercased
    }

    /// `interpreter-abi-platform`.
    public var description: String { "\(interpreter)-\(abi)-\(platform)" }

    public static func == (lhs: WheelTag, rhs: WheelTag) -> Bool {
        lhs.platform.utf8.elementsEqual(rhs.platform.utf8) && lhs.abi.utf8.elementsEqual(rhs.abi.utf8)
            && lhs.interpreter.utf8.elementsEqual(rhs.interpreter.utf8)
    }

    /// Byte-equal strings hash alike under `String`'s (coarser, canonical-equivalence) hashing,
    /// so this stays consistent with the scalar-exact ``==``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(interpreter)
        hasher.combine(abi)
        hasher.combine(platform)
    }

    /// Orders tags as Python orders their `str()` forms: by Unicode scalar values.
    public static func < (lhs: WheelTag, rhs: WheelTag) -> Bool {
        lhs.description.utf8.lexicographicallyPrecedes(rhs.description.utf8)
    }
}
