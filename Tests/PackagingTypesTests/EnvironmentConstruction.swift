import PackagingTypes

/// Reads an environment's `construction` text (how the oracle built its tag list) back into a
/// ``TagEnvironment``, so held-out environments need no code changes.
///
/// The text has two halves joined by `; tags = `: the platform list
/// (`_manylinux.platform_tags([arch])` with a glibc version, `_musllinux.platform_tags([arch])`
/// with a musl version, `mac_platforms((major, minor), arch)`, or a literal list), then the tag
/// calls (`cpython_tags(python_version=…, abis=[…], …)` or `generic_tags(interpreter=…, abis=[…], …)`,
/// followed by `compatible_tags(python_version=…, interpreter=…, …)`).
struct EnvironmentConstruction {
    let environment: TagEnvironment
    /// The `interpreter=` given to `compatible_tags`, or nil for `None`.
    let compatibleInterpreter: String?
    /// The `interpreter=` given to `generic_tags`, if used.
    let genericInterpreter: String?

    struct Unrecognized: Error, CustomStringConvertible {
        let construction: String
        let detail: String
        var description: String { "unrecognized construction (\(detail)): \(construction)" }
    }

    init(_ text: String) throws {
        func fail(_ detail: String) -> Unrecognized { Unrecognized(construction: text, detail: detail) }
        func ints(_ match: Substring) -> [Int] {
            match.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        }
        func strings(_ match: Substring) -> [String] {
            match.split(separator: "'", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }

        let platform: TargetPlatform
        if let match = text.firstMatch(of: /_manylinux\.platform_tags\(\['([^']*)'\]\)\) with _get_glibc_version\(\) -> \((\d+), (\d+)\)/) {
            guard let major = Int(match.2), let minor = Int(match.3) else { throw fail("glibc") }
            platform = .manylinux(glibcMajor: major, glibcMinor: minor, arch: String(match.1))
        } else if let match = text.firstMatch(of: /_musllinux\.platform_tags\(\['([^']*)'\]\)\) with _get_musl_version\(\) -> \((\d+), (\d+)\)/) {
            guard let major = Int(match.2), let minor = Int(match.3) else { throw fail("musl") }
            platform = .musllinux(muslMajor: major, muslMinor: minor, arch: String(match.1))
        } else if let match = text.firstMatch(of: /mac_platforms\(\((\d+), (\d+)\), '([^']*)'\)/) {
            guard let major = Int(match.1), let minor = Int(match.2) else { throw fail("macOS") }
            platform = .macOS(major: major, minor: minor, arch: String(match.3))
        } else if let match = text.firstMatch(of: /^platforms = (\[[^\]]*\]);/) {
            let tags = strings(match.1)
            if tags.count == 1, let windows = WindowsArchitecture(platformTag: tags[0]) {
                platform = .windows(windows)
            } else {
                platform = .custom(platformTags: tags)
            }
        } else {
            throw fail("platforms")
        }

        guard let compatible = text.firstMatch(of: /compatible_tags\(python_version=\(([^)]*)\), interpreter=('[^']*'|None),/) else {
            throw fail("compatible_tags")
        }
        let version = ints(compatible.1)
        guard version.count == 2 else { throw fail("python_version") }
        compatibleInterpreter = compatible.2 == "None" ? nil : strings(compatible.2).first

        let implementation: PythonImplementation
        let abis: [String]
        if let match = text.firstMatch(of: /cpython_tags\(python_version=\(([^)]*)\), abis=(\[[^\]]*\])/) {
            guard ints(match.1) == version else { throw fail("cpython_tags version") }
            implementation = .cpython
            abis = strings(match.2)
            genericInterpreter = nil
        } else if let match = text.firstMatch(of: /generic_tags\(interpreter='([^']*)', abis=(\[[^\]]*\])/) {
            let interpreter = String(match.1)
            let short = interpreter.prefix { !$0.isNumber }
            implementation = short == "pp" ? .pypy : short == "cp" ? .cpython : .other(shortName: String(short))
            abis = strings(match.2)
            genericInterpreter = interpreter
        } else {
            throw fail("interpreter tags")
        }
        environment = TagEnvironment(
            implementation: implementation, pythonMajor: version[0], pythonMinor: version[1], abis: abis, platform: platform)
    }
}
