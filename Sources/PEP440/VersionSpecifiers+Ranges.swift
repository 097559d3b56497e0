extension VersionSpecifier {
    /// The versions this clause accepts, pre-release policy aside, as an exact range.
    /// `===` with a PEP 440 version is that exact version; with other text it matches no version.
    public var ranges: VersionRanges {
        guard let spec = version else { return .empty }
        switch op {
        case .arbitraryEqual:
            return .exactly(spec)
        case .equal:
            return isWildcard ? Self.prefixRange(spec) : Self.equalRange(spec)
        case .notEqual:
            return (isWildcard ? Self.prefixRange(spec) : Self.equalRange(spec)).complement
        case .greaterThanOrEqual:
            return .atLeast(spec)
        case .lessThanOrEqual:
            return .atMost(spec.afterLocals)
        case .lessThan:
            return .lessThan(spec.isPrerelease ? spec : spec.earliestPrerelease)
        case .greaterThan:
            if spec.isPostrelease || spec.isDevrelease { return .greaterThan(spec.afterLocals) }
            return .greaterThan(spec.afterPosts)
        case .compatible:
            let prefix = Version(epoch: spec.epoch, release: Array(spec.release.dropLast()))
            return VersionRanges.atLeast(spec).intersection(Self.prefixRange(prefix))
        }
    }

    /// `==V`: V and its local versions, or exactly V when V has a local label.
    private static func equalRange(_ spec: Version) -> VersionRanges {
        spec.isLocal ? .exactly(spec) : VersionRanges(segments: [(.included(spec), .included(spec.afterLocals))])
    }

    /// `==X.Y.*`: from `X.Y.dev0` up to (not including) `X.(Y+1).dev0`.
    private static func prefixRange(_ prefix: Version) -> VersionRanges {
        var next = prefix.release
        next[next.count - 1] += 1
        let lower = Version(epoch: prefix.epoch, release: prefix.release, dev: 0)
        let upper = Version(epoch: prefix.epoch, release: next, dev: 0)
        return .between(lower, upper)
    }
}

extension VersionSpecifiers {
    /// The versions every clause accepts, pre-release policy aside.
    public var ranges: VersionRanges {
        specifiers.reduce(VersionRanges.full) { $0.intersection($1.ranges) }
    }

    /// Whether no version can satisfy every clause (`packaging`'s `is_unsatisfiable`).
    public var isUnsatisfiable: Bool {
        let arbitrary = specifiers.filter { $0.op == .arbitraryEqual }
        if arbitrary.isEmpty { return ranges.isEmpty }
        // `===` compares text: two different texts can never both match.
        let texts = Set(arbitrary.map { $0.versionText.lowercased() })
        if texts.count > 1 { return true }
        let others = VersionSpecifiers(specifiers.filter { $0.op != .arbitraryEqual })
        guard let version = arbitrary[0].version else { return !others.isEmpty }
        return !others.ranges.contains(version)
    }
}
