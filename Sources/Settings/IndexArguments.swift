import PyProject

/// The index flags as given on the command line (not merged with `UV_*` variables: the
/// resolver reads those itself, each only when its flag is absent, as clap's `env` does).
public struct IndexArguments: Sendable, Equatable {
    /// `--index` (repeatable; `URL`, `name=URL` or a path).
    public var index: [String]
    /// `--default-index`.
    public var defaultIndex: String?
    /// `--index-url` / `-i` (legacy default index).
    public var indexURL: String?
    /// `--extra-index-url` (legacy extra indexes).
    public var extraIndexURL: [String]
    /// `--find-links` / `-f`.
    public var findLinks: [String]
    /// `--no-index`.
    public var noIndex: Bool
    /// `--index-strategy`.
    public var indexStrategy: IndexStrategy?

    public init(
        index: [String] = [], defaultIndex: String? = nil, indexURL: String? = nil, extraIndexURL: [String] = [],
        findLinks: [String] = [], noIndex: Bool = false, indexStrategy: IndexStrategy? = nil
    ) {
        self.index = index
        self.defaultIndex = defaultIndex
        self.indexURL = indexURL
        self.extraIndexURL = extraIndexURL
        self.findLinks = findLinks
        self.noIndex = noIndex
        self.indexStrategy = indexStrategy
    }
}
