import TOML

extension ToolUv {
    /// Reads only the `[tool.uv]` table of a `pyproject.toml`, as uv's settings discovery does:
    /// the rest of the file (`[project]`, `[dependency-groups]`, ...) is not validated.
    ///
    /// - Returns: `nil` when the file has no `[tool.uv]` table.
    /// - Throws: ``PyProjectError/invalid(file:_:)`` for invalid TOML or a bad `[tool.uv]` value.
    public static func read(fromPyproject text: String, fileName: String = "pyproject.toml") throws(PyProjectError) -> ToolUv? {
        do throws(TOMLError) {
            let document = try TOMLDocument(parsing: text)
            let reader = FieldReader(document: document)
            guard let tool = document.root["tool"], let uv = try reader.table(tool)["uv"] else { return nil }
            return try ToolUv.read(uv, reader)
        } catch {
            throw .invalid(file: fileName, error)
        }
    }
}
