/// A table's key → entry lookup. Most tables of a lock file are inline tables of two to four
/// keys (`{ name = "a", version = "1.0" }`, `{ url = …, hash = …, size = … }`), thousands of
/// them: those keep their pairs in a short array scanned in order, and only a table that grows
/// past ``limit`` keys gets a dictionary.
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
            if dictionary != nil {
                dictionary?[key] = newValue
                return
            }
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].id = newValue } else { pairs.remove(at: index) }
                return
            }
            guard let newValue else { return }
            pairs.append((key, newValue))
            if pairs.count > Self.limit {
                dictionary = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.id) })
                pairs = []
            }
        }
    }

    /// Every entry, in insertion order while small.
    var values: [Int] {
        dictionary.map { Array($0.values) } ?? pairs.map(\.id)
    }
}
