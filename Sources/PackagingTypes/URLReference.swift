import SuvBasics

/// String-level URL handling for index pages: RFC 3986 reference resolution (`../../files/x`
/// against the page URL), fragment splitting, percent-decoding of file names and `file://` URLs
/// for local directories. URLs stay strings; no Foundation.
public enum URLReference {
    /// Resolves `reference` against the absolute URL `base`, as RFC 3986 §5.2 prescribes
    /// (`https://h/simple/a/` + `../../files/a.whl` → `https://h/files/a.whl`).
    ///
    /// The fragment of `reference` is kept; the base's is dropped. A base without a scheme is
    /// treated as a path, so relative bases still combine sensibly.
    public static func resolve(_ reference: String, against base: String) -> String {
        // Index pages mostly link files by absolute URL without dot segments: nothing to do.
        if isAbsoluteWithoutDotSegments(reference) { return reference }
        let ref = Components(reference)
        if ref.scheme != nil {
            return ref.with(path: removeDotSegments(ref.path)).joined
        }
        let baseParts = Components(base)
        var target = Components(scheme: baseParts.scheme, authority: nil, path: "", query: nil, fragment: ref.fragment)
        if let authority = ref.authority {
            target.authority = authority
            target.path = removeDotSegments(ref.path)
            target.query = ref.query
        } else {
            target.authority = baseParts.authority
            if ref.path.isEmpty {
                target.path = baseParts.path
                target.query = ref.query ?? baseParts.query
            } else {
                if ref.path.utf8.first == UInt8(ascii: "/") {
                    target.path = removeDotSegments(ref.path)
                } else {
                    target.path = removeDotSegments(merge(base: baseParts, path: ref.path))
                }
                target.query = ref.query
            }
        }
        return target.joined
    }

    /// Whether `reference` starts with a scheme (`https:`) and holds no `/.` anywhere (so no
    /// `.` or `..` path segment): resolving it changes nothing.
    static func isAbsoluteWithoutDotSegments(_ reference: String) -> Bool {
        var sawSchemeCharacter = false
        var schemeEnded = false
        var previous: UInt8 = 0
        for byte in reference.utf8 {
            if !schemeEnded {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    sawSchemeCharacter = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    guard sawSchemeCharacter else { return false }
                case UInt8(ascii: ":"):
                    guard sawSchemeCharacter else { return false }
                    schemeEnded = true
                default:
                    return false
                }
            } else if byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/") {
                return false
            }
            previous = byte
        }
        return schemeEnded
    }

    /// Splits `url` at its first `#`: the URL without the fragment, and the fragment.
    public static func splitFragment(_ url: String) -> (url: String, fragment: String?) {
        guard let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (url, nil) }
        return (String(url[..<hash]), String(url[url.utf8.index(after: hash)...]))
    }

    /// The last path segment of `url` (query and fragment ignored), percent-decoded: the file
    /// name a distribution link points at.
    public static func lastPathSegment(_ url: String) -> String {
        var path = Substring(splitFragment(url).url)
        if let question = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = path[..<question] }
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { path = path[path.utf8.index(after: slash)...] }
        return percentDecoded(String(path))
    }

    /// `text` with `%XX` escapes decoded (invalid escapes and invalid UTF-8 are kept as written).
    public static func percentDecoded(_ text: String) -> String {
        PercentEncoding.decode(text)
    }

    /// A `file://` URL for an absolute local path, percent-encoding what a URL path may not hold.
    public static func fileURL(path: String) -> String {
        (path.hasPrefix("/") ? "file://" : "file:///") + PercentEncoding.encodePath(path)
    }

    /// RFC 3986 §5.2.3.
    private static func merge(base: Components, path: String) -> String {
        if base.authority != nil, base.path.isEmpty { return "/" + path }
        guard let slash = base.path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4, over `/`-separated segments.
    static func removeDotSegments(_ path: String) -> String {
        let bytes = Array(path.utf8)
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        let segments = bytes.split(separator: slash, omittingEmptySubsequences: false)
        func isDots(_ segment: ArraySlice<UInt8>) -> Bool {
            segment.count == 1 && segment.first == dot || segment.count == 2 && segment.allSatisfy { $0 == dot }
        }
        guard segments.contains(where: isDots) else { return path }
        let absolute = bytes.first == slash
        var output: [ArraySlice<UInt8>] = []
        for (position, segment) in segments.enumerated() {
            if absolute, position == 0 { continue }
            let isLast = position == segments.count - 1
            if segment.count == 1, segment.first == dot {
                if isLast { output.append([]) }
            } else if segment.count == 2, segment.allSatisfy({ $0 == dot }) {
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append([]) }
            } else {
                output.append(segment)
            }
        }
        var result: [UInt8] = absolute ? [slash] : []
        for (index, segment) in output.enumerated() {
            if index > 0 { result.append(slash) }
            result.append(contentsOf: segment)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A URL cut into scheme, authority, path, query and fragment (RFC 3986 appendix B).
    struct Components {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
            self.scheme = scheme
            self.authority = authority
            self.path = path
            self.query = query
            self.fragment = fragment
        }

        init(_ url: String) {
            var rest = Substring(url)
            if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
                fragment = String(rest[rest.utf8.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
                query = String(rest[rest.utf8.index(after: question)...])
                rest = rest[..<question]
            }
            if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), Self.isScheme(rest[..<colon]) {
                scheme = String(rest[..<colon])
                rest = rest[rest.utf8.index(after: colon)...]
            }
            if rest.utf8.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
                rest = rest[rest.utf8.index(rest.startIndex, offsetBy: 2)...]
                let end = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
        static func isScheme(_ text: Substring) -> Bool {
            func isLetter(_ byte: UInt8) -> Bool {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            }
            guard let first = text.utf8.first, isLetter(first) else { return false }
            return text.utf8.allSatisfy { byte in
                isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
        }

        func with(path: String) -> Components {
            var copy = self
            copy.path = path
            return copy
        }

        var joined: String {
            var result = ""
            if let scheme { result += scheme + ":" }
            if let authority { result += "//" + authority }
            result += path
            if let query { result += "?" + query }
            if let fragment { result += "#" + fragment }
            return result
        }
    }
}
