import PEP440
import SuvBasics

/// A parsed wheel file name: `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`.
///
/// Parsing follows packaging's `parse_wheel_filename` exactly: the stem must hold 4 or 5 `-`;
/// the name may use any word character (Unicode letters and digits, `_`) and `.`, but not `__`;
/// the version is parsed as PEP 440 and kept normalized; a build tag must start with a digit; and
/// the tag part is a ``CompressedTagSet`` whose alternatives are expanded into ``tags``.
public struct WheelFilename: Hashable, Sendable, CustomStringConvertible {
    /// The distribution name, normalized (`Foo_Bar` → `foo-bar`).
    public let name: PackageName
    /// The version; its `description` is the normalized form.
    public let version: Version
    /// The build tag, if the file name has one.
    public let buildTag: BuildTag?
    /// The tag part, alternatives as written.
    public let tagSet: CompressedTagSet
    /// Every tag this wheel supports (the product of the compressed tag set), lowercased.
    public var tags: Set<WheelTag> { tagSet.tags }
    /// The file name this was parsed from.
    public let filename: String

    /// Parses a wheel file name.
    ///
    /// - Parameter validateOrder: also require each compressed tag set to list its alternatives
    ///   in sorted order (packaging's `validate_order=True`; off by default, because the common
    ///   `manylinux_2_17_x86_64.manylinux2014_x86_64` spelling is out of order).
    public init(parsing filename: String, validateOrder: Bool = false) throws(WheelFilenameError) {
        // Split on the UTF-8 bytes (a page lists thousands of wheels; `Character` splitting
        // would cost more than the rest of the parse).
        let utf8 = filename.utf8
        guard utf8.count >= 4, utf8.suffix(4).elementsEqual(".whl".utf8) else { throw .missingExtension(filename: filename) }
        let stemEnd = utf8.index(utf8.endIndex, offsetBy: -4)
        var dashes: [String.Index] = []
        dashes.reserveCapacity(6)
        var cursor = utf8.startIndex
        while cursor < stemEnd {
            if utf8[cursor] == UInt8(ascii: "-") {
                dashes.append(cursor)
                if dashes.count > 5 { break }
            }
            cursor = utf8.index(after: cursor)
        }
        guard dashes.count == 4 || dashes.count == 5 else { throw .wrongNumberOfParts(filename: filename) }
        // Like Python's `stem.split("-", dashes - 2)`: the tag part keeps its two dashes.
        var parts: [Substring] = []
        parts.reserveCapacity(4)
        var partStart = utf8.startIndex
        for dash in dashes.prefix(dashes.count - 2) {
            parts.append(filename[partStart..<dash])
            partStart = utf8.index(after: dash)
        }
        parts.append(filename[partStart..<stemEnd])
        guard let tagSet = CompressedTagSet(parsing: String(parts[parts.count - 1])) else {
            throw .wrongNumberOfParts(filename: filename)
        }
        let namePart = String(parts[0])
        guard Self.isValidNamePart(namePart) else { throw .invalidName(filename: filename) }
        let versionPart = String(parts[1])
        do {
            self.version = try Version(parsing: versionPart)
        } catch {
            throw .invalidVersion(filename: filename, version: versionPart)
        }
        if dashes.count == 5 {
            guard let buildTag = BuildTag(parsing: String(parts[2])) else {
                throw .invalidBuildTag(filename: filename, buildTag: String(parts[2]))
            }
            self.buildTag = buildTag
        } else {
            self.buildTag = nil
        }
        if validateOrder, !tagSet.isInSortedOrder { throw .unsortedTags(filename: filename) }
        self.name = PackageName(namePart)
        self.tagSet = tagSet
        self.filename = filename
    }

    /// ``tags`` as `interpreter-abi-platform` strings, sorted as Python sorts them.
    public var sortedTagStrings: [String] { tags.sorted().map(\.description) }

    /// Whether the compressed tag sets are in PEP 425 sorted order, i.e. whether packaging's
    /// `parse_wheel_filename(name, validate_order=True)` also accepts this file name.
    public var hasSortedTagSet: Bool { tagSet.isInSortedOrder }

    /// The file name as given.
    public var description: String { filename }

    /// packaging's name check: no `__`, and a match of `^[\w\d._]*$` (Python's Unicode `\w`).
    ///
    /// Python's `$` also matches just before a final line feed, so one trailing `\n` passes.
    static func isValidNamePart(_ name: String) -> Bool {
        // Names of ASCII letters, digits, `.` and `_` (nearly all): one pass over the bytes.
        var previous: UInt8 = 0
        var simple = true
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
                break
            case UInt8(ascii: "_"):
                if previous == UInt8(ascii: "_") { return false }
            default:
                simple = false
            }
            if !simple { break }
            previous = byte
        }
        if simple { return true }
        guard !name.contains("__") else { return false }
        var scalars = Substring(name).unicodeScalars
        if scalars.last == "\n" { scalars.removeLast() }
        return scalars.allSatisfy { $0 == "." || isPythonWordCharacter($0) }
    }

    /// Python's `\w` for `str` patterns: `_` or a character for which `str.isalnum()` holds
    /// (a letter of category L*, or any character with a numeric type).
    static func isPythonWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }
}
