/// pip's environment variable expansion: only `${NAME}` with `NAME` made of `A-Z`, `0-9` and
/// `_` is replaced; unknown variables and every other `$` are left as written.
///
/// uv also answers `${PROJECT_ROOT}` with the working directory when it is not set; callers
/// that want that put `PROJECT_ROOT` into the environment they pass.
struct EnvironmentExpansion: Sendable {
    let environment: [String: String]

    func expand(_ text: String) -> String {
        guard text.contains("${") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "$", index + 1 < scalars.count, scalars[index + 1] == "{",
               let (name, end) = Self.variable(in: scalars, from: index + 2),
               let value = environment[name]
            {
                result.append(contentsOf: value.unicodeScalars)
                index = end
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// The name of `NAME}` starting at `start` and the index after `}`.
    private static func variable(in scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var index = start
        var name = String.UnicodeScalarView()
        while index < scalars.count, isNameScalar(scalars[index]) {
            name.append(scalars[index])
            index += 1
        }
        guard !name.isEmpty, index < scalars.count, scalars[index] == "}" else { return nil }
        return (String(name), index + 1)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
