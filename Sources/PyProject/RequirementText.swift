import SuvBasics

/// A lenient look at a PEP 508 requirement string, enough to match `pyproject.toml` entries by
/// package name and marker while editing. Full parsing and validation belong to PEP 508.
struct RequirementText: Equatable {
    /// The normalized package name.
    let name: PackageName
    /// The marker after `;`, trimmed, or nil.
    let marker: String?

    init?(_ text: String) {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        let nameText = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        guard !nameText.isEmpty else { return nil }
        name = PackageName(String(nameText))
        if let semicolon = text.firstIndex(of: ";") {
            let markerText = text[text.index(after: semicolon)...].trimmingSpaces
            marker = markerText.isEmpty ? nil : markerText
        } else {
            marker = nil
        }
    }

    /// uv's sort key: the text before the first `>`, `<`, `=`, `~`, `!` or `@`, trimmed
    /// (so `flask[async]>=3` sorts as `flask[async]`).
    static func sortKey(_ text: String) -> String {
        let cut = text.firstIndex { ">=<~!@".contains($0) } ?? text.endIndex
        return String(text[..<cut]).trimmingSpaces
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
