import TOML

/// The settings shared by `[tool.uv]` in `pyproject.toml` and the top level of `uv.toml`.
public struct UvSettings: Sendable, Equatable {
    public var index: [IndexEntry] = []
    public var indexURL: String?
    public var extraIndexURL: [String] = []
    public var findLinks: [String] = []
    public var noIndex: Bool?
    public var indexStrategy: IndexStrategy?
    public var prerelease: PrereleaseMode?
    public var resolution: ResolutionMode?
    public var forkStrategy: ForkStrategy?
    public var excludeNewer: String?
    public var linkMode: LinkMode?
    public var compileBytecode: Bool?
    public var cacheDir: String?
    public var noCache: Bool?
    public var offline: Bool?
    public var nativeTLS: Bool?
    /// `allow-insecure-host`: hosts (`host`, `host:port` or a URL) whose certificates are not
    /// verified.
    public var allowInsecureHost: [String] = []
    public var concurrentDownloads: Int?
    public var addBounds: AddBounds?
    public var requiredVersion: String?
    public var pythonPreference: String?
    public var pythonDownloads: String?
    /// `[pip]` / `[tool.uv.pip]`, kept as values for the pip interface.
    public var pip: TOMLTable?

    public init() {}

    static func read(_ table: TOMLTableView, _ reader: FieldReader) throws(TOMLError) -> UvSettings {
        var settings = UvSettings()
        if let index = table["index"] {
            for entry in try reader.array(index) { settings.index.append(try IndexEntry.read(entry, reader)) }
        }
        settings.indexURL = try reader.optionalString(table, "index-url")
        settings.extraIndexURL = try reader.optionalStrings(table, "extra-index-url") ?? []
        settings.findLinks = try reader.optionalStrings(table, "find-links") ?? []
        settings.noIndex = try reader.optionalBool(table, "no-index")
        settings.indexStrategy = try enumValue(table, "index-strategy", reader)
        settings.prerelease = try enumValue(table, "prerelease", reader)
        settings.resolution = try enumValue(table, "resolution", reader)
        settings.forkStrategy = try enumValue(table, "fork-strategy", reader)
        settings.linkMode = try enumValue(table, "link-mode", reader)
        settings.addBounds = try enumValue(table, "add-bounds", reader)
        settings.excludeNewer = try reader.optionalString(table, "exclude-newer")
        settings.compileBytecode = try reader.optionalBool(table, "compile-bytecode")
        settings.cacheDir = try reader.optionalString(table, "cache-dir")
        settings.noCache = try reader.optionalBool(table, "no-cache")
        settings.offline = try reader.optionalBool(table, "offline")
        settings.nativeTLS = try reader.optionalBool(table, "native-tls")
        if settings.nativeTLS == nil { settings.nativeTLS = try reader.optionalBool(table, "system-certs") }
        settings.allowInsecureHost = try reader.optionalStrings(table, "allow-insecure-host") ?? []
        settings.requiredVersion = try reader.optionalString(table, "required-version")
        settings.pythonPreference = try reader.optionalString(table, "python-preference")
        settings.pythonDownloads = try reader.optionalString(table, "python-downloads")
        if let downloads = table["concurrent-downloads"] {
            guard let count = downloads.integer, count > 0 else {
                throw reader.typeError(downloads, expected: "a nonzero usize")
            }
            settings.concurrentDownloads = Int(count)
        }
        if let pip = table["pip"] { settings.pip = try reader.table(pip).owned }
        return settings
    }

    private static func enumValue<T: RawRepresentable & CaseIterable>(
        _ table: TOMLTableView, _ key: String, _ reader: FieldReader
    ) throws(TOMLError) -> T? where T.RawValue == String {
        guard let node = table[key] else { return nil }
        return try reader.variant(node, T.allCases.map { ($0.rawValue, $0) })
    }
}
