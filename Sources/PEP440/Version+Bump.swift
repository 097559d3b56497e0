extension Version {
    /// One change `uv version --bump` makes to a version.
    ///
    /// The components form a hierarchy, `major > minor > patch > pre-release > post > dev`;
    /// changing one clears those below it, and a component that is absent counts from zero
    /// (bumping it gives 1).
    public enum Bump: Sendable, Equatable {
        /// The release component at `index` (0 major, 1 minor, 2 patch): incremented, or set to
        /// `value`; later components become 0 and the release is padded to reach `index`.
        case release(index: Int, value: UInt64?)
        /// Drop the pre-release, post-release and dev parts.
        case stable
        /// The pre-release of `kind`: incremented when the version already is one of that kind,
        /// else set to 1 (or to `value`).
        case prerelease(PreKind, value: UInt64?)
        /// The post-release number: incremented, or set to 1 (or to `value`).
        case post(value: UInt64?)
        /// The dev number: incremented, or set to 1 (or to `value`).
        case dev(value: UInt64?)
    }

    /// This version with `bump` applied, as uv applies it (epoch and local label kept):
    /// `1.2.3 --bump minor` → `1.3.0`, `0.2 --bump minor` → `0.3`, `1.0b1 --bump beta` → `1.0b2`,
    /// `1.0a1.post2.dev3 --bump dev` → `1.0a1.post2.dev4`.
    public func bumped(_ bump: Bump) -> Version {
        var release = self.release
        var pre = self.pre
        var post = self.post
        var dev = self.dev
        switch bump {
        case .release(let index, let value):
            pre = nil
            post = nil
            dev = nil
            let length = max(release.count, index + 1)
            release = (0 ..< length).map { position in
                if position < index { return position < release.count ? release[position] : 0 }
                if position == index { return value ?? ((position < release.count ? release[position] : 0) + 1) }
                return 0
            }
        case .stable:
            pre = nil
            post = nil
            dev = nil
        case .prerelease(let kind, let value):
            post = nil
            dev = nil
            if let value {
                pre = (kind, value)
            } else if let current = pre, current.kind == kind {
                pre = (kind, current.number + 1)
            } else {
                pre = (kind, 1)
            }
        case .post(let value):
            dev = nil
            post = value ?? post.map { $0 + 1 } ?? 1
        case .dev(let value):
            dev = value ?? dev.map { $0 + 1 } ?? 1
        }
        return Version(epoch: epoch, release: release, pre: pre, post: post, dev: dev, local: local)
    }
}
