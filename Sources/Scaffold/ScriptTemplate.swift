/// A PEP 723 script as `uv init --script` writes it: the metadata block (`requires-python`,
/// no dependencies), then the existing text, or nothing (`--bare`), or a `main()` greeting.
public enum ScriptTemplate {
    /// The script's new text.
    ///
    /// - Parameters:
    ///   - fileName: the script's file name, greeted by `main()` (`Hello from app.py!`).
    ///   - existing: the file's text when it already exists; it follows the block unchanged.
    public static func text(fileName: String, requiresPython: String, existing: String?, bare: Bool) -> String {
        let block = metadata("requires-python = \"\(requiresPython)\"\ndependencies = []")
        if let existing { return block + "\n" + existing }
        if bare { return block }
        return block + """


            def main() -> None:
                print("Hello from \(fileName)!")


            if __name__ == "__main__":
                main()

            """
    }

    /// TOML text as a `# /// script` comment block.
    static func metadata(_ toml: String) -> String {
        let lines = toml.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "#" : "# " + $0 }
        return "# /// script\n" + lines.joined(separator: "\n") + "\n# ///\n"
    }
}
