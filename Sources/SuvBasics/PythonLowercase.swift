extension String {
    /// This string lowercased exactly as Python's `str.lower()` does it.
    ///
    /// Python applies each scalar's *full* lowercase mapping (so `İ` becomes `i̇`, two scalars, and
    /// the Kelvin sign `K` becomes `k`) and the one context-sensitive rule of Unicode's
    /// `SpecialCasing.txt`: a capital sigma `Σ` becomes the final form `ς` when it ends a word
    /// (preceded by a cased letter and not followed by one, skipping case-ignorable scalars).
    ///
    /// Packaging lowercases names and wheel tags this way, so matching it matters for the rare
    /// non-ASCII inputs; ASCII strings take a fast path.
    package var pythonLowercased: String {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        let scalars = Array(unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar.value == 0x3A3 {
                let final = Self.isFinalSigma(at: index, in: scalars)
                result.append(final ? "\u{3C2}" : "\u{3C3}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Python's `handle_capital_sigma`: the `Final_Sigma` context of `SpecialCasing.txt`.
    private static func isFinalSigma(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var before = index - 1
        while before >= 0, scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, scalars[before].properties.isCased else { return false }
        var after = index + 1
        while after < scalars.count, scalars[after].properties.isCaseIgnorable { after += 1 }
        return after == scalars.count || !scalars[after].properties.isCased
    }
}
