import SuvBasics
// Small string helpers that would otherwise need Foundation.

extension String {
    func trimmingASCIIWhitespace() -> Substring {
        self[...].trimmingASCIIWhitespace()
    }
}

extension Substring {
    func trimmingASCIIWhitespace() -> Substring {
        // "\r\n" is one Character, so compare scalars.
        let isSpace: (Character) -> Bool = { $0.unicodeScalars.allSatisfy { [" ", "\t", "\r", "\n"].contains($0) } }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
