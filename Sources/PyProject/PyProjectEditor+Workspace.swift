import SuvBasics
import TOML

extension PyProjectEditor {
    /// Adds `member` (a path relative to the workspace root, `/`-separated) to
    /// `[tool.uv.workspace].members`, creating the table and the array when missing, then lays
    /// the array out one member per line with a trailing comma, as uv's `add_workspace` does for
    /// `suv init` inside a workspace.
    ///
    /// Like uv, this refuses a `tool`, `tool.uv` or `tool.uv.workspace` written as an inline
    /// table, and `members` that is not an array.
    public mutating func addWorkspaceMember(_ member: String) throws(WorkspaceEditError) {
        let table = ["tool", "uv", "workspace"]
        for depth in 1 ... table.count {
            guard let node = document[Array(table.prefix(depth))] else { break }
            guard let view = node.table, !view.isInline else { throw .malformed }
        }
        let path = table + ["members"]
        if let node = document[path], node.array == nil { throw .malformed }
        do {
            if document[path] == nil { try document.setValueText("[]", at: path) }
        } catch {
            throw .edit(error)
        }
        guard var layout = document.arrayLayout(at: path) else { throw .malformed }
        let indentation = DependencyArrayFormatter.indentation(of: layout)
        // Appended bare, as uv pushes it: the comments around the other members move the way
        // uv's re-layout moves them.
        layout.items.append(TOMLArrayLayout.Item(prefix: "", value: TOMLSerializer.renderString(member), suffix: ""))
        do {
            try document.setArrayLayout(DependencyArrayFormatter.reformat(layout, indentation: indentation), at: path)
            edited = true
        } catch {
            throw .edit(error)
        }
    }
}

/// Why a member could not be added to `[tool.uv.workspace]`.
public enum WorkspaceEditError: SuvError, Equatable {
    /// `tool.uv.workspace` (or a table above it) is not a table of its own, or `members` is not
    /// an array.
    case malformed
    case edit(TOMLEditError)

    public var message: String {
        switch self {
        case .malformed: "Workspace in `pyproject.toml` is malformed"
        case .edit(let error): error.message
        }
    }
}
