/// Accumulates the lines of a lock: `key = value` lines and headers preceded by a blank line.
struct TextLines {
    private(set) var text = ""

    /// `key = value`, the value already rendered.
    mutating func key(_ key: String, _ value: String) {
        text += TOMLText.key(key) + " = " + value + "\n"
    }

    /// A table header (`[manifest]`, `[[package]]`) after one blank line.
    mutating func header(_ header: String) {
        if !text.isEmpty { text += "\n" }
        text += header + "\n"
    }

    /// A multi-line array of marker strings; nothing when empty.
    mutating func markers(_ key: String, _ markers: [String]) {
        guard !markers.isEmpty else { return }
        self.key(key, TOMLText.multiLineArray(markers.map(TOMLText.string)))
    }

    /// A requirement array in uv's metadata layout (sorted; one line for 0/1 element).
    mutating func requirements(_ key: String, _ requirements: [LockRequirement], skipEmpty: Bool = true) {
        if skipEmpty && requirements.isEmpty { return }
        let rendered = requirements.sorted(by: LockOrdering.requirements).map(LockWriter.requirement)
        self.key(key, TOMLText.compactArray(rendered))
    }
}
