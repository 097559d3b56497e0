/// One file of a new project: where it goes (relative to the project directory, `/`-separated)
/// and its exact text.
///
/// A scaffold never replaces a file: a file that already exists is left as it is, as uv leaves
/// an existing `README.md`, `main.py` or `src/<module>/__init__.py`.
public struct ScaffoldFile: Sendable, Equatable {
    /// The path relative to the project directory, e.g. `src/foo/__init__.py`.
    public var path: String
    /// The file's text.
    public var contents: String
    /// Whether only its owner may read it (mode 0600): a secret, such as a key.
    public var isPrivate: Bool

    public init(_ path: String, _ contents: String, isPrivate: Bool = false) {
        self.path = path
        self.contents = contents
        self.isPrivate = isPrivate
    }
}
