import PackagingTypes

/// The facts an installer reads from a wheel's `.dist-info`: its name and version from
/// `METADATA`, and `Root-Is-Purelib` from `WHEEL` (whose `Wheel-Version` must be 1.x).
public struct WheelInfo: Sendable, Equatable {
    /// The `.dist-info` folder name, e.g. `omega-1.0.dist-info`.
    public var distInfo: String
    /// `Name` as written in `METADATA`.
    public var name: String
    /// `Version` as written in `METADATA`.
    public var version: String
    /// Whether the wheel's root goes to purelib (else platlib).
    public var rootIsPurelib: Bool

    public init(distInfo: String, name: String, version: String, rootIsPurelib: Bool) {
        self.distInfo = distInfo
        self.name = name
        self.version = version
        self.rootIsPurelib = rootIsPurelib
    }

    /// Reads `METADATA` and `WHEEL` texts.
    public init(distInfo: String, metadata: String, wheel: String) throws(WheelInfoError) {
        let headers = MetadataHeaders(parsing: metadata)
        guard let name = headers.fields.first(where: { $0.name.lowercased() == "name" })?.value, !name.isEmpty else {
            throw .missingField("Name")
        }
        guard let version = headers.fields.first(where: { $0.name.lowercased() == "version" })?.value, !version.isEmpty else {
            throw .missingField("Version")
        }
        let wheelHeaders = MetadataHeaders(parsing: wheel)
        let rootIsPurelib = wheelHeaders.fields.first(where: { $0.name == "Root-Is-Purelib" })?.value
            .trimmingCharacters(in: " \t") == "true"
        let wheelVersion = wheelHeaders.fields.first(where: { $0.name == "Wheel-Version" })?.value.trimmingCharacters(in: " \t")
        guard let wheelVersion, let dot = wheelVersion.firstIndex(of: ".") else {
            throw .invalidWheelVersion(wheelVersion.map { "Some(\"\($0)\")" } ?? "None")
        }
        let major = wheelVersion[..<dot]
        if !(major == "0" && wheelVersion[wheelVersion.index(after: dot)...] == "1") && major != "1" {
            throw .unsupportedWheelVersion(String(major))
        }
        self.init(distInfo: distInfo, name: name, version: version, rootIsPurelib: rootIsPurelib)
    }
}

/// Why a wheel's `METADATA` or `WHEEL` is unusable.
public enum WheelInfoError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingField(String)
    case invalidWheelVersion(String)
    case unsupportedWheelVersion(String)

    public var description: String {
        switch self {
        case .missingField(let field): "METADATA has no `\(field)` field"
        case .invalidWheelVersion(let text): "Invalid Wheel-Version in WHEEL file: \(text)"
        case .unsupportedWheelVersion(let major): "Unsupported wheel major version (expected 1, got \(major))"
        }
    }
}
