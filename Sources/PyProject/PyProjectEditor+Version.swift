import TOML

extension PyProjectEditor {
    /// Sets `[project].version` (`suv version 1.2.0`, `--bump`): the value is replaced by a
    /// basic string in place, keeping the spacing and comment around it, or added at the end of
    /// `[project]` when missing, as uv's `set_version` does.
    public mutating func setVersion(_ version: String) throws(PyProjectEditError) {
        guard document.root["project"] != nil else { throw .missingProjectTable }
        do {
            try document.setValue(.string(version), at: ["project", "version"])
            edited = true
        } catch {
            throw .edit(error)
        }
    }
}
