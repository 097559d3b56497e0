/// A parsed requirements file with its `-r` includes flattened in and its `-c` constraints
/// collected, as uv's `RequirementsTxt`.
///
/// Parse one with ``parse(path:loader:environment:)``; the loader supplies file contents, so
/// parsing itself does no I/O.
public struct RequirementsFile: Sendable, Hashable {
    /// Requirement lines, included files' in place of their `-r` line.
    public var requirements: [RequirementEntry] = []
    /// Requirements of `-c` files (and of everything those include). Always named.
    public var constraints: [RequirementEntry] = []
    /// `-e`/`--editable` entries: unnamed directories or URLs, or named requirements with a URL.
    public var editables: [RequirementEntry] = []
    /// `-i`/`--index-url`, `${VAR}` expanded.
    public var indexURL: String?
    /// `--extra-index-url` values in order.
    public var extraIndexURLs: [String] = []
    /// `-f`/`--find-links` values in order, as written (relative paths are not resolved).
    public var findLinks: [String] = []
    /// `--no-index`.
    public var noIndex = false
    /// `--require-hashes`.
    public var requireHashes = false
    /// `--pre` (uv itself only warns about it).
    public var pre = false
    /// `--no-binary` values in order.
    public var noBinary: [PackageNameSpecifier] = []
    /// `--only-binary` values in order.
    public var onlyBinary: [PackageNameSpecifier] = []
    /// Options uv ignores with a warning (`--prefer-binary`, `--trusted-host`, `--use-feature`).
    public var ignoredOptions: [IgnoredOption] = []

    /// An empty file.
    public init() {}

    /// Reads `path` through `loader` and parses it, following `-r` and `-c` includes.
    ///
    /// Includes are resolved against the including file's directory. A file already included
    /// (by lexical path identity) is skipped, with `-r` and `-c` tracked separately as uv does;
    /// like uv, the top-level file is not marked, so a cycle back to it includes it once more.
    /// `${VAR}` references are expanded from `environment` (unknown ones stay as written).
    public static func parse(
        path: String, loader: some RequirementsLoader, environment: [String: String] = [:]
    ) throws(RequirementsTxtError) -> RequirementsFile {
        var parser = IncludeParser(loader: loader, expansion: EnvironmentExpansion(environment: environment))
        return try parser.parseFile(path, mode: .requirements)
    }

    /// Parses `contents` as the file `path` (e.g. `-` for standard input); includes are read
    /// through `loader`, relative to `path`'s directory.
    public static func parse(
        contents: String, path: String, loader: some RequirementsLoader, environment: [String: String] = [:]
    ) throws(RequirementsTxtError) -> RequirementsFile {
        var parser = IncludeParser(loader: loader, expansion: EnvironmentExpansion(environment: environment))
        return try parser.parse(contents: contents, file: path, mode: .requirements)
    }

    /// Adds a nested `-r` file's contents, keeping this file's index URL if it has one.
    mutating func merge(_ other: RequirementsFile) {
        requirements += other.requirements
        constraints += other.constraints
        editables += other.editables
        if indexURL == nil { indexURL = other.indexURL }
        extraIndexURLs += other.extraIndexURLs
        findLinks += other.findLinks
        noIndex = noIndex || other.noIndex
        requireHashes = requireHashes || other.requireHashes
        pre = pre || other.pre
        noBinary += other.noBinary
        onlyBinary += other.onlyBinary
        ignoredOptions += other.ignoredOptions
    }
}
