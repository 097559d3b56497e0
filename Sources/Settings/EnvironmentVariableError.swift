import SuvBasics

/// A variable whose value cannot be used, worded as uv words it.
public struct EnvironmentVariableError: SuvError, Equatable {
    public var name: String
    public var value: String
    public var reason: String

    public init(name: String, value: String, reason: String) {
        self.name = name
        self.value = value
        self.reason = reason
    }

    public var message: String {
        "Failed to parse environment variable `\(name)` with invalid value `\(value)`: \(reason)"
    }
}
