import PEP440

/// How a package's version set is printed in an explanation, as uv prints it.
struct PackageRangeText {
    /// Which side of a sentence the set is on; it decides the words for "any version" and the
    /// heading of a multi-line list.
    enum Kind {
        /// What something depends on: `a`, `one of:`.
        case dependency
        /// Versions something is said about: `all versions of a`, `all of:`.
        case compatibility
        /// Versions that exist: `are available:`.
        case available
    }

    let package: PackageID
    let ranges: VersionRanges
    let kind: Kind
    let rootName: String?

    /// Whether the predicate after this set takes the plural ("depend on").
    var isPlural: Bool {
        guard let first = ranges.segments.first else { return false }
        if kind == .compatibility, first.lower == .unbounded, first.upper == .unbounded { return true }
        return ranges.segments.count > 1
    }

    var text: String {
        if let rootName { return rootName }
        let name = package.description
        if ranges.isEmpty { return "\(name) ∅" }
        let pieces = ranges.segments.map { segment(name, $0) }
        guard pieces.count > 1 else { return pieces[0] }
        let heading: String
        switch kind {
        case .dependency: heading = "one of:"
        case .compatibility: heading = "all of:"
        case .available: heading = "are available:"
        }
        return heading + pieces.map { "\n    " + $0 }.joined() + "\n"
    }

    private func segment(_ name: String, _ segment: (lower: VersionRanges.Bound, upper: VersionRanges.Bound)) -> String {
        switch (segment.lower, segment.upper) {
        case (.unbounded, .unbounded):
            return kind == .compatibility ? "all versions of \(name)" : name
        case (.unbounded, .included(let high)):
            return "\(name)<=\(high.boundText)"
        case (.unbounded, .excluded(let high)):
            return "\(name)<\(high.boundText)"
        case (.included(let low), .unbounded):
            return "\(name)>=\(low.boundText)"
        case (.included(let low), .included(let high)):
            if low == high || (high.bound == .afterLocals && high.description == low.description && low.bound == .none) {
                return "\(name)==\(low)"
            }
            return "\(name)>=\(low.boundText),<=\(high.boundText)"
        case (.included(let low), .excluded(let high)):
            if let prefix = Self.prefixMatch(low, high) { return "\(name)==\(prefix)" }
            return "\(name)>=\(low.boundText),<\(high.boundText)"
        case (.excluded(let low), .unbounded):
            return "\(name)>\(low.boundText)"
        case (.excluded(let low), .included(let high)):
            return "\(name)>\(low.boundText),<=\(high.boundText)"
        case (.excluded(let low), .excluded(let high)):
            return "\(name)>\(low.boundText),<\(high.boundText)"
        }
    }

    /// `1.2.*` when `[low, high)` is exactly the prefix match `==1.2.*` (`[1.2.dev0, 1.3.dev0)`).
    private static func prefixMatch(_ low: Version, _ high: Version) -> String? {
        guard low.bound == .none, high.bound == .none, low.dev == 0, high.dev == 0, low.pre == nil, high.pre == nil,
              low.post == nil, high.post == nil, low.epoch == high.epoch, !low.release.isEmpty,
              low.release.count == high.release.count else { return nil }
        var bumped = low.release
        bumped[bumped.count - 1] += 1
        guard bumped == high.release else { return nil }
        return low.release.map(String.init).joined(separator: ".") + ".*"
    }
}

/// `content` with `left` added unless it starts with whitespace and `right` added unless it
/// ends with whitespace (multi-line ranges end with a newline).
func padded(_ left: String, _ content: String, _ right: String) -> String {
    let start = content.first.map { $0.isWhitespace } ?? false
    let end = content.last.map { $0.isWhitespace } ?? false
    return (start ? "" : left) + content + (end ? "" : right)
}
