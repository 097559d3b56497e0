import PyProject
import SuvBasics

/// The `[[tool.uv.index]]` entries of a project's own `pyproject.toml`: the only indexes a
/// `[tool.uv.sources]` entry may name (`torch = { index = "pytorch" }`). Indexes from
/// `uv.toml` files, `UV_INDEX` or `--index` cannot be referenced this way.
public struct ProjectIndexes: Sendable, Equatable {
    /// The entries in file order, with URLs resolved against the project directory.
    public var indexes: [ConfiguredIndex]

    public init(indexes: [ConfiguredIndex]) {
        self.indexes = indexes
    }

    /// The indexes of `pyproject` (read from `path`, shown as `displayPath`).
    ///
    /// - Throws: ``ConfigurationError/invalidIndexList(path:_:)`` for two `default = true`
    ///   entries or a repeated name; ``ConfigurationError/invalidIndexURL(_:origin:)`` for a
    ///   URL that does not parse.
    public init(pyproject: PyProjectToml, path: String, displayPath: String? = nil, home: String? = nil) throws(ConfigurationError) {
        let display = displayPath ?? path
        let entries = pyproject.toolUv?.settings.index ?? []
        if let problem = IndexListProblem.check(entries) { throw .invalidIndexList(path: display, problem) }
        let directory = PathText.parent(path) ?? "/"
        let origin = IndexOrigin.configuration(path: display, kind: .pyprojectToml, level: .project)
        var indexes: [ConfiguredIndex] = []
        for entry in entries {
            let parsed: (url: IndexURL, credentials: IndexCredentials?)
            do {
                parsed = try IndexURL.parse(entry.url, relativeTo: directory, home: home)
            } catch {
                throw .invalidIndexURL(error, origin: origin)
            }
            indexes.append(ConfiguredIndex(
                name: entry.name, url: parsed.url, isDefault: entry.isDefault, explicit: entry.explicit,
                format: entry.format, authenticate: entry.authenticate, ignoreErrorCodes: entry.ignoreErrorCodes,
                cacheControl: entry.cacheControl, publishURL: entry.publishURL, origin: origin,
                urlCredentials: parsed.credentials
            ))
        }
        self.indexes = indexes
    }

    /// The index a source of `package` names.
    ///
    /// - Parameter locations: the command's locations, used only to explain a miss: when a
    ///   `uv.toml` defines the name, the error hints that sources need the project's own index.
    /// - Throws: ``SourceIndexError`` when the project does not define `name`.
    public func index(named name: String, forPackage package: String, locations: IndexLocations? = nil) throws(SourceIndexError) -> ConfiguredIndex {
        if let index = indexes.first(where: { $0.name == name }) { return index }
        var hint: String?
        if let other = locations?.definitions.first(where: { $0.name == name }), let level = other.origin.configurationLevel {
            let place = switch level {
            case .user: "a user-level `uv.toml`"
            case .system: "a system-level `uv.toml`"
            case .project, .explicitFile: "a project-level `uv.toml`"
            }
            hint = "Index `\(name)` was found in \(place), but indexes referenced via `tool.uv.sources` must be defined in the project's `pyproject.toml`"
        }
        throw SourceIndexError(package: package, index: name, hint: hint)
    }
}

/// A `[tool.uv.sources]` entry that names an index the project does not define.
public struct SourceIndexError: SuvError, Equatable {
    public var package: String
    public var index: String
    public var hint: String?

    public init(package: String, index: String, hint: String? = nil) {
        self.package = package
        self.index = index
        self.hint = hint
    }

    public var message: String { "Package `\(package)` references an undeclared index: `\(index)`" }
    public var hints: [String] { hint.map { [$0] } ?? [] }
}
