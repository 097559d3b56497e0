import SuvBasics

/// The tag part of a wheel file name, `{python}-{abi}-{platform}`, where each part may be a
/// compressed set of alternatives joined by `.` (`py2.py3-none-any`).
///
/// Parsing mirrors packaging's `parse_tag`: the parts are kept as written, and ``tags`` is the
/// product of the alternatives, lowercased.
public struct CompressedTagSet: Hashable, Sendable, CustomStringConvertible {
    /// The tag part as written. The alternatives are split from it when asked for: an index
    /// page lists thousands of wheels, and resolution looks at the tags of a few.
    public let text: String

    /// The interpreter alternatives as written, e.g. `["py2", "py3"]`.
    public var pythonTags: [String] { Self.alternatives(part: 0, of: text) }
    /// The ABI alternatives as written, e.g. `["none"]`.
    public var abiTags: [String] { Self.alternatives(part: 1, of: text) }
    /// The platform alternatives as written, e.g. `["manylinux_2_17_x86_64", "manylinux2014_x86_64"]`.
    public var platformTags: [String] { Self.alternatives(part: 2, of: text) }

    /// Parses `python-abi-platform`; returns nil unless the text has exactly two `-`.
    ///
    /// Empty parts and empty alternatives are accepted, as packaging accepts them.
    public init?(parsing text: String) {
        guard text.utf8.count(where: { $0 == UInt8(ascii: "-") }) == 2 else { return nil }
        self.text = text
    }

    private static func alternatives(part index: Int, of text: String) -> [String] {
        let part = text.split(separator: "-", omittingEmptySubsequences: false)[index]
        return part.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The expanded set: every combination of the alternatives, lowercased.
    public var tags: Set<WheelTag> {
        var result = Set<WheelTag>()
        for python in pythonTags {
            for abi in abiTags {
                for platform in platformTags {
                    result.insert(WheelTag(interpreter: python, abi: abi, platform: platform))
                }
            }
        }
        return result
    }

    /// Whether every part lists its alternatives in sorted order, as PEP 425 asks.
    ///
    /// This is packaging's `validate_order=True` check: the alternatives, as written (before
    /// lowercasing), compared by Unicode scalar values. The common real-world spelling
    /// `manylinux_2_17_x86_64.manylinux2014_x86_64` fails it, because `2` sorts before `_`.
    public var isInSortedOrder: Bool {
        [pythonTags, abiTags, platformTags].allSatisfy { alternatives in
            zip(alternatives, alternatives.dropFirst()).allSatisfy { pair in
                !pair.1.utf8.lexicographicallyPrecedes(pair.0.utf8)
            }
        }
    }

    /// The tag part as written: `python-abi-platform` with `.` between alternatives.
    public var description: String { text }
}
