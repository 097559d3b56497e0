import PEP440

extension NormalizedMarker {
    /// `python_full_version` within `ranges`, as a marker: what a lock's `requires-python`
    /// adds back to the simplified markers it records.
    public static func pythonVersions(_ ranges: VersionRanges) -> NormalizedMarker {
        constraint(.python, .versions(ranges))
    }
}
