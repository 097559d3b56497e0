import PEP508
import PyProject
import SuvBasics

/// What a source tree asks to be built with: `[build-system]` of its `pyproject.toml`, or
/// PEP 517's fallback (`setuptools.build_meta:__legacy__` with `setuptools>=40.8.0`) when the
/// file or the table is absent, or the table names no backend.
public struct BuildSystemSpec: Sendable, Equatable {
    /// The build requirements (`requires`).
    public var requires: [Requirement]
    /// The backend object, `module` or `module:object`.
    public var backend: String
    /// Folders (relative to the source tree) put first on `sys.path` to import the backend from.
    public var backendPath: [String]

    public static let legacyBackend = "setuptools.build_meta:__legacy__"

    public init(requires: [Requirement], backend: String, backendPath: [String] = []) {
        self.requires = requires
        self.backend = backend
        self.backendPath = backendPath
    }

    /// Reads `<tree>/pyproject.toml` (if any).
    public static func read(sourceTree tree: String) throws -> BuildSystemSpec {
        guard let bytes = BuildFiles.read(tree + "/pyproject.toml") else { return try legacy(requires: nil) }
        let pyproject = try PyProjectToml(parsing: String(decoding: bytes, as: UTF8.self))
        guard let table = pyproject.buildSystem else { return try legacy(requires: nil) }
        let requires = try parse(table.requires)
        guard let backend = table.buildBackend, !backend.isEmpty else { return try legacy(requires: requires) }
        return BuildSystemSpec(requires: requires, backend: backend, backendPath: table.backendPath ?? [])
    }

    static func legacy(requires: [Requirement]?) throws -> BuildSystemSpec {
        BuildSystemSpec(requires: try requires ?? parse(["setuptools>=40.8.0"]), backend: legacyBackend)
    }

    static func parse(_ texts: [String]) throws -> [Requirement] {
        try texts.map { text in
            do {
                return try Requirement(parsing: text)
            } catch {
                throw error.context("Invalid requirement in `build-system.requires`: `\(text)`")
            }
        }
    }
}
