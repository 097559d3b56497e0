extension MarkerTree {
    /// Parses a marker with packaging's grammar: `and` binds tighter than `or`, parentheses are
    /// kept as ``group(_:)``, strings take single or double quotes (with Python escapes), `in`
    /// and `not in` are operators, either side may be a literal, legacy names (`os.name`,
    /// `sys.platform`, `platform.machine`, `platform.version`, `python_implementation`,
    /// `platform.python_implementation`) map to the new ones, and spaces and tabs separate
    /// tokens. The literal compared with `extra` is PEP 503-normalized, as packaging does,
    /// except inside parentheses (packaging normalizes only the outer comparisons).
    public init(parsing text: String) throws(MarkerParseError) {
        var scanner = PEP508Scanner(text)
        do {
            self = try scanner.parseFullMarker()
        } catch {
            throw MarkerParseError(input: text, error)
        }
    }
}
