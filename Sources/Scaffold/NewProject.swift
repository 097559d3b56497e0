import SuvBasics

/// What every project template writes into `[project]`: the facts `suv init` settled before
/// any file is written.
public struct NewProject: Sendable, Equatable {
    /// The project's name; written normalized (`Foo_Bar` → `foo-bar`).
    public var name: PackageName
    /// `requires-python`, as written (`>=3.12`, `>=3.10, <3.13`).
    public var requiresPython: String
    /// `description`, or none.
    public var description: String?
    /// Whether the project has a `README.md` (and a `readme` key).
    public var readme: Bool
    /// `authors`, or none.
    public var author: ProjectAuthor?

    public init(name: PackageName, requiresPython: String, description: String? = nil, readme: Bool = false,
                author: ProjectAuthor? = nil) {
        self.name = name
        self.requiresPython = requiresPython
        self.description = description
        self.readme = readme
        self.author = author
    }

    /// The description uv writes when none is given.
    public static let defaultDescription = "Add your description here"

    /// The import name: the normalized name with `-` replaced by `_` (`foo-bar` → `foo_bar`).
    public var moduleName: String {
        String(name.normalized.map { $0 == "-" ? "_" : $0 })
    }
}

/// One entry of `authors`, as uv fills it from `git config user.name` / `user.email`.
public struct ProjectAuthor: Sendable, Equatable {
    public var name: String?
    public var email: String?

    /// An author with at least one of a name and an email; `nil` when both are missing.
    public init?(name: String?, email: String?) {
        guard name != nil || email != nil else { return nil }
        self.name = name
        self.email = email
    }
}
