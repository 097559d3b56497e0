/// A kind of project `suv init` can create: the files it writes, `pyproject.toml` first.
///
/// uv's own layouts are ``UvProjectTemplate``; a template of suv's own (a web application, say)
/// conforms to this protocol, builds its `pyproject.toml` from ``PyProjectText`` and adds its
/// files, and the init runner writes whatever it returns.
public protocol ProjectTemplate: Sendable {
    /// The files of `project`, relative to its directory; `pyproject.toml` first.
    func files(for project: NewProject) -> [ScaffoldFile]

    /// The `.gitignore` written when `suv init` creates a Git repository (uv's by default).
    var gitIgnore: String { get }
}

extension ProjectTemplate {
    public var gitIgnore: String { GitIgnore.text }

    /// `README.md` (empty, as uv writes it) when the project has one.
    public func readme(for project: NewProject) -> [ScaffoldFile] {
        project.readme ? [ScaffoldFile("README.md", "")] : []
    }
}
