/// Reads a PEP 691 JSON page in one pass, the `files` array straight into per-file slots.
///
/// A generic parse builds, for every file of a page (tens of thousands on a popular project),
/// an array of members and a string for each key before anything looks at them; here keys are
/// compared in place and only the values of the keys a file has are kept. The result is what
/// the generic parse and ``SimpleProjectPage/init(json:url:name:)`` made of the same text:
/// the first of duplicated keys counts, errors keep their order (syntax, then the document's
/// shape, then the first bad file).
struct SimpleJSONPageReader {
    /// The values of one file object's keys, each the first occurrence.
    struct FileFields {
        var filename: JSONValue?
        var url: JSONValue?
        var hashes: JSONValue?
        var requiresPython: JSONValue?
        var yanked: JSONValue?
        var coreMetadata: JSONValue?
        var distInfoMetadata: JSONValue?
        var dataDistInfoMetadata: JSONValue?
        var size: JSONValue?
        var uploadTime: JSONValue?
    }

    /// The page's parts: the top-level members other than `files` (a small object), and the files.
    struct Document {
        var members: [(key: String, value: JSONValue)] = []
        var isObject = false
        /// nil when the document had no `files` key; `.some(nil)` when its value was no array.
        var files: [FileFields]??
    }

    var parser: JSONParser

    init(_ bytes: [UInt8]) {
        parser = JSONParser(bytes)
    }

    mutating func read() throws(JSONParseError) -> Document {
        var document = Document()
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") else {
            _ = try parser.parseDocument()
            return document
        }
        document.isObject = true
        try parser.enter()
        parser.index += 1
        try members { reader, key throws(JSONParseError) in
            if key.matches("files", in: reader.parser.bytes), document.files == nil {
                document.files = .some(try reader.files())
            } else {
                let text = try reader.text(of: key)
                document.members.append((text, try reader.parser.parseValue()))
            }
        }
        parser.depth -= 1
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.fail("unexpected data after the document") }
        return document
    }

    /// The `files` value: file objects, or nil (after reading it) when it is not an array.
    private mutating func files() throws(JSONParseError) -> [FileFields]? {
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "[") else {
            _ = try parser.parseValue()
            return nil
        }
        try parser.enter()
        parser.index += 1
        var files: [FileFields] = []
        parser.skipWhitespace()
        if parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "]") {
            parser.index += 1
            parser.depth -= 1
            return files
        }
        while true {
            files.append(try file())
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.fail("unexpected end of input") }
            if parser.bytes[parser.index] == UInt8(ascii: ",") { parser.index += 1; continue }
            if parser.bytes[parser.index] == UInt8(ascii: "]") { parser.index += 1; break }
            throw parser.fail("expected `,` or `]`")
        }
        parser.depth -= 1
        return files
    }

    /// One element of `files`; an element that is not an object leaves every slot empty.
    private mutating func file() throws(JSONParseError) -> FileFields {
        var fields = FileFields()
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") else {
            _ = try parser.parseValue()
            return fields
        }
        try parser.enter()
        parser.index += 1
        try members { reader, key throws(JSONParseError) in
            let source = reader.parser.bytes
            func matches(_ name: StaticString) -> Bool { key.matches(name, in: source) }
            let slot: WritableKeyPath<FileFields, JSONValue?>?
            switch key.length {
            case 3 where matches("url"): slot = \.url
            case 4 where matches("size"): slot = \.size
            case 6 where matches("hashes"): slot = \.hashes
            case 6 where matches("yanked"): slot = \.yanked
            case 8 where matches("filename"): slot = \.filename
            case 11 where matches("upload-time"): slot = \.uploadTime
            case 13 where matches("core-metadata"): slot = \.coreMetadata
            case 15 where matches("requires-python"): slot = \.requiresPython
            case 18 where matches("dist-info-metadata"): slot = \.distInfoMetadata
            case 23 where matches("data-dist-info-metadata"): slot = \.dataDistInfoMetadata
            default:
                slot = nil
                _ = try reader.text(of: key)
            }
            let value = try reader.parser.parseValue()
            if let slot, fields[keyPath: slot] == nil { fields[keyPath: slot] = value }
        }
        parser.depth -= 1
        return fields
    }

    /// A key as read: where its bytes are when written without escapes, else its decoded text.
    struct Key {
        let range: Range<Int>?
        let decoded: String?

        var length: Int { range?.count ?? decoded?.utf8.count ?? 0 }

        func matches(_ name: StaticString, in source: [UInt8]) -> Bool {
            name.withUTF8Buffer { expected in
                if let range { return source[range].elementsEqual(expected) }
                return decoded?.utf8.elementsEqual(expected) ?? false
            }
        }
    }

    /// The text of a key, failing on invalid UTF-8 as the generic parser does.
    func text(of key: Key) throws(JSONParseError) -> String {
        if let decoded = key.decoded { return decoded }
        guard let range = key.range, let text = String(validating: parser.bytes[range], as: UTF8.self) else {
            throw JSONParseError(reason: "invalid UTF-8 in string", offset: key.range?.lowerBound ?? parser.index)
        }
        return text
    }

    /// The members of the object whose `{` was just consumed, each passed to `body` with the
    /// parser on its value (which `body` must read).
    private mutating func members(_ body: (inout SimpleJSONPageReader, Key) throws(JSONParseError) -> Void) throws(JSONParseError) {
        parser.skipWhitespace()
        if parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "}") {
            parser.index += 1
            return
        }
        while true {
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
                throw parser.fail("expected a string key")
            }
            let key = try readKey()
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else { throw parser.fail("expected `:`") }
            parser.index += 1
            try body(&self, key)
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.fail("unexpected end of input") }
            if parser.bytes[parser.index] == UInt8(ascii: ",") { parser.index += 1; continue }
            if parser.bytes[parser.index] == UInt8(ascii: "}") { parser.index += 1; return }
            throw parser.fail("expected `,` or `}`")
        }
    }

    /// A key at the parser's position (on its quote).
    private mutating func readKey() throws(JSONParseError) -> Key {
        let start = parser.index + 1
        var end = start
        while end < parser.bytes.count {
            let byte = parser.bytes[end]
            if byte == UInt8(ascii: "\"") {
                parser.index = end + 1
                return Key(range: start..<end, decoded: nil)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            end += 1
        }
        return Key(range: nil, decoded: try parser.parseString())
    }
}
