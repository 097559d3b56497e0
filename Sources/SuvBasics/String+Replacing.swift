extension String {
    /// Every occurrence of `target` replaced by `replacement`, matching UTF-8 bytes (no
    /// Foundation).
    ///
    /// Bytes, not characters: `String`'s own searching compares grapheme clusters, so a `"`
    /// followed by a combining mark (`"\u{332}`) is not a `"` to it, and a RECORD path quoted that
    /// way kept a lone quote and read back differently (found by `scripts/fuzz record`). A valid
    /// UTF-8 `target` can only match whole scalars, so the result is valid UTF-8 too.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let first = pattern.first else { return self }
        let bytes = Array(utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        var copied = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                result += bytes[copied..<index]
                result += replacement.utf8
                index += pattern.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return self }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }
}
