/// One header line: a name as written and its value, trimmed.
public struct HTTPHeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered list of header fields with case-insensitive lookup.
///
/// Order and repeated names are kept, as received or as they will be sent.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields in order.
    public private(set) var fields: [HTTPHeaderField]

    /// No fields.
    public init() { fields = [] }

    /// The given fields, in order.
    public init(_ fields: [HTTPHeaderField]) { self.fields = fields }

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { HTTPHeaderField(name: $0.0, value: $0.1) }
    }

    /// The first value for `name` (any case), or `nil`.
    ///
    /// Setting replaces every field called `name` with one field, or removes them for `nil`.
    public subscript(name: String) -> String? {
        get { fields.first { Self.sameName($0.name, name) }?.value }
        set {
            if let index = fields.firstIndex(where: { Self.sameName($0.name, name) }), let newValue {
                fields[index].value = newValue
                let later = fields.index(after: index)
                fields[later...].removeAll { Self.sameName($0.name, name) }
            } else {
                fields.removeAll { Self.sameName($0.name, name) }
                if let newValue { fields.append(HTTPHeaderField(name: name, value: newValue)) }
            }
        }
    }

    /// Every value for `name` (any case), in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Appends a field, keeping existing ones of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(HTTPHeaderField(name: name, value: value))
    }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[HTTPHeaderField]> { fields.makeIterator() }

    /// ASCII case-insensitive comparison, as header names compare.
    static func sameName(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        for (x, y) in zip(a.utf8, b.utf8) where x != y {
            let lx = x >= 65 && x <= 90 ? x + 32 : x
            let ly = y >= 65 && y <= 90 ? y + 32 : y
            if lx != ly { return false }
        }
        return true
    }
}
