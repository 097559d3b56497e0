/// Everything settings resolution reads from the outside world: the environment variables,
/// the working directory and the file system. Passed in (never read from the process) so that
/// tests point `HOME`, `XDG_*` and the working directory at temp dirs.
public struct SettingsEnvironment: Sendable {
    /// The environment variables (`ProcessInfo.processInfo.environment` in the real program).
    public var variables: [String: String]
    /// The absolute working directory (the base for relative paths from flags and variables).
    public var workingDirectory: String
    /// Where files are read.
    public var fileSystem: any SettingsFileSystem

    public init(
        variables: [String: String],
        workingDirectory: String,
        fileSystem: any SettingsFileSystem = LocalFileSystem()
    ) {
        self.variables = variables
        self.workingDirectory = PathText.normalize(workingDirectory)
        self.fileSystem = fileSystem
    }

    /// The raw value of a variable (possibly empty).
    public subscript(_ name: String) -> String? { variables[name] }

    /// The value of a variable when set and not empty.
    public func nonEmpty(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// `$HOME`, when set.
    public var homeDirectory: String? { nonEmpty("HOME") }

    /// `path` made absolute against `directory` (the working directory by default), with `~`
    /// expanded.
    public func absolutePath(_ path: String, relativeTo directory: String? = nil) -> String {
        PathText.absolute(PathText.expandingTilde(path, home: homeDirectory), in: directory ?? workingDirectory)
    }

    /// A boolean variable the way uv (and clap) read it: `nil` when unset; `1/0`, `true/false`,
    /// `yes/no`, `y/n`, `on/off`, `t/f` in any case.
    ///
    /// - Throws: ``EnvironmentVariableError`` for anything else.
    public func boolean(_ name: String) throws(EnvironmentVariableError) -> Bool? {
        guard let value = variables[name] else { return nil }
        switch value.lowercased() {
        case "y", "yes", "t", "true", "on", "1": return true
        case "n", "no", "f", "false", "off", "0": return false
        default: throw EnvironmentVariableError(name: name, value: value, reason: "expected a boolish value")
        }
    }

    /// A non-negative integer variable; `nil` when unset or empty (as uv). `help` is appended
    /// to the reason when the value does not parse.
    public func integer(_ name: String, nonZero: Bool = false, help: String? = nil) throws(EnvironmentVariableError) -> Int? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        func failure(_ reason: String) -> EnvironmentVariableError {
            EnvironmentVariableError(name: name, value: value, reason: help.map { "\(reason); \($0)" } ?? reason)
        }
        let digits = value.hasPrefix("+") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw failure("invalid digit found in string")
        }
        guard let number = Int(digits) else { throw failure("number too large to fit in target type") }
        if nonZero, number == 0 { throw failure("number would be zero for non-zero type") }
        return number
    }

    /// A variable naming one of a fixed set of values (`UV_RESOLUTION=lowest`).
    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type = T.self) throws(EnvironmentVariableError) -> T?
    where T.RawValue == String {
        guard let value = variables[name], !value.isEmpty else { return nil }
        if let match = T(rawValue: value) { return match }
        let expected = T.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        throw EnvironmentVariableError(name: name, value: value, reason: "expected one of \(expected)")
    }
}
