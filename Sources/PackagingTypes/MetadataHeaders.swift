/// The headers and body of an RFC 822-style metadata file (`METADATA`, `PKG-INFO`, `WHEEL`).
///
/// Lines end in `\n` or `\r\n`. A line starting with a space or tab continues the previous
/// header (unfolded as RFC 5322 says: the line break goes, the whitespace stays). Headers end
/// at the first empty line, or at a line that is neither a header nor a continuation; what
/// follows is the body.
public struct MetadataHeaders: Sendable, Hashable {
    /// One header: its name as written and its unfolded value, leading whitespace trimmed.
    public struct Field: Sendable, Hashable {
        public let name: String
        public let value: String
    }

    /// Every header in file order, repeated fields included.
    public let fields: [Field]
    /// The text after the headers, `nil` when there is none.
    public let body: String?

    /// Splits `text` into headers and body.
    public init(parsing text: String) {
        let bytes = Array(text.utf8)
        var fields: [Field] = []
        var body: String?
        var currentName: String?
        var currentValue: [UInt8] = []
        func flush() {
            if let name = currentName {
                fields.append(Field(name: name, value: String(decoding: currentValue, as: UTF8.self).trimmingTrailingSpace))
            }
            currentName = nil
            currentValue = []
        }
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var start = 0
        while start < bytes.count {
            let lineEnd = bytes[start...].firstIndex(of: newline) ?? bytes.count
            let next = min(lineEnd + 1, bytes.count)
            var line = bytes[start..<lineEnd]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty {
                flush()
                body = String(decoding: bytes[next...], as: UTF8.self)
                start = bytes.count
                break
            }
            if let first = line.first, first == space || first == tab {
                if currentName != nil {
                    currentValue.append(contentsOf: line)
                    start = next
                    continue
                }
            } else if let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                      !line[..<colon].contains(where: { $0 == space || $0 == tab }) {
                flush()
                currentName = String(decoding: line[..<colon], as: UTF8.self)
                currentValue = Array(line[(colon + 1)...].drop { $0 == space || $0 == tab })
                start = next
                continue
            }
            // Neither a header nor a continuation: the body starts here.
            flush()
            body = String(decoding: bytes[start...], as: UTF8.self)
            start = bytes.count
        }
        flush()
        self.fields = fields
        self.body = body
    }

    /// Every value of the field `name` (compared ignoring ASCII case), in order.
    public func values(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// The first value of the field `name`.
    public func value(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }
}

extension String {
    /// Without trailing spaces, tabs and carriage returns.
    var trimmingTrailingSpace: String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
