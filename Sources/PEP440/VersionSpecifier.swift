import SuvBasics

/// One PEP 440 specifier clause, such as `>=1.0`, `==1.2.*`, `~=2.2` or `===foo`.
///
/// ``contains(_:)`` applies the operator alone, with PEP 440's exclusive-bound rules (`<V`
/// rejects pre-releases of V's release unless V is one; `>V` rejects V's post-releases unless V
/// is one, and local versions of V's release); whether pre-releases are admitted at all is
/// decided by ``VersionSpecifiers``.
public struct VersionSpecifier: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, CaseIterable {
        case compatible = "~="
        case equal = "=="
        case notEqual = "!="
        case lessThanOrEqual = "<="
        case greaterThanOrEqual = ">="
        case lessThan = "<"
        case greaterThan = ">"
        case arbitraryEqual = "==="
    }

    public let op: Operator
    /// The version text as written (whitespace stripped), e.g. `1.0.*`, `v1.0`.
    public let versionText: String
    /// The parsed version (without `.*`); nil only for `===` with a non-PEP 440 string.
    public let version: Version?
    /// Whether this is a prefix match (`==1.2.*` or `!=1.2.*`).
    public let isWildcard: Bool

    /// Builds a specifier from parts (as the resolver and `add --bounds` do).
    public init(_ op: Operator, _ version: Version, wildcard: Bool = false) {
        self.op = op
        self.version = version
        self.isWildcard = wildcard
        self.versionText = version.description + (wildcard ? ".*" : "")
    }

    /// Parses one clause; see ``VersionSpecifierParseError`` for what is rejected.
    public init(parsing text: String) throws(VersionSpecifierParseError) {
        let trimmed = text.trimmingPythonWhitespace
        guard let op = Self.operatorPrefix(of: trimmed) else {
            throw VersionSpecifierParseError(input: text, reason: "expected one of `~=`, `==`, `!=`, `<=`, `>=`, `<`, `>`, `===`")
        }
        let rest = String(trimmed.unicodeScalars.dropFirst(op.rawValue.count)).trimmingPythonWhitespace
        self.op = op
        self.versionText = rest
        if op == .arbitraryEqual {
            guard !rest.unicodeScalars.contains(where: { $0.isPythonWhitespace || $0 == ";" || $0 == ")" }) else {
                throw VersionSpecifierParseError(input: text, reason: "an arbitrary-equality version cannot contain whitespace, `;` or `)`")
            }
            self.version = Version(rest)
            self.isWildcard = false
            return
        }
        guard !rest.isEmpty else { throw VersionSpecifierParseError(input: text, reason: "missing version") }
        let wildcard = rest.hasSuffix(".*")
        let versionPart = wildcard ? String(rest.dropLast(2)) : rest
        guard !versionPart.unicodeScalars.contains(where: \.isPythonWhitespace),
              let version = Version(versionPart) else {
            throw VersionSpecifierParseError(input: text, reason: "`\(rest)` is not a valid version")
        }
        if wildcard {
            guard op == .equal || op == .notEqual else {
                throw VersionSpecifierParseError(input: text, reason: "a wildcard is only allowed with `==` and `!=`")
            }
            guard version.pre == nil, version.post == nil, version.dev == nil, version.local.isEmpty else {
                throw VersionSpecifierParseError(input: text, reason: "a wildcard may only follow a release (`==1.2.*`)")
            }
        }
        if !version.local.isEmpty && op != .equal && op != .notEqual {
            throw VersionSpecifierParseError(input: text, reason: "a local version is only allowed with `==` and `!=`")
        }
        if op == .compatible && version.release.count < 2 {
            throw VersionSpecifierParseError(input: text, reason: "`~=` needs at least two release components")
        }
        self.version = version
        self.isWildcard = wildcard
    }

    /// The operator at the start of `text`, preferring `===` to `==`. Compared by scalars, as
    /// packaging's regular expression does: `String.hasPrefix` compares characters, and a
    /// combining mark after `===` makes its last `=` another character (`===\u{35A}x` is `===`
    /// with the version `\u{35A}x`, not `==` with `=\u{35A}x`).
    private static func operatorPrefix(of text: String) -> Operator? {
        for op in [Operator.arbitraryEqual, .compatible, .equal, .notEqual, .lessThanOrEqual, .greaterThanOrEqual, .lessThan, .greaterThan]
        where text.unicodeScalars.starts(with: op.rawValue.unicodeScalars) {
            return op
        }
        return nil
    }

    /// `packaging`'s `str(Specifier)`: the operator and the version as written.
    public var description: String { op.rawValue + versionText }

    /// Whether this clause names a pre-release (so pre-releases become acceptable).
    public var namesPrerelease: Bool {
        switch op {
        case .notEqual: return false
        case .arbitraryEqual, .equal, .compatible, .lessThanOrEqual, .greaterThanOrEqual, .lessThan, .greaterThan:
            return version?.isPrerelease ?? false
        }
    }

    /// Whether `candidate` satisfies the operator (pre-release policy aside).
    public func contains(_ candidate: Version) -> Bool {
        guard let spec = version else { return false }
        switch op {
        case .arbitraryEqual:
            return candidate.description.lowercased() == versionText.lowercased()
        case .equal:
            return isWildcard ? matchesPrefix(candidate, spec) : matchesExactly(candidate, spec)
        case .notEqual:
            return !(isWildcard ? matchesPrefix(candidate, spec) : matchesExactly(candidate, spec))
        case .lessThanOrEqual:
            return candidate.publicVersion <= spec
        case .greaterThanOrEqual:
            return candidate.publicVersion >= spec
        case .lessThan:
            // `<V` excludes V's own pre-releases (from `V.dev0` on) unless V is one.
            guard candidate < spec else { return false }
            return spec.isPrerelease || !candidate.isPrerelease || candidate < spec.earliestPrerelease
        case .greaterThan:
            // `>V` excludes V's post-releases unless V is one, and V's local versions.
            guard candidate > spec else { return false }
            if !spec.isPostrelease, candidate.isPostrelease, candidate.postBase == spec { return false }
            if candidate.isLocal, candidate.publicVersion == spec { return false }
            return true
        case .compatible:
            let prefix = Version(epoch: spec.epoch, release: Array(spec.release.dropLast()))
            return candidate >= spec && matchesPrefix(candidate, prefix)
        }
    }

    /// Whether a string that is not a valid version satisfies this clause (only `===` can).
    public func contains(rawCandidate: String) -> Bool {
        op == .arbitraryEqual && rawCandidate.lowercased() == versionText.lowercased()
    }

    private func matchesExactly(_ candidate: Version, _ spec: Version) -> Bool {
        spec.local.isEmpty ? candidate.publicVersion == spec : candidate == spec
    }

    /// `==X.Y.*`: same epoch, and the release starts with X.Y (missing components are zeros).
    private func matchesPrefix(_ candidate: Version, _ prefix: Version) -> Bool {
        guard candidate.epoch == prefix.epoch else { return false }
        for (index, part) in prefix.release.enumerated() {
            let value = index < candidate.release.count ? candidate.release[index] : 0
            if value != part { return false }
        }
        return true
    }

    /// What `packaging` compares specifiers by: the operator with the version as written for
    /// `===` and wildcards, normalized for `~=` (trailing zeros kept), and normalized without
    /// trailing zeros otherwise (`==1.0` equals `== 1.0.0`).
    var identity: String {
        let text: String
        if op == .arbitraryEqual || isWildcard {
            text = versionText
        } else if let version {
            text = op == .compatible ? version.description : version.canonicalTrimmed
        } else {
            text = versionText
        }
        return op.rawValue + text
    }

    public static func == (lhs: VersionSpecifier, rhs: VersionSpecifier) -> Bool {
        lhs.identity == rhs.identity
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(identity)
    }
}

/// Why a string is not a version specifier.
public struct VersionSpecifierParseError: SuvError, Equatable {
    public let input: String
    public let reason: String
    public var message: String { "Invalid version specifier `\(input)`: \(reason)" }
}
