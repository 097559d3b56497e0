import SuvBasics

/// Why a string is not a PEP 440 version.
public struct VersionParseError: SuvError, Equatable {
    public let input: String
    public let reason: String

    public var message: String { "Invalid version `\(input)`: \(reason)" }
}

extension Version: CustomStringConvertible, LosslessStringConvertible {
    /// Parses a version the way PEP 440's regular expression accepts it: optional surrounding
    /// whitespace (Unicode whitespace included), a leading `v`, any case, `.`/`-`/`_` separators,
    /// alternative spellings (`alpha`, `c`, `pre`, `preview`, `rev`, `r`), implicit numbers and
    /// implicit post-releases (`1.0-1`).
    public init(parsing text: String) throws(VersionParseError) {
        guard let version = VersionScanner.parse(text) else {
            throw VersionParseError(input: text, reason: "not a PEP 440 version")
        }
        self = version
    }

    public init?(_ description: String) {
        guard let version = VersionScanner.parse(description) else { return nil }
        self = version
    }

    /// The normalized form, e.g. `1!2.0rc1.post3.dev4+ubuntu.1`.
    public var description: String {
        var text = epoch == 0 ? "" : "\(epoch)!"
        text += publicSuffixlessRelease
        if let pre { text += pre.kind.letters + String(pre.number) }
        if let post { text += ".post" + String(post) }
        if let dev { text += ".dev" + String(dev) }
        if !local.isEmpty { text += "+" + local.map(\.description).joined(separator: ".") }
        return text
    }

    private var publicSuffixlessRelease: String {
        release.map { String($0) }.joined(separator: ".")
    }

    /// The form used in file names (PEP 625 / packaging's `canonicalize_version`): trailing
    /// `.0` release components removed.
    public var canonicalTrimmed: String {
        var text = epoch == 0 ? "" : "\(epoch)!"
        text += trimmedRelease.map { String($0) }.joined(separator: ".")
        if let pre { text += pre.kind.letters + String(pre.number) }
        if let post { text += ".post" + String(post) }
        if let dev { text += ".dev" + String(dev) }
        if !local.isEmpty { text += "+" + local.map(\.description).joined(separator: ".") }
        return text
    }
}

/// A scanner for PEP 440's version grammar over ASCII bytes. Where the grammar's optional
/// separators make several readings possible, alternatives are tried in the order a
/// backtracking regular-expression engine tries them, so the accepted strings and their
/// parts are exactly those of `packaging`'s regular expression.
enum VersionScanner {
    static func parse(_ text: String) -> Version? {
        guard let bytes = trimmedLowercasedASCII(text) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = Cursor(bytes: buffer)
            return scanner.version()
        }
    }

    /// The text without surrounding whitespace, ASCII-lowercased; nil when anything else is
    /// outside ASCII (digits and letters of the grammar are ASCII).
    static func trimmedLowercasedASCII(_ text: String) -> [UInt8]? {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isPythonWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isPythonWhitespace }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for scalar in scalars[first...last] {
            guard scalar.isASCII else { return nil }
            var byte = UInt8(scalar.value)
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            bytes.append(byte)
        }
        return bytes
    }

    struct Parts {
        var pre: (kind: Version.PreKind, number: UInt64)?
        var post: UInt64?
        var dev: UInt64?
        var local: [Version.LocalSegment] = []
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>

        mutating func version() -> Version? {
            var index = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: "v") { index += 1 }
            var epoch: UInt64 = 0
            let start = index
            if let (number, end) = digits(at: index), end < bytes.count, bytes[end] == UInt8(ascii: "!") {
                epoch = number
                index = end + 1
            } else {
                index = start
            }
            guard let (first, afterFirst) = digits(at: index) else { return nil }
            var release = [first]
            index = afterFirst
            while index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), let (part, end) = digits(at: index + 1) {
                release.append(part)
                index = end
            }
            var parts = Parts()
            guard preStage(at: index, &parts) else { return nil }
            return Version(epoch: epoch, release: release, pre: parts.pre, post: parts.post, dev: parts.dev, local: parts.local)
        }

        // MARK: Stages, each trying its readings in regular-expression order

        /// `(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?`
        func preStage(at index: Int, _ parts: inout Parts) -> Bool {
            for letterStart in optionalSeparator(at: index) {
                for (kind, afterLetters) in preLetters(at: letterStart) {
                    for (number, end) in optionalNumber(at: afterLetters) {
                        var attempt = parts
                        attempt.pre = (kind, number ?? 0)
                        if postStage(at: end, &attempt) {
                            parts = attempt
                            return true
                        }
                    }
                }
            }
            return postStage(at: index, &parts)
        }

        /// `(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?`
        func postStage(at index: Int, _ parts: inout Parts) -> Bool {
            if index < bytes.count, bytes[index] == UInt8(ascii: "-"), let (number, end) = digits(at: index + 1) {
                var attempt = parts
                attempt.post = number
                if devStage(at: end, &attempt) {
                    parts = attempt
                    return true
                }
            }
            for letterStart in optionalSeparator(at: index) {
                for afterLetters in postLetters(at: letterStart) {
                    for (number, end) in optionalNumber(at: afterLetters) {
                        var attempt = parts
                        attempt.post = number ?? 0
                        if devStage(at: end, &attempt) {
                            parts = attempt
                            return true
                        }
                    }
                }
            }
            return devStage(at: index, &parts)
        }

        /// `(?:[-_.]?dev[-_.]?([0-9]+)?)?`
        func devStage(at index: Int, _ parts: inout Parts) -> Bool {
            for letterStart in optionalSeparator(at: index) where matches("dev", at: letterStart) {
                for (number, end) in optionalNumber(at: letterStart + 3) {
                    var attempt = parts
                    attempt.dev = number ?? 0
                    if localStage(at: end, &attempt) {
                        parts = attempt
                        return true
                    }
                }
            }
            return localStage(at: index, &parts)
        }

        /// `(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?` then the end of the text.
        func localStage(at index: Int, _ parts: inout Parts) -> Bool {
            if index == bytes.count { return true }
            guard bytes[index] == UInt8(ascii: "+") else { return false }
            var segments: [Version.LocalSegment] = []
            var position = index + 1
            while true {
                let start = position
                var allDigits = true
                while position < bytes.count, Cursor.isAlphanumeric(bytes[position]) {
                    if !Cursor.isDigit(bytes[position]) { allDigits = false }
                    position += 1
                }
                guard position > start else { return false }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                if allDigits {
                    let stripped = text.drop { $0 == "0" }
                    segments.append(.number(stripped.isEmpty ? "0" : String(stripped)))
                } else {
                    segments.append(.text(text))
                }
                if position == bytes.count { break }
                guard Cursor.isSeparator(bytes[position]) else { return false }
                position += 1
            }
            parts.local = segments
            return true
        }

        // MARK: Pieces

        /// Readings of an optional separator: with it (when present) first, then without.
        func optionalSeparator(at index: Int) -> [Int] {
            if index < bytes.count, Cursor.isSeparator(bytes[index]) { return [index + 1, index] }
            return [index]
        }

        /// Readings of `[-_.]?([0-9]+)?`: separator and number, separator alone, number alone,
        /// nothing — the order a greedy engine tries.
        func optionalNumber(at index: Int) -> [(UInt64?, Int)] {
            var readings: [(UInt64?, Int)] = []
            if index < bytes.count, Cursor.isSeparator(bytes[index]) {
                if let (number, end) = digits(at: index + 1) { readings.append((number, end)) }
                readings.append((nil, index + 1))
            }
            if let (number, end) = digits(at: index) { readings.append((number, end)) }
            readings.append((nil, index))
            return readings
        }

        func preLetters(at index: Int) -> [(Version.PreKind, Int)] {
            var readings: [(Version.PreKind, Int)] = []
            for (word, kind) in Cursor.preWords where matches(word, at: index) {
                readings.append((kind, index + word.utf8.count))
            }
            return readings
        }

        func postLetters(at index: Int) -> [Int] {
            Cursor.postWords.filter { matches($0, at: index) }.map { index + $0.utf8.count }
        }

        /// The alternation orders of the grammar: `alpha|a|beta|b|preview|pre|c|rc`.
        static let preWords: [(String, Version.PreKind)] = [
            ("alpha", .alpha), ("a", .alpha), ("beta", .beta), ("b", .beta),
            ("preview", .rc), ("pre", .rc), ("c", .rc), ("rc", .rc),
        ]
        static let postWords = ["post", "rev", "r"]

        func matches(_ word: String, at index: Int) -> Bool {
            var position = index
            for byte in word.utf8 {
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
            }
            return true
        }

        /// A run of ASCII digits at `index` that fits in 64 bits, and where it ends.
        func digits(at index: Int) -> (UInt64, Int)? {
            var position = index
            var value: UInt64 = 0
            var overflow = false
            while position < bytes.count, Cursor.isDigit(bytes[position]) {
                let (product, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = product.addingReportingOverflow(UInt64(bytes[position] - UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                value = sum
                position += 1
            }
            // uv accepts numbers up to 2^64 - 2; so does suv.
            guard position > index, !overflow, value != UInt64.max else { return nil }
            return (value, position)
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        }
        static func isSeparator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
