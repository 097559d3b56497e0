import SuvBasics
import TOML

/// PEP 723 inline script metadata: the `# /// script` … `# ///` comment block of a Python
/// script, read as TOML (`dependencies`, `requires-python`, `[tool.uv]`).
public struct InlineScriptMetadata: Sendable {
    /// `dependencies`, as written.
    public var dependencies: [String]
    /// `requires-python`, as written.
    public var requiresPython: String?
    /// `[tool.uv]`, when present.
    public var toolUv: ToolUv?

    /// The metadata of `source`, or `nil` when the script has no `script` block. A block
    /// opened twice, or left unclosed, is an error, as PEP 723 requires.
    public init?(scriptSource source: String, fileName: String) throws(PyProjectError) {
        guard let text = try Self.block(in: source, fileName: fileName) else { return nil }
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw .invalid(file: fileName, error)
        }
        let reader = FieldReader(document: document)
        do throws(TOMLError) {
            let root = document.root
            dependencies = try reader.optionalStrings(root, "dependencies") ?? []
            requiresPython = try root["requires-python"].map { node throws(TOMLError) in try reader.string(node) }
            if let tool = root["tool"], let uv = try reader.table(tool)["uv"] {
                toolUv = try ToolUv.read(uv, reader)
            }
        } catch {
            throw .invalid(file: fileName, error)
        }
    }

    /// The TOML text of the `script` block: each line without its leading `# ` (or `#`).
    static func block(in source: String, fileName: String) throws(PyProjectError) -> String? {
        var content: [Substring]?
        var found: String?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map({ $0.hasSuffix("\r") ? $0.dropLast() : $0 }) {
            if var lines = content {
                if line == "# ///" {
                    guard found == nil else { throw .invalid(file: fileName, TOMLError("multiple `script` metadata blocks", offset: 0, in: Array(source.utf8))) }
                    found = lines.joined(separator: "\n") + "\n"
                    content = nil
                } else if line == "#" {
                    lines.append("")
                    content = lines
                } else if line.hasPrefix("# ") {
                    lines.append(line.dropFirst(2))
                    content = lines
                } else {
                    content = nil
                }
            } else if line == "# /// script" {
                content = []
            }
        }
        return found
    }
}
