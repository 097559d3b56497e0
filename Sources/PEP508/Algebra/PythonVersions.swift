import PEP440

/// How `python_version` conditions map onto `python_full_version`, and uv's view of Python
/// versions as final releases only.
enum PythonVersions {
    /// `python_version` is `major.minor`; a condition on it holds for whole "buckets" of full
    /// versions, `[X.Y.dev0, X.(Y+1).dev0)`. Maps a range of `major.minor` values to the
    /// exact range of full versions whose `major.minor` lies in it.
    static func fullVersionRanges(forPythonVersion ranges: VersionRanges) -> VersionRanges {
        var result = VersionRanges.empty
        for segment in ranges.segments {
            let lower: Version?
            switch segment.lower {
            case .unbounded: lower = nil
            case .included(let version): lower = firstBucket(atLeast: version, strictly: false)
            case .excluded(let version): lower = firstBucket(atLeast: version, strictly: true)
            }
            let upper: Version?
            switch segment.upper {
            case .unbounded: upper = nil
            case .included(let version): upper = firstBucket(atLeast: version, strictly: true)
            case .excluded(let version): upper = firstBucket(atLeast: version, strictly: false)
            }
            let piece: VersionRanges
            switch (lower, upper) {
            case (nil, nil): piece = .full
            case (let low?, nil): piece = .atLeast(devZero(low))
            case (nil, let high?): piece = .lessThan(devZero(high))
            case (let low?, let high?): piece = .between(devZero(low), devZero(high))
            }
            result = result.union(piece)
        }
        return result
    }

    /// The smallest `major.minor` value at or above (or strictly above) `version`.
    private static func firstBucket(atLeast version: Version, strictly: Bool) -> Version {
        let candidate = Version(epoch: version.epoch, release: [version.major, version.minor])
        // A bound at (or just below) the start of a bucket keeps its release's spelling (`4`
        // stays `4`, as in uv).
        let release = Version(epoch: version.epoch, release: version.release)
        if candidate == release, strictly ? release > version : release >= version {
            return release
        }
        if strictly ? candidate > version : candidate >= version { return candidate }
        return Version(epoch: version.epoch, release: [version.major, version.minor + 1])
    }

    private static func devZero(_ version: Version) -> Version {
        Version(epoch: version.epoch, release: version.release, dev: 0)
    }

    /// The range as seen when only final releases (epoch and release) exist: each bound moves
    /// to the release it falls next to, and touching pieces merge.
    static func releasesOnly(_ ranges: VersionRanges) -> VersionRanges {
        var result = VersionRanges.empty
        for segment in ranges.segments {
            let lower = project(segment.lower, isLower: true)
            let upper = project(segment.upper, isLower: false)
            let piece = VersionRanges(segments: [(lower, upper)])
            if VersionRanges.isNonEmpty(lower, upper) { result = result.union(piece) }
        }
        return result
    }

    private static func project(_ bound: VersionRanges.Bound, isLower: Bool) -> VersionRanges.Bound {
        guard let version = bound.version else { return .unbounded }
        let release = Version(epoch: version.epoch, release: version.release)
        if version == release, version.bound == .none { return bound }
        // Pre-releases of X sit below X; post, local and boundary versions above it.
        let below = version < release
        switch (bound, isLower) {
        case (.included, true), (.excluded, true):
            return below ? .included(release) : .excluded(release)
        case (.included, false), (.excluded, false):
            return below ? .excluded(release) : .included(release)
        case (.unbounded, _):
            return .unbounded
        }
    }
}
