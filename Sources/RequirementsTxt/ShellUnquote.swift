/// POSIX-shell unquoting of option values (`-r "my reqs.txt"`), as uv applies to `-r`, `-c`,
/// index and binary options: single quotes are verbatim, double quotes allow `\"`, `\\`,
/// `` \` ``, `\$` and `\<newline>`, and a backslash outside quotes takes the next character
/// literally (`\<newline>` disappears).
enum ShellUnquote {
    /// The unquoted value, or `text` unchanged when it has nothing to unquote or a quote is
    /// left open.
    static func unquote(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "'" || $0 == "\"" || $0 == "\\" }) else { return text }
        var iterator = text.unicodeScalars.makeIterator()
        var result = String.UnicodeScalarView()
        while let scalar = iterator.next() {
            switch scalar {
            case "'":
                guard single(&iterator, into: &result) else { return text }
            case "\"":
                guard double(&iterator, into: &result) else { return text }
            case "\\":
                if let escaped = iterator.next(), escaped != "\n" { result.append(escaped) }
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func single(
        _ iterator: inout String.UnicodeScalarView.Iterator, into result: inout String.UnicodeScalarView
    ) -> Bool {
        while let scalar = iterator.next() {
            if scalar == "'" { return true }
            result.append(scalar)
        }
        return false
    }

    private static func double(
        _ iterator: inout String.UnicodeScalarView.Iterator, into result: inout String.UnicodeScalarView
    ) -> Bool {
        while let scalar = iterator.next() {
            switch scalar {
            case "\"":
                return true
            case "\\":
                guard let escaped = iterator.next() else { return false }
                if !["\"", "\\", "`", "$", "\n"].contains(escaped) { result.append("\\") }
                result.append(escaped)
            default:
                result.append(scalar)
            }
        }
        return false
    }
}
