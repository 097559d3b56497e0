import PEP440

extension VersionSpecifiers {
    /// Whether a `Requires-Python` value admits `python`, as uv judges it: only the lower bound
    /// counts (`<=3.8` and `<4` do not exclude newer interpreters, since packages rarely mean
    /// them and the upper bound cannot be relied on).
    func admitsPython(_ python: Version) -> Bool {
        let ranges = self.ranges
        guard let first = ranges.segments.first else { return false }
        switch first.lower {
        case .unbounded: return true
        case .included(let bound): return python >= bound
        case .excluded(let bound): return python > bound
        }
    }

    /// The Python versions a `Requires-Python` value admits, by its lower bound only: what a
    /// version that requires it depends on (`Python>=3.10`).
    var pythonLowerBound: VersionRanges {
        guard let first = ranges.segments.first else { return .empty }
        return VersionRanges(segments: [(first.lower, .unbounded)])
    }

    /// The lowest Python version a `Requires-Python` value admits (its lower bound's
    /// version), or `nil` when it has none.
    var pythonLowerBoundVersion: Version? {
        switch ranges.segments.first?.lower {
        case .included(let version)?, .excluded(let version)?: return Version(version.boundText) ?? version
        default: return nil
        }
    }
}
