extension Version: Comparable, Hashable {
    /// Packs versions with epoch 0, up to four release components (the first below 2^16, the
    /// others below 2^8), at most one of pre/post/dev with a number below 2^16, and no local
    /// label into one `UInt64` whose integer order is the version order. Returns 0 otherwise.
    ///
    /// Layout (high to low): 1 bit set (so no packed key is 0), 15 bits release[0], 8+8+8 bits
    /// release[1...3], 4 bits suffix kind, 16 bits suffix number, 4 bits zero.
    /// Suffix kinds: 2 dev, 3 alpha, 4 beta, 5 rc, 6 final, 7 post.
    static func pack(epoch: UInt64, release: [UInt64], pre: (kind: PreKind, number: UInt64)?, post: UInt64?,
                     dev: UInt64?, hasLocal: Bool, bound: Bound) -> UInt64 {
        guard epoch == 0, !hasLocal, release.count <= 4, bound == .none else { return 0 }
        guard release[0] < 1 << 15 else { return 0 }
        for index in 1..<release.count where release[index] >= 256 { return 0 }
        var key: UInt64 = 1 << 63 | release[0] << 48
        if release.count > 1 { key |= release[1] << 40 }
        if release.count > 2 { key |= release[2] << 32 }
        if release.count > 3 { key |= release[3] << 24 }
        let kind: UInt64
        let number: UInt64
        switch (pre, post, dev, bound) {
        case (nil, nil, let dev?, .none): (kind, number) = (2, dev)
        case (let pre?, nil, nil, .none): (kind, number) = (UInt64(pre.kind.rawValue) + 2, pre.number)
        case (nil, nil, nil, .none): (kind, number) = (6, 0)
        case (nil, let post?, nil, .none): (kind, number) = (7, post)
        default: return 0
        }
        guard number < 1 << 16 else { return 0 }
        return key | kind << 20 | number << 4
    }

    public static func == (lhs: Version, rhs: Version) -> Bool {
        if lhs.packedKey != 0 && rhs.packedKey != 0 { return lhs.packedKey == rhs.packedKey }
        return compare(lhs, rhs) == 0
    }

    public static func < (lhs: Version, rhs: Version) -> Bool {
        if lhs.packedKey != 0 && rhs.packedKey != 0 { return lhs.packedKey < rhs.packedKey }
        return compare(lhs, rhs) < 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(epoch)
        for part in trimmedRelease { hasher.combine(part) }
        hasher.combine(pre?.kind.rawValue ?? 0)
        hasher.combine(pre?.number ?? 0)
        hasher.combine(post.map { $0 &+ 1 } ?? 0)
        hasher.combine(dev.map { $0 &+ 1 } ?? 0)
        hasher.combine(local)
        hasher.combine(bound.rawValue)
    }

    /// Three-way comparison in PEP 440 order.
    static func compare(_ lhs: Version, _ rhs: Version) -> Int {
        if lhs.epoch != rhs.epoch { return lhs.epoch < rhs.epoch ? -1 : 1 }
        let count = max(lhs.release.count, rhs.release.count)
        for index in 0..<count {
            let a = index < lhs.release.count ? lhs.release[index] : 0
            let b = index < rhs.release.count ? rhs.release[index] : 0
            if a != b { return a < b ? -1 : 1 }
        }
        let left = lhs.suffixKey
        let right = rhs.suffixKey
        if left != right { return left < right ? -1 : 1 }
        return compareLocal(lhs, rhs)
    }

    /// Orders everything after the release: (phase, pre number, post, dev), where phase is
    /// 1 dev-only, 2–4 alpha/beta/rc, 5 final or post. `afterPosts` takes post and dev
    /// numbers above every real one.
    private var suffixKey: SuffixKey {
        let phase: UInt8
        if let pre {
            phase = pre.kind.rawValue + 1
        } else if post == nil, dev != nil {
            phase = 1
        } else {
            phase = 5
        }
        // Post: absent sorts lowest (0), else n + 1. Dev: absent sorts highest.
        if bound == .afterPosts {
            return SuffixKey(phase: phase, preNumber: pre?.number ?? 0, post: .max, dev: .max)
        }
        return SuffixKey(phase: phase, preNumber: pre?.number ?? 0,
                         post: post.map { SuffixKey.Number($0) + 1 } ?? 0,
                         dev: dev.map { SuffixKey.Number($0) } ?? SuffixKey.Number(UInt64.max) + 1)
    }

    private static func compareLocal(_ lhs: Version, _ rhs: Version) -> Int {
        let leftMax = lhs.bound == .afterLocals
        let rightMax = rhs.bound == .afterLocals
        if leftMax || rightMax { return leftMax == rightMax ? 0 : (leftMax ? 1 : -1) }
        for (a, b) in zip(lhs.local, rhs.local) where a != b {
            return a < b ? -1 : 1
        }
        if lhs.local.count != rhs.local.count { return lhs.local.count < rhs.local.count ? -1 : 1 }
        return 0
    }
}

/// The comparable part of a version after its release; numbers widened so that "absent" can
/// sort below or above every real number.
private struct SuffixKey: Equatable, Comparable {
    typealias Number = UInt128
    var phase: UInt8
    var preNumber: UInt64
    var post: Number
    var dev: Number

    static func < (lhs: SuffixKey, rhs: SuffixKey) -> Bool {
        (lhs.phase, lhs.preNumber) != (rhs.phase, rhs.preNumber)
            ? (lhs.phase, lhs.preNumber) < (rhs.phase, rhs.preNumber)
            : (lhs.post, lhs.dev) < (rhs.post, rhs.dev)
    }
}
