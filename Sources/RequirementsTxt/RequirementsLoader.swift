/// Supplies the text of requirements files, so that parsing itself does no I/O.
///
/// Paths are passed as the parser built them: the top-level path as given, included files
/// joined onto the including file's directory (e.g. `requirements/dev.txt`), and `http(s)://`
/// includes verbatim. A loader that cannot read a path throws; the parser wraps the error in a
/// ``RequirementsTxtError`` naming the file.
public protocol RequirementsLoader {
    /// Returns the whole text of the file at `path`.
    func load(path: String) throws -> String
}

/// A ``RequirementsLoader`` over a closure, e.g. a dictionary lookup in tests.
public struct ClosureRequirementsLoader: RequirementsLoader, Sendable {
    private let body: @Sendable (String) throws -> String

    /// Creates a loader calling `body` with each path.
    public init(_ body: @escaping @Sendable (String) throws -> String) {
        self.body = body
    }

    public func load(path: String) throws -> String {
        try body(path)
    }
}
