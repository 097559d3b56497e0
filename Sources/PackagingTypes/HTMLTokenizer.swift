/// A start tag: its lowercased name and its attributes (lowercased names, values with
/// character references decoded; a repeated attribute keeps its first value, as in HTML).
struct HTMLStartTag: Sendable, Equatable {
    let name: String
    let attributes: [(name: String, value: String)]

    static func == (lhs: HTMLStartTag, rhs: HTMLStartTag) -> Bool {
        lhs.name == rhs.name && lhs.attributes.count == rhs.attributes.count
            && zip(lhs.attributes, rhs.attributes).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// The value of attribute `name` (lowercase), if present.
    subscript(name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

/// One token of an HTML document, as far as index pages need them.
enum HTMLToken: Sendable, Equatable {
    case startTag(HTMLStartTag)
    /// An end tag's lowercased name.
    case endTag(String)
    /// Character data with references decoded (only reported while ``HTMLTokenizer/reportsText``).
    case text(String)
}

/// A small, forgiving HTML tokenizer over UTF-8 bytes: enough of HTML5's rules for package
/// index pages, with no tree building and no Foundation.
///
/// Comments, doctypes and processing instructions are skipped; the contents of `<script>` and
/// `<style>` are skipped whole; tag and attribute names are lowercased; attribute values may be
/// double-quoted, single-quoted or unquoted. Attributes are decoded only for the tags named in
/// `wantedTags` (others are skipped cheaply), and text only while ``reportsText`` is on.
struct HTMLTokenizer {
    private let bytes: [UInt8]
    private var index = 0
    private let wantedTags: Set<String>
    /// Whether text between tags is reported; callers switch it on inside `<a>` to read names.
    var reportsText = false

    init(_ bytes: [UInt8], wantedTags: Set<String>) {
        self.bytes = bytes
        self.wantedTags = wantedTags
    }

    mutating func next() -> HTMLToken? {
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                index = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                if reportsText { return .text(HTMLEntities.decode(bytes[start..<index])) }
                continue
            }
            guard index + 1 < bytes.count else {
                index = bytes.count
                break
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                skipMarkupDeclaration()
            } else if next == UInt8(ascii: "?") {
                skipPast(UInt8(ascii: ">"))
            } else if next == UInt8(ascii: "/") {
                if index + 2 < bytes.count, isASCIILetter(bytes[index + 2]) {
                    index += 2
                    let name = readName()
                    skipPast(UInt8(ascii: ">"))
                    return .endTag(name)
                }
                skipPast(UInt8(ascii: ">"))
            } else if isASCIILetter(next) {
                index += 1
                let name = readName()
                let wanted = wantedTags.contains(name)
                let attributes = readAttributes(decode: wanted)
                if name == "script" || name == "style" { skipRawText(until: name) }
                if wanted { return .startTag(HTMLStartTag(name: name, attributes: attributes)) }
            } else {
                // A lone `<` is text.
                let start = index
                index += 1
                index = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                if reportsText { return .text(HTMLEntities.decode(bytes[start..<index])) }
            }
        }
        return nil
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// A tag or attribute name, lowercased, up to a space, `/`, `>` (or `=` for attributes).
    private mutating func readName() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") && index > start { break }
            index += 1
        }
        return lowercased(bytes[start..<index])
    }

    private func lowercased(_ slice: ArraySlice<UInt8>) -> String {
        if !slice.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            return String(decoding: slice, as: UTF8.self)
        }
        return String(decoding: slice.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Reads attributes up to and including the tag's `>`.
    private mutating func readAttributes(decode: Bool) -> [(name: String, value: String)] {
        var attributes: [(name: String, value: String)] = []
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") {
                index += 1
                return attributes
            }
            let name = readName()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value: ArraySlice<UInt8> = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                value = readValue()
            }
            if decode, !attributes.contains(where: { $0.name == name }) {
                attributes.append((name, HTMLEntities.decode(value)))
            }
        }
        return attributes
    }

    private mutating func readValue() -> ArraySlice<UInt8> {
        guard index < bytes.count else { return [] }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = index + 1
            let end = bytes[start...].firstIndex(of: quote) ?? bytes.count
            index = min(end + 1, bytes.count)
            return bytes[start..<end]
        }
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return bytes[start..<index]
    }

    /// `<!-- … -->`, `<!DOCTYPE …>`, `<![CDATA[ … ]]>`.
    private mutating func skipMarkupDeclaration() {
        if bytes[index...].starts(with: Array("<!--".utf8)) {
            index += 4
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "-"), bytes[index...].starts(with: Array("-->".utf8)) {
                    index += 3
                    return
                }
                index += 1
            }
            return
        }
        skipPast(UInt8(ascii: ">"))
    }

    private mutating func skipPast(_ byte: UInt8) {
        let found = bytes[index...].firstIndex(of: byte) ?? bytes.count
        index = min(found + 1, bytes.count)
    }

    /// Skips to the matching `</script` or `</style` (any case); the end tag itself is read
    /// as a normal token afterwards.
    private mutating func skipRawText(until name: String) {
        let closing = Array("</".utf8) + Array(name.utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + closing.count <= bytes.count,
               zip(bytes[index..<(index + closing.count)], closing).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) || $0 == $1 }) {
                return
            }
            index += 1
        }
    }
}
