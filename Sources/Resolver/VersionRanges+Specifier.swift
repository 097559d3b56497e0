import PEP440

extension VersionRanges {
    /// The ranges as specifier text for messages: `==1.0`, `>=2`, `<1.0`, `>=1.0,<2.0`, `!=1.0`;
    /// disjoint pieces are joined by ` | `. Empty for the full range.
    ///
    /// Range bounds may be synthetic versions (see `Version.Bound`); they print as the specifier
    /// that produced them: `<2` is stored as `< 2.dev0` and prints as `<2`, `==1.0` is stored as
    /// `[1.0, 1.0+<max local>]` and prints as `==1.0`.
    var specifierText: String {
        if isFull { return "" }
        if isEmpty { return "∅" }
        if segments.count == 2, case .unbounded = segments[0].lower, case .unbounded = segments[1].upper,
           case .excluded(let low) = segments[0].upper, case .excluded(let high) = segments[1].lower,
           high.bound == .afterLocals, high.description == low.description, low.bound == .none, !low.isLocal {
            return "!=\(low.boundText)"
        }
        return segments.map { segment in
            if case .included(let low) = segment.lower, case .included(let high) = segment.upper,
               low.bound == .none, low == high || (high.bound == .afterLocals && high.description == low.description && !low.isLocal) {
                return "==\(low)"
            }
            var parts: [String] = []
            switch segment.lower {
            case .unbounded: break
            case .included(let version): parts.append(">=\(version.boundText)")
            case .excluded(let version): parts.append(">\(version.boundText)")
            }
            switch segment.upper {
            case .unbounded: break
            case .included(let version): parts.append("<=\(version.boundText)")
            case .excluded(let version): parts.append("<\(version.boundText)")
            }
            return parts.joined(separator: ",")
        }.joined(separator: " | ")
    }
}
