/// The `SPECIFIER` token: packaging's `Specifier._specifier_regex_str`, compiled with
/// `VERBOSE | IGNORECASE` and matched (not full-matched) at the current position.
///
/// The pattern is a list of alternatives, each a required operator and release followed by
/// optional groups. Once the required part has matched nothing later can fail, so the first
/// match a backtracking engine finds is the greedy one: each optional group is taken when it
/// can match and skipped otherwise, which is what the helpers below do.
extension PEP508Scanner {
    func matchSpecifier() -> Int? {
        if hasPrefix("===", at: position) {
            // `===\s*[^\s;)]*`
            var end = skipSpaces(from: position + 3)
            while let scalar = scalar(at: end), !scalar.isPythonWhitespace, scalar != ";", scalar != ")" {
                end += 1
            }
            return end
        }
        if hasPrefix("==", at: position) || hasPrefix("!=", at: position) {
            guard var end = matchVersionStart(from: position + 2, minimumDots: 0) else { return nil }
            if hasPrefix(".*", at: end) { return end + 2 }
            end = matchPreRelease(from: end)
            end = matchPostRelease(from: end)
            end = matchDevRelease(from: end)
            return matchLocal(from: end)
        }
        if hasPrefix("~=", at: position) {
            guard let end = matchVersionStart(from: position + 2, minimumDots: 1) else { return nil }
            return matchDevRelease(from: matchPostRelease(from: matchPreRelease(from: end)))
        }
        // `(?:<=|>=|<|>)`: after a one-character operator the next scalar is `=` or something
        // else that cannot start a version, so trying the two-character spellings first is enough.
        let operatorLength: Int
        if hasPrefix("<=", at: position) || hasPrefix(">=", at: position) {
            operatorLength = 2
        } else if hasPrefix("<", at: position) || hasPrefix(">", at: position) {
            operatorLength = 1
        } else {
            return nil
        }
        guard let end = matchVersionStart(from: position + operatorLength, minimumDots: 0) else { return nil }
        return matchDevRelease(from: matchPostRelease(from: matchPreRelease(from: end)))
    }

    /// `\s*`.
    private func skipSpaces(from start: Int) -> Int {
        var end = start
        while let scalar = scalar(at: end), scalar.isPythonWhitespace { end += 1 }
        return end
    }

    private func skipDigits(from start: Int) -> Int {
        var end = start
        while let byte = ascii(at: end), PythonCharacterClasses.isASCIIDigit(byte) { end += 1 }
        return end
    }

    private func isSeparator(at index: Int) -> Bool {
        guard let byte = ascii(at: index) else { return false }
        return byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// Whether `word` (lowercase ASCII) is at `index`, ignoring ASCII case.
    private func hasPrefixIgnoringCase(_ word: String, at index: Int) -> Bool {
        var cursor = index
        for expected in word.utf8 {
            guard var byte = ascii(at: cursor) else { return false }
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) { byte += 32 }
            guard byte == expected else { return false }
            cursor += 1
        }
        return true
    }

    /// `\s* v? (?:[0-9]+!)? [0-9]+(?:\.[0-9]+){minimumDots,}`. When the release cannot follow
    /// an epoch, the engine backtracks and reads the digits as the release (`==1!x` matches `==1`).
    private func matchVersionStart(from start: Int, minimumDots: Int) -> Int? {
        var end = skipSpaces(from: start)
        if let byte = ascii(at: end), byte == UInt8(ascii: "v") || byte == UInt8(ascii: "V") { end += 1 }
        let epochDigits = skipDigits(from: end)
        if epochDigits > end, scalar(at: epochDigits) == "!",
           let release = matchRelease(from: epochDigits + 1, minimumDots: minimumDots) {
            return release
        }
        return matchRelease(from: end, minimumDots: minimumDots)
    }

    /// `[0-9]+(?:\.[0-9]+){minimumDots,}`.
    private func matchRelease(from start: Int, minimumDots: Int) -> Int? {
        var end = skipDigits(from: start)
        guard end > start else { return nil }
        var dots = 0
        while scalar(at: end) == ".", let byte = ascii(at: end + 1), PythonCharacterClasses.isASCIIDigit(byte) {
            end = skipDigits(from: end + 1)
            dots += 1
        }
        return dots >= minimumDots ? end : nil
    }

    /// `[-_\.]?(alpha|beta|preview|pre|a|b|c|rc)[-_\.]?[0-9]*`, or nothing.
    private func matchPreRelease(from start: Int) -> Int {
        let letters = isSeparator(at: start) ? start + 1 : start
        for word in ["alpha", "beta", "preview", "pre", "a", "b", "c", "rc"] where hasPrefixIgnoringCase(word, at: letters) {
            var end = letters + word.utf8.count
            if isSeparator(at: end) { end += 1 }
            return skipDigits(from: end)
        }
        return start
    }

    /// `(?:-[0-9]+)|(?:[-_\.]?(post|rev|r)[-_\.]?[0-9]*)`, or nothing.
    private func matchPostRelease(from start: Int) -> Int {
        if scalar(at: start) == "-", let byte = ascii(at: start + 1), PythonCharacterClasses.isASCIIDigit(byte) {
            return skipDigits(from: start + 1)
        }
        let letters = isSeparator(at: start) ? start + 1 : start
        for word in ["post", "rev", "r"] where hasPrefixIgnoringCase(word, at: letters) {
            var end = letters + word.utf8.count
            if isSeparator(at: end) { end += 1 }
            return skipDigits(from: end)
        }
        return start
    }

    /// `[-_\.]?dev[-_\.]?[0-9]*`, or nothing.
    private func matchDevRelease(from start: Int) -> Int {
        let letters = isSeparator(at: start) ? start + 1 : start
        guard hasPrefixIgnoringCase("dev", at: letters) else { return start }
        var end = letters + 3
        if isSeparator(at: end) { end += 1 }
        return skipDigits(from: end)
    }

    /// `\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*` (either case), or nothing.
    private func matchLocal(from start: Int) -> Int {
        guard scalar(at: start) == "+" else { return start }
        var end = start + 1
        let first = skipAlphanumerics(from: end)
        guard first > end else { return start }
        end = first
        while isSeparator(at: end) {
            let next = skipAlphanumerics(from: end + 1)
            guard next > end + 1 else { break }
            end = next
        }
        return end
    }

    private func skipAlphanumerics(from start: Int) -> Int {
        var end = start
        while let byte = ascii(at: end), PythonCharacterClasses.isASCIIAlphanumeric(byte) { end += 1 }
        return end
    }
}
