import PEP440
import SuvBasics

/// What the user asked for with `--python`, `UV_PYTHON` or a line of `.python-version`, parsed
/// the way uv parses a Python request (`PythonRequest::parse` in `uv-python`).
///
/// The parse is pure text work; ``InterpreterFinder`` turns a request into candidate executables
/// and ``isSatisfied(by:)`` checks an interpreter's facts against it.
///
/// | text | request |
/// | --- | --- |
/// | `any`, empty | ``any`` |
/// | `3`, `3.12`, `3.12.1`, `312`, `3.13t` | ``version(_:)`` |
/// | `>=3.11,<3.13`, `==3.12.*` | ``version(_:)`` (a range) |
/// | `python3.12`, `python` | ``version(_:)`` / ``any`` |
/// | `cpython`, `pypy`, `graalpy` | ``implementation(_:)`` |
/// | `cpython@3.12`, `cpython3.12`, `cp312`, `pypy@3.10` | ``implementationVersion(_:_:)`` |
/// | `cpython-3.12.1-linux-x86_64-gnu` | ``key(_:)`` |
/// | `/usr/bin/python3`, `./venv`, `~/py` | ``path(_:)`` |
/// | anything else (`foo`, `3.*`) | ``executableName(_:)`` |
public enum InterpreterRequest: Sendable, Hashable, CustomStringConvertible {
    /// Any interpreter.
    case any
    /// A version (or range) of any implementation.
    case version(PythonVersionRequest)
    /// An implementation at any version.
    case implementation(PythonImplementationName)
    /// An implementation at a version.
    case implementationVersion(PythonImplementationName, PythonVersionRequest)
    /// An installation key, `cpython-3.12.1-linux-x86_64-gnu`: matched on implementation and
    /// version (the platform parts are taken as the host's).
    case key(String, PythonImplementationName, PythonVersionRequest)
    /// A file or directory (an interpreter, or an environment's root).
    case path(String)
    /// A program to look up on `PATH`.
    case executableName(String)

    /// Parses a request; only versions outside what uv supports are errors (`3.5`, `3.12t`).
    public static func parse(_ text: String) throws(InterpreterRequestError) -> InterpreterRequest {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty || trimmed.lowercased() == "any" || trimmed == "python" { return .any }
        let lower = trimmed.lowercased()

        // `python3.12`, `python3`: a version with the generic executable prefix.
        if lower.hasPrefix("python"), let version = PythonVersionRequest(String(lower.dropFirst("python".count))) {
            return .version(try version.validated())
        }
        if let version = PythonVersionRequest(trimmed) {
            return .version(try version.validated())
        }
        for implementation in PythonImplementationName.allCases {
            for name in [implementation.rawValue, implementation.shortName] where lower.hasPrefix(name) {
                let rest = String(lower.dropFirst(name.count))
                if rest.isEmpty, name == implementation.rawValue { return .implementation(implementation) }
                let versionText = rest.hasPrefix("@") ? String(rest.dropFirst()) : rest
                if !versionText.isEmpty, versionText.first?.isNumber == true || rest.hasPrefix("@"),
                   let version = PythonVersionRequest(versionText) {
                    return .implementationVersion(implementation, try version.validated())
                }
            }
        }
        if let key = parseKey(lower) { return key }
        if trimmed.contains("/") || trimmed.hasPrefix(".") || trimmed.hasPrefix("~") {
            return .path(trimmed)
        }
        return .executableName(trimmed)
    }

    /// `cpython-3.12.1-linux-x86_64-gnu` (and shorter prefixes such as `cpython-3.12`).
    private static func parseKey(_ text: String) -> InterpreterRequest? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let implementation = PythonImplementationName(rawValue: parts[0]),
              let version = PythonVersionRequest(parts[1]), case .exact = version.kind else { return nil }
        return .key(text, implementation, version)
    }

    /// How errors name the request: `Python 3.12`, `CPython 3.12`, `PyPy`, `Python >=3.13`,
    /// ``executable name `foo` ``, ``path `./venv` ``, or the key itself.
    public var description: String {
        switch self {
        case .any: "any Python"
        case .version(let version): "Python \(version)"
        case .implementation(let implementation): implementation.displayName
        case .implementationVersion(let implementation, let version): "\(implementation.displayName) \(version)"
        case .key(let text, _, _): text
        case .path(let path): "path `\(path)`"
        case .executableName(let name): "executable name `\(name)`"
        }
    }

    /// The text a pin writes for this request (`.python-version`): as typed for versions and
    /// implementations, which uv writes back in its canonical spelling.
    public var canonicalText: String {
        switch self {
        case .any: "any"
        case .version(let version): version.description
        case .implementation(let implementation): implementation.rawValue
        case .implementationVersion(let implementation, let version): "\(implementation.rawValue)@\(version)"
        case .key(let text, _, _): text
        case .path(let path): path
        case .executableName(let name): name
        }
    }

    /// The version part of the request, if it has one.
    public var versionRequest: PythonVersionRequest? {
        switch self {
        case .version(let version), .implementationVersion(_, let version), .key(_, _, let version): version
        default: nil
        }
    }

    /// The implementation the request names, if any.
    public var implementationName: PythonImplementationName? {
        switch self {
        case .implementation(let implementation), .implementationVersion(let implementation, _), .key(_, let implementation, _):
            implementation
        default: nil
        }
    }

    /// Whether an interpreter with these facts satisfies the request. Paths and executable names
    /// are satisfied by whatever they lead to.
    public func isSatisfied(by info: InterpreterInfo) -> Bool {
        if let implementation = implementationName, implementation.rawValue != info.markers.implementationName {
            return false
        }
        if let version = versionRequest, !version.matches(info) { return false }
        return true
    }

    /// Executable names to look for in a directory, best first: `python3.12`, `python3`,
    /// `python` (`pypy3.10`, `pypy3`, `pypy`, then the generic names, for PyPy).
    public var executableNames: [String] {
        if case .executableName(let name) = self { return [name] }
        var prefixes = ["python"]
        if let implementation = implementationName, implementation != .cpython {
            prefixes.insert(implementation.rawValue, at: 0)
        }
        let version = versionRequest
        var names: [String] = []
        for prefix in prefixes {
            if let major = version?.major, let minor = version?.minor {
                names.append("\(prefix)\(major).\(minor)\(version?.freethreaded == true ? "t" : "")")
            }
            names.append("\(prefix)\(version?.major ?? 3)")
            names.append(prefix)
        }
        return names
    }

    /// Whether a directory scan should also pick up every `python3.X` in it: for requests that
    /// do not pin a minor version (any, a major version, a range), as uv's `find_all_minor`.
    public var scansMinorVersions: Bool {
        switch self {
        case .path, .executableName: return false
        default:
            guard let version = versionRequest else { return true }
            if case .range = version.kind { return true }
            return version.minor == nil
        }
    }
}

/// A request's version part: `3`, `3.12`, `3.12.1`, `3.13t`, or specifiers (`>=3.11,<3.13`).
public struct PythonVersionRequest: Sendable, Hashable, CustomStringConvertible {
    /// What was asked for.
    public enum Kind: Sendable, Hashable {
        /// Release numbers: one to three of them.
        case exact([Int])
        /// A specifier set.
        case range(VersionSpecifiers)
    }

    public var kind: Kind
    /// `3.13t`: a free-threaded build.
    public var freethreaded: Bool
    /// `3.13+gil`: explicitly not free-threaded.
    public var gil: Bool

    /// Parses `3.12`, `312` (as `3.12`), `3.12.1`, `3.13t`, `3.13+freethreaded`, `3.13+gil`,
    /// or a specifier set starting with an operator; `nil` for anything else.
    public init?(_ text: String) {
        var body = text.trimmingWhitespace()
        freethreaded = false
        gil = false
        if body.isEmpty { return nil }
        if let first = body.first, "<>=!~".contains(first) {
            guard let specifiers = try? VersionSpecifiers(parsing: body), !specifiers.isEmpty else { return nil }
            kind = .range(specifiers)
            return
        }
        if body.hasSuffix("+freethreaded") {
            body.removeLast("+freethreaded".count)
            freethreaded = true
        } else if body.hasSuffix("+gil") {
            body.removeLast("+gil".count)
            gil = true
        } else if body.hasSuffix("t") {
            body.removeLast()
            freethreaded = true
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1 ... 3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        var numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        // `312` means 3.12, `3` means Python 3 (uv's short forms).
        if numbers.count == 1, parts[0].count >= 2, let first = parts[0].first, let major = Int(String(first)) {
            guard let minor = Int(parts[0].dropFirst()) else { return nil }
            numbers = [major, minor]
        }
        kind = .exact(numbers)
    }

    /// A range request over `specifiers` (`requires-python`).
    public init(specifiers: VersionSpecifiers) {
        kind = .range(specifiers)
        freethreaded = false
        gil = false
    }

    /// The major version, for exact requests.
    public var major: Int? {
        if case .exact(let numbers) = kind { return numbers.first }
        return nil
    }

    /// The minor version, for exact requests that give one.
    public var minor: Int? {
        if case .exact(let numbers) = kind, numbers.count > 1 { return numbers[1] }
        return nil
    }

    /// Rejects what uv rejects: Pythons older than 3.6 and free-threading before 3.13.
    func validated() throws(InterpreterRequestError) -> PythonVersionRequest {
        guard case .exact(let numbers) = kind else { return self }
        if numbers[0] < 3 || (numbers[0] == 3 && numbers.count >= 2 && numbers[1] < 6) {
            throw .unsupportedVersion(description)
        }
        if freethreaded, numbers.count >= 2, numbers[0] == 3, numbers[1] < 13 {
            throw .freethreadingUnsupported("\(numbers.map(String.init).joined(separator: "."))+freethreaded")
        }
        return self
    }

    /// Whether the interpreter's version (and build) is what was asked for.
    public func matches(_ info: InterpreterInfo) -> Bool {
        let version = info.versionInfo
        let threaded = info.tags.gilDisabled ?? false
        if freethreaded && !threaded { return false }
        if gil && threaded { return false }
        switch kind {
        case .exact(let numbers):
            let actual = [version.major, version.minor, version.micro]
            return zip(numbers, actual).allSatisfy { $0 == $1 }
        case .range(let specifiers):
            return specifiers.satisfied(by: info.fullVersion)
        }
    }

    /// `3.12`, `3.13t`, `>=3.11, <3.13` as written (ranges in uv's spelling: clauses joined by `, `).
    public var description: String {
        switch kind {
        case .exact(let numbers):
            return numbers.map(String.init).joined(separator: ".") + (freethreaded ? "t" : gil ? "+gil" : "")
        case .range(let specifiers):
            return specifiers.specifiers.map(\.description).joined(separator: ", ")
        }
    }
}

/// Python implementations a request may name.
public enum PythonImplementationName: String, Sendable, Hashable, CaseIterable {
    case cpython
    case pypy
    case graalpy

    /// The short form in `cp312`, `pp310`, `gp311`.
    public var shortName: String {
        switch self {
        case .cpython: "cp"
        case .pypy: "pp"
        case .graalpy: "gp"
        }
    }

    /// `CPython`, `PyPy`, `GraalPy`.
    public var displayName: String {
        switch self {
        case .cpython: "CPython"
        case .pypy: "PyPy"
        case .graalpy: "GraalPy"
        }
    }
}

/// A request uv refuses before looking for anything.
public enum InterpreterRequestError: SuvError, Hashable {
    /// `3.5`, `2.7`: older than the 3.6 uv supports.
    case unsupportedVersion(String)
    /// `3.12t`: free-threading needs 3.13.
    case freethreadingUnsupported(String)

    public var message: String {
        switch self {
        case .unsupportedVersion(let version):
            "Invalid version request: Python <3.6 is not supported but \(version) was requested."
        case .freethreadingUnsupported(let version):
            "Invalid version request: Python <3.13 does not support free-threading but \(version) was requested."
        }
    }
}

extension InterpreterInfo {
    /// `sys.version_info` as a PEP 440 version (`3.13.0rc1` for a pre-release).
    public var fullVersion: Version {
        Version(versionInfo.description) ?? Version(release: [UInt64(versionInfo.major), UInt64(versionInfo.minor), UInt64(versionInfo.micro)])
    }

    /// `CPython 3.12.1`, as uv names an interpreter in its messages.
    public var displayName: String {
        let version = "\(versionInfo.major).\(versionInfo.minor).\(versionInfo.micro)"
        switch markers.implementationName {
        case "cpython": return "CPython \(version)"
        case "pypy": return "PyPy \(version)"
        case "graalpy": return "GraalPy \(version)"
        default: return "\(implementation) \(version)"
        }
    }
}
