import TOML

/// The PEP 518/517 `[build-system]` table.
public struct BuildSystem: Sendable, Equatable {
    public var requires: [String]
    public var buildBackend: String?
    public var backendPath: [String]?

    public init(requires: [String], buildBackend: String? = nil, backendPath: [String]? = nil) {
        self.requires = requires
        self.buildBackend = buildBackend
        self.backendPath = backendPath
    }

    static func read(_ node: TOMLNode, _ reader: FieldReader) throws(TOMLError) -> BuildSystem {
        let table = try reader.table(node)
        guard let requires = table["requires"] else { throw reader.missingField("requires", in: node) }
        return BuildSystem(
            requires: try reader.strings(requires),
            buildBackend: try reader.optionalString(table, "build-backend"),
            backendPath: try reader.optionalStrings(table, "backend-path"))
    }
}
