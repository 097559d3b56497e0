extension MarkerEnvironment: Codable {
    /// Encodes the eleven values as an object keyed by marker name, the shape of packaging's
    /// `default_environment()` as JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MarkerNameKey.self)
        for variable in Self.standardVariables {
            try container.encode(self[variable] ?? "", forKey: MarkerNameKey(variable.rawValue))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MarkerNameKey.self)
        var values: [String: String] = [:]
        for variable in Self.standardVariables {
            values[variable.rawValue] = try container.decode(String.self, forKey: MarkerNameKey(variable.rawValue))
        }
        do {
            try self.init(values: values)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    /// The value of the marker called `key` (`python_version`, `sys_platform`, …), or `nil` for a
    /// name that is not one of the eleven.
    public func value(forKey key: String) -> String? {
        MarkerVariable(rawValue: key).flatMap { Self.standardVariables.contains($0) ? self[$0] : nil }
    }
}

/// A coding key that is a marker name.
private struct MarkerNameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
