/// uv's test for text that is a URL or a path rather than a PEP 508 requirement
/// (`looks_like_unnamed_requirement` and `looks_like_archive` in `uv-pep508`).
enum UnnamedRequirementDetection {
    /// Whether the first whitespace-separated word of `text`, with `${VAR}` expanded and
    /// trailing `[extras]` removed, is a path (`/`, `\`, `.` first, or containing `/` or `\`),
    /// has a URL scheme or drive letter (`https:`, `C:`) or names an archive.
    static func looksUnnamed(_ text: String, expansion: EnvironmentExpansion) -> Bool {
        let word = String(text.unicodeScalars.prefix { !$0.properties.isWhitespace })
        var location = expansion.expand(word)
        if location.hasSuffix("]"), let open = location.lastIndex(of: "[") {
            location = String(location[..<open])
        }
        guard let first = location.unicodeScalars.first else { return false }
        if first == "/" || first == "\\" || first == "." { return true }
        if hasScheme(location) { return true }
        if location.contains("/") || location.contains("\\") { return true }
        return looksLikeArchive(location)
    }

    /// Whether a file name ends in `.whl`, `.zip`, `.tgz`, `.tar` or `.tar.gz`.
    static func looksLikeArchive(_ name: String) -> Bool {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        for suffix in [".whl", ".zip", ".tgz", ".tar", ".tar.gz"] where file.hasSuffix(suffix) {
            return file.count > suffix.count
        }
        return false
    }

    /// `scheme:` at the start: an ASCII letter, then letters, digits, `+`, `-` or `.` up to `:`.
    private static func hasScheme(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.drop { $0.value <= 0x20 }.makeIterator()
        guard let first = scalars.next(), isASCIILetter(first) else { return false }
        while let scalar = scalars.next() {
            if scalar == ":" { return true }
            guard isASCIILetter(scalar) || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar) else {
                return false
            }
        }
        return false
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
