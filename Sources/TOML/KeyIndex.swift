/// A table's key → entry lookup, in insertion order. Most tables of a lock file are inline
/// tables of two to four keys (`{ name = "a", version = "1.0" }`, `{ url = …, hash = …, size = … }`),
/// thousands of them: those keep only their pairs, scanned in order, and a table that grows
/// past ``limit`` keys also gets a dictionary.
struct KeyIndex: Sendable {
    static let limit = 8
    private var pairs: [(key: String, id: Int)] = []
    private var dictionary: [String: Int]?

    init() {}

    subscript(key: String) -> Int? {
        get {
            if let dictionary { return dictionary[key] }
            for pair in pairs where pair.key == key { return pair.id }
            return nil
        }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].id = newValue } else { pairs.remove(at: index) }
                dictionary?[key] = newValue
                return
            }
            guard let newValue else { return }
            pairs.append((key, newValue))
            if dictionary != nil {
                dictionary?[key] = newValue
            } else if pairs.count > Self.limit {
                dictionary = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.id) })
            }
        }
    }

    /// Appends a key known to be absent (the parser has just checked).
    mutating func appendNew(_ key: String, _ id: Int) {
        pairs.append((key, id))
        if dictionary != nil {
            dictionary?[key] = id
        } else if pairs.count > Self.limit {
            dictionary = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.id) })
        }
    }

    /// Every key, in insertion order.
    var keys: [String] { pairs.map(\.key) }

    /// Every entry, in insertion order.
    var values: [Int] { pairs.map(\.id) }

    var isEmpty: Bool { pairs.isEmpty }
}
