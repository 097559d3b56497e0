import TOML

/// The pieces of a new `pyproject.toml`, in uv 0.13.9's layout. Templates put them together.
public enum PyProjectText {
    /// The `[project]` table:
    ///
    /// ```toml
    /// [project]
    /// name = "foo"
    /// version = "0.1.0"
    /// description = "Add your description here"
    /// readme = "README.md"
    /// authors = [
    ///     { name = "Alice", email = "alice@example.com" }
    /// ]
    /// requires-python = ">=3.12"
    /// dependencies = []
    /// ```
    ///
    /// `dependencies` are requirement strings written one per line when there are any.
    public static func project(_ project: NewProject, dependencies: [String] = []) -> String {
        var text = "[project]\nname = \"\(project.name.normalized)\"\nversion = \"0.1.0\"\n"
        if let description = project.description {
            // uv writes the text between quotes as it is, which is invalid TOML for a quote or a
            // backslash; suv escapes those (the same bytes for every other description).
            text += "description = \(TOMLSerializer.renderString(description))\n"
        }
        if project.readme { text += "readme = \"README.md\"\n" }
        if let author = project.author { text += "authors = [\n    \(authorTable(author))\n]\n" }
        text += "requires-python = \(TOMLSerializer.renderString(project.requiresPython))\n"
        if dependencies.isEmpty {
            text += "dependencies = []\n"
        } else {
            text += "dependencies = [\n" + dependencies.map { "    \(TOMLSerializer.renderString($0)),\n" }.joined() + "]\n"
        }
        return text
    }

    /// `{ name = "Alice", email = "alice@example.com" }`, each string in the form uv's TOML
    /// writer chooses.
    public static func authorTable(_ author: ProjectAuthor) -> String {
        var entries: [String] = []
        if let name = author.name { entries.append("name = \(TOMLSerializer.renderPreferredString(name))") }
        if let email = author.email { entries.append("email = \(TOMLSerializer.renderPreferredString(email))") }
        return "{ " + entries.joined(separator: ", ") + " }"
    }

    /// `[project.scripts]` with one command running `<module>:<function>`.
    public static func scripts(command: String, module: String, function: String) -> String {
        "[project.scripts]\n\(TOMLSerializer.renderKey(command)) = \"\(module):\(function)\"\n"
    }

    /// Tables joined as uv joins them: one empty line between two tables.
    public static func joined(_ tables: [String]) -> String {
        tables.joined(separator: "\n")
    }
}
