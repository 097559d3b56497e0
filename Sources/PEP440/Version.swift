import SuvBasics

/// A PEP 440 version: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`.
///
/// Versions compare as PEP 440 orders them: trailing zeros of the release do not matter
/// (`1.0 == 1.0.0`), a developmental release sorts before its pre-releases, pre-releases before
/// the final release, post-releases after it, and a local label (`+ubuntu1`) sorts after the
/// same public version. ``description`` is the normalized form (`1.0-1` → `1.0.post1`).
///
/// Numbers are limited to 64 bits, as uv limits them; larger numbers make a version invalid.
///
/// Most real versions fit a packed 64-bit key (see ``packedKey``), so comparing them is one
/// integer comparison.
public struct Version: Sendable {
    /// Pre-release kinds, in order.
    public enum PreKind: UInt8, Sendable, Comparable {
        case alpha = 1, beta = 2, rc = 3

        public static func < (lhs: PreKind, rhs: PreKind) -> Bool { lhs.rawValue < rhs.rawValue }

        var letters: String {
            switch self {
            case .alpha: "a"
            case .beta: "b"
            case .rc: "rc"
            }
        }
    }

    /// A segment of a local label: numeric segments sort after alphanumeric ones.
    public enum LocalSegment: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Lowercased text.
        case text(String)
        /// Decimal digits without leading zeros (`"0"` for zero); compared by value.
        case number(String)

        public static func < (lhs: LocalSegment, rhs: LocalSegment) -> Bool {
            switch (lhs, rhs) {
            case (.text(let a), .text(let b)): a < b
            case (.text, .number): true
            case (.number, .text): false
            case (.number(let a), .number(let b)): a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a < b
            }
        }

        public var description: String {
            switch self {
            case .text(let text), .number(let text): text
            }
        }
    }

    /// Marks the synthetic versions that range bounds need between real versions:
    ///
    ///     V < V+local < afterLocals(V) < V.post0 < afterPosts(V)
    ///
    /// `afterLocals` bounds `<=V` and `==V`; `afterPosts` bounds `>V` (it sorts above every
    /// post-release of V, with or without dev or local parts).
    package enum Bound: UInt8, Sendable {
        case none = 0, afterLocals, afterPosts
    }

    public let epoch: UInt64
    public let release: [UInt64]
    public let pre: (kind: PreKind, number: UInt64)?
    public let post: UInt64?
    public let dev: UInt64?
    /// The local label's segments; empty when there is none.
    public let local: [LocalSegment]
    package let bound: Bound
    /// A 64-bit key ordering this version among other packable versions, or 0 when the
    /// version does not fit (then comparisons take the general path).
    let packedKey: UInt64

    /// Builds a version from its parts; `release` must not be empty.
    public init(epoch: UInt64 = 0, release: [UInt64], pre: (kind: PreKind, number: UInt64)? = nil,
                post: UInt64? = nil, dev: UInt64? = nil, local: [LocalSegment] = []) {
        self.init(epoch: epoch, release: release.isEmpty ? [0] : release, pre: pre, post: post, dev: dev, local: local, bound: .none)
    }

    init(epoch: UInt64, release: [UInt64], pre: (kind: PreKind, number: UInt64)?, post: UInt64?, dev: UInt64?,
         local: [LocalSegment], bound: Bound) {
        self.epoch = epoch
        self.release = release
        self.pre = pre
        self.post = post
        self.dev = dev
        self.local = local
        self.bound = bound
        self.packedKey = Version.pack(epoch: epoch, release: release, pre: pre, post: post, dev: dev,
                                      hasLocal: !local.isEmpty, bound: bound)
    }

    // MARK: Properties (as `packaging.version.Version` names them)

    public var isPrerelease: Bool { pre != nil || dev != nil }
    public var isPostrelease: Bool { post != nil }
    public var isDevrelease: Bool { dev != nil }
    public var isLocal: Bool { !local.isEmpty }

    public var major: UInt64 { release.first ?? 0 }
    public var minor: UInt64 { release.count > 1 ? release[1] : 0 }
    public var micro: UInt64 { release.count > 2 ? release[2] : 0 }

    /// The version without its local label.
    public var publicVersion: Version {
        local.isEmpty ? self : Version(epoch: epoch, release: release, pre: pre, post: post, dev: dev, local: [], bound: .none)
    }

    /// Epoch and release only (`1!2.0rc1` → `1!2.0`).
    public var baseVersion: Version {
        Version(epoch: epoch, release: release, pre: nil, post: nil, dev: nil, local: [], bound: .none)
    }

    /// The release with trailing zeros removed (at least one component kept).
    var trimmedRelease: ArraySlice<UInt64> {
        var end = release.count
        while end > 1, release[end - 1] == 0 { end -= 1 }
        return release[..<end]
    }

    // MARK: Related versions

    /// `V.dev0` without local: the earliest pre-release of V (`1.2` → `1.2.dev0`,
    /// `1.2.post1` → `1.2.post1.dev0`).
    var earliestPrerelease: Version {
        Version(epoch: epoch, release: release, pre: pre, post: post, dev: 0, local: [], bound: .none)
    }

    /// The version this one is a post-release of (`1.0a1.post2.dev1` → `1.0a1`).
    var postBase: Version {
        Version(epoch: epoch, release: release, pre: pre, post: nil, dev: nil, local: [], bound: .none)
    }

    /// The bound just above V and its local versions.
    var afterLocals: Version {
        Version(epoch: epoch, release: release, pre: pre, post: post, dev: dev, local: [], bound: .afterLocals)
    }

    /// The bound just above V's post-releases (V itself must have no post or dev part).
    var afterPosts: Version {
        Version(epoch: epoch, release: release, pre: pre, post: nil, dev: nil, local: [], bound: .afterPosts)
    }

    /// A new version with a different release (used for bumping and wildcard bounds).
    public func withRelease(_ release: [UInt64]) -> Version {
        Version(epoch: epoch, release: release, pre: pre, post: post, dev: dev, local: local)
    }
}
